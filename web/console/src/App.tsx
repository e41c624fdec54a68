import { Center, Loader } from '@mantine/core';
import { Layout, takeReturnTo, unwrap } from '@spotfunnel/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { AgentsPage } from './agents/AgentsPage';
import { api } from './api/client';
import type { WhoAmI } from './api/types';

const BASE = '/console';
const nav = [
  { to: '/agents', label: 'Agents' },
  { to: '/onboarding', label: 'Onboarding' },
  { to: '/knowledge', label: 'Knowledge bases' },
  { to: '/numbers', label: 'Phone numbers' },
  { to: '/intelligence', label: 'Intelligence' },
  { to: '/quality', label: 'Quality' },
  { to: '/costs', label: 'Costs' },
  { to: '/stress-test', label: 'Stress test' },
  { to: '/users', label: 'Users' },
  { to: '/sessions', label: 'My sessions' },
];

/** After sign-in admin-api lands on /console/; go back to the page the person was on when the session ended. */
function Home() {
  const back = takeReturnTo(BASE + '/');
  return <Navigate to={back ? back.slice(BASE.length) : '/agents'} replace />;
}

/** The frame of every page, its header naming the signed-in operator (admin-api GET /me). */
function ConsoleLayout() {
  const me = useQuery({ queryKey: ['me'], queryFn: async () => (await unwrap(api.GET('/me'))) as WhoAmI, staleTime: Infinity });
  return <Layout product="SpotFunnel operator console" nav={nav} signOutUrl="/logout"
    person={me.data && { name: me.data.name, roles: me.data.roles }} />;
}

// Every page but the agents list loads when opened (route-level code splitting keeps the first load small).
const lazyPage = (load: () => Promise<{ default: React.ComponentType }>): RouteObject['lazy'] =>
  async () => ({ Component: (await load()).default });

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <ConsoleLayout />,
    HydrateFallback: () => <Center p="xl"><Loader aria-label="Loading" /></Center>,
    children: [
      { index: true, element: <Home /> },
      { path: 'agents', element: <AgentsPage /> },
      { path: 'agents/:tenantId', lazy: lazyPage(() => import('./agents/AgentEditRoute')) },
      { path: 'onboarding', lazy: lazyPage(() => import('./onboarding/OnboardingRoute')) },
      { path: 'onboarding/:sessionId', lazy: lazyPage(() => import('./onboarding/WizardRoute')) },
      { path: 'knowledge', lazy: lazyPage(() => import('./knowledge/KnowledgeRoute')) },
      { path: 'numbers', lazy: lazyPage(() => import('./people/NumbersRoute')) },
      { path: 'users', lazy: lazyPage(() => import('./people/UsersRoute')) },
      { path: 'sessions', lazy: lazyPage(() => import('./people/SessionsRoute')) },
      { path: 'intelligence', lazy: lazyPage(() => import('./analytics/IntelligenceRoute')) },
      { path: 'quality', lazy: lazyPage(() => import('./analytics/QualityRoute')) },
      { path: 'costs', lazy: lazyPage(() => import('./analytics/CostsRoute')) },
      { path: 'stress-test', lazy: lazyPage(() => import('./stress/StressTestRoute')) },
      { path: '*', element: <Navigate to="/agents" replace /> },
    ],
  },
];

export function App() {
  // Created on first render (not at import), from the address the page has then.
  const [router] = useState(() => createBrowserRouter(routes, { basename: BASE }));
  return <RouterProvider router={router} />;
}
