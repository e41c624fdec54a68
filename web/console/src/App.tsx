import { Layout } from '@spotfunnel/shared';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { HomePage } from './HomePage';

// The operator console (admin-api, role admin). A placeholder page until its screens land.
const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout product="SpotFunnel operator console" nav={[{ to: '/', label: 'Home' }]} signOutUrl="/logout" />,
    children: [{ index: true, element: <HomePage /> }],
  },
], { basename: '/console' });

export function App() {
  return <RouterProvider router={router} />;
}
