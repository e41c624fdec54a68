import { Layout, takeReturnTo } from '@spotfunnel/shared';
import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { AccountProvider, NeedsTenant, TenantPicker, useAccount } from './account/Account';
import { ActionItemsPage } from './actions/ActionItemsPage';
import { CallDetailPage } from './calls/CallDetailPage';
import { CallsPage } from './calls/CallsPage';

const BASE = '/app';
const nav = [
  { to: '/calls', label: 'Calls' },
  { to: '/action-items', label: 'Action items' },
  { to: '/analytics', label: 'Analytics' },
];

function Frame() {
  const { me } = useAccount();
  return <Layout product="SpotFunnel" nav={nav} person={me} signOutUrl="/logout" headerExtra={<TenantPicker />} />;
}

/** After sign-in the service lands on /app/; go back to the page the person was on when the session ended. */
function Home() {
  const back = takeReturnTo(BASE + '/')?.slice(BASE.length);
  // Signed out on the app's root itself: the way back is this route again, which would render nothing.
  return <Navigate to={back && back !== '/' ? back : '/calls'} replace />;
}

const tenantPage = (page: React.ReactNode) => <NeedsTenant>{page}</NeedsTenant>;

const routes: RouteObject[] = [
  {
    path: '/',
    element: <Frame />,
    children: [
      { index: true, element: <Home /> },
      { path: 'calls', element: tenantPage(<CallsPage />) },
      { path: 'calls/:callId', element: tenantPage(<CallDetailPage />) },
      { path: 'action-items', element: tenantPage(<ActionItemsPage />) },
      // Charts (uPlot) load only when the page is opened: the list's first paint does not wait for them.
      { path: 'analytics', lazy: async () => {
        const { AnalyticsPage } = await import('./analytics/AnalyticsPage');
        return { element: tenantPage(<AnalyticsPage />) };
      } },
      { path: '*', element: <Navigate to="/calls" replace /> },
    ],
  },
];

export function App() {
  // Created on first render (not at import), from the address the page has then.
  const [router] = useState(() => createBrowserRouter(routes, { basename: BASE }));
  return (
    <AccountProvider>
      <RouterProvider router={router} />
    </AccountProvider>
  );
}
