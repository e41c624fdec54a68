import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { App } from './App';
import { rememberReturnTo } from '@spotfunnel/shared';

const call = (id: string, startedAt: string, extra: Record<string, unknown> = {}) => ({
  callId: id, callSid: 'CA' + id, callerPhone: '+61400000' + id, direction: 'inbound', status: 'completed',
  startedAt, endedAt: startedAt, durationSeconds: 65, twilioDurationSeconds: 66, reasonForCalling: 'Book a cleaning',
  summary: 'Booked', outcome: 'appointment_booked', priority: null, totalCost: 0.05, requiresAction: false, archived: false,
  ...extra,
});

let requests: string[] = [];

function answer(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

beforeEach(() => {
  requests = [];
  window.history.replaceState(null, '', '/app/calls');
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string) => {
    const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
    requests.push(url.pathname + url.search);
    if (url.pathname === '/api/v1/me') return answer({ name: 'Dana', roles: ['customer'], tenantId: 'demo-tenant' });
    if (url.pathname === '/api/v1/calls') {
      if (url.searchParams.get('q') === 'boom') {
        return answer({ title: 'Bad Request', status: 400, errors: [{ field: 'q', message: 'must be at most 200 characters' }] }, 400);
      }
      return answer({ items: [call('2', '2026-11-02T10:00:00Z', { requiresAction: true }), call('1', '2026-11-01T10:00:00Z')], nextCursor: null, limit: 50 });
    }
    return answer({ title: 'Not Found', status: 404 }, 404);
  }));
});

afterEach(() => vi.unstubAllGlobals());

function renderApp() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <App />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

it('greets the person and lists their calls, newest first', async () => {
  renderApp();
  expect(await screen.findByText('+614000002', {}, { timeout: 10000 })).toBeTruthy();
  expect(screen.getByText('Dana')).toBeTruthy();
  const rows = screen.getAllByRole('row').slice(1);
  expect(rows[0].textContent).toContain('+614000002');
  expect(rows[0].textContent).toContain('Needs action');
  expect(rows[1].textContent).toContain('+614000001');
});

it('sends the filters to the API and keeps them in the address', async () => {
  renderApp();
  await screen.findByText('+614000002', {}, { timeout: 10000 });
  fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'cleaning' } });
  fireEvent.click(screen.getByLabelText('Failed'));
  fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
  await waitFor(() => expect(requests.some((r) => r.includes('q=cleaning') && r.includes('status=failed'))).toBe(true));
  expect(window.location.search).toContain('q=cleaning');
});

it('shows a bad filter in words, naming the field', async () => {
  renderApp();
  await screen.findByText('+614000002', {}, { timeout: 10000 });
  fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'boom' } });
  fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
  expect(await screen.findByText(/Please correct: q must be at most 200 characters/, {}, { timeout: 10000 })).toBeTruthy();
});

it('signed in again from the app root itself, the person lands on the call list (not an empty page)', async () => {
  window.history.replaceState(null, '', '/app/');
  rememberReturnTo('/app/'); // signed out while on /app/ itself
  renderApp();
  expect(await screen.findByText('+614000002', {}, { timeout: 10000 })).toBeTruthy();
  expect(window.location.pathname).toBe('/app/calls');
});
