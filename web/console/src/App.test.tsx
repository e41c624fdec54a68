import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { App } from './App';

const agent = {
  systemPrompt: 'You are the receptionist.', greeting: 'Thanks for calling', voice: null, transferNumber: '+14155550111',
  providers: { stt: ['simulated'], llm: ['openai', 'simulated'], tts: ['simulated'] }, fallbackMessages: {}, businessHours: null,
};
const tenant = (version: number, greeting = agent.greeting) => ({
  tenantId: 'demo', version, name: 'Demo Dental', industry: 'dental', active: true, phoneNumbers: ['+15005550006'],
  agent: { ...agent, greeting }, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-02T00:00:00Z',
});

interface Seen { method: string; path: string; ifMatch: string | null; body: unknown }
let seen: Seen[] = [];
/** The test's admin-api: each test sets how a PUT of the tenant is answered. */
let onPut: (ifMatch: string | null, body: Record<string, unknown>) => Response;
let current = tenant(3);

function answer(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

beforeEach(() => {
  seen = [];
  sessionStorage.clear();
  current = tenant(3);
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : await request.clone().json().catch(() => undefined);
    seen.push({ method: request.method, path: url.pathname + url.search, ifMatch: request.headers.get('If-Match'), body });
    if (url.pathname === '/me') return answer({ name: 'Olga Operator', email: 'olga@example.com', subject: 'sub-olga', roles: ['admin'] });
    if (url.pathname === '/tenants') return answer([current]);
    if (url.pathname === '/tenants/demo' && request.method === 'GET') return answer(current, 200, { ETag: `"${current.version}"` });
    if (url.pathname === '/tenants/demo' && request.method === 'PUT') return onPut(request.headers.get('If-Match'), body);
    if (url.pathname === '/analytics/intelligence') {
      return answer({ totals: { analyzedCalls: 7, actionRequired: 1, actionRequiredRate: 0.1429 }, outcomes: [], reasons: [], endedCalls: [],
        byTenant: [{ tenantId: 'demo', totals: { analyzedCalls: 7, actionRequired: 1, actionRequiredRate: 0.1429 } }], daily: [] });
    }
    if (url.pathname === '/onboarding/s1') {
      return answer({ id: 's1', tenantId: 'acme', name: 'Acme Plumbing', industry: 'plumbing', status: 'in_progress',
        steps: { agent: true, knowledge: false, telephony: false }, agent, knowledge: null, phoneNumbers: [] });
    }
    if (url.pathname === '/analytics/costs/calls/call-9') {
      return answer({ callId: 'call-9', tenantId: 'demo', totalUsd: 0.037, items: [
        { stage: 'llm', provider: 'openai', costUsd: 0.012, records: 2 },
        { stage: 'tts', provider: 'cartesia', costUsd: 0.025, records: 2 }] });
    }
    return answer({ title: 'Not Found', status: 404 }, 404);
  }));
});

afterEach(() => vi.unstubAllGlobals());

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <App />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const long = { timeout: 15000 };

it('names the signed-in operator in the header (GET /me)', async () => {
  renderAt('/console/agents');
  expect((await screen.findByLabelText('Signed in as', {}, long)).textContent).toBe('Olga Operator');
  expect(seen.some((s) => s.path === '/me')).toBe(true);
});

it('lists every agent with its status and calls today', async () => {
  renderAt('/console/agents');
  const row = (await screen.findByText('Demo Dental', {}, long)).closest('tr')!;
  expect(row.textContent).toContain('Active');
  expect(row.textContent).toContain('+15005550006');
  await waitFor(() => expect(within(row).getByText('7')).toBeTruthy(), long);
});

it('shows a validation error on the field it names', { timeout: 90000 }, async () => {
  onPut = () => answer({ title: 'Bad Request', status: 400, errors: [{ field: 'agent.transferNumber', message: 'must be an E.164 number' }] }, 400);
  renderAt('/console/agents/demo');
  const transfer = await screen.findByLabelText(/Transfer number/, {}, long);
  fireEvent.change(transfer, { target: { value: '0800' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(transfer.getAttribute('aria-invalid')).toBe('true'), long);
  expect(screen.getByText('must be an E.164 number')).toBeTruthy();
  const put = seen.find((s) => s.method === 'PUT')!;
  expect(put.ifMatch).toBe('"3"');
  expect((put.body as { agent: { transferNumber: string } }).agent.transferNumber).toBe('0800');
});

it('shows a concurrent change as a conflict and overwrites only when asked', { timeout: 120000 }, async () => {
  onPut = (ifMatch, body) => (ifMatch === `"${current.version}"`
    ? answer({ ...current, ...body, version: current.version + 1 }, 200, { ETag: `"${current.version + 1}"` })
    : answer({ title: 'Precondition Failed', status: 412, errors: [{ field: 'If-Match', message: 'is not the current version' }] }, 412));
  renderAt('/console/agents/demo');
  const greeting = await screen.findByLabelText(/Greeting/, {}, long);
  // Someone else saves version 4 meanwhile.
  current = tenant(4, 'Hello from the other operator');
  fireEvent.change(greeting, { target: { value: 'My greeting' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Changed meanwhile', {}, long)).toBeTruthy();
  expect(seen.filter((s) => s.method === 'PUT')).toHaveLength(1);
  expect((screen.getByLabelText(/Greeting/) as HTMLTextAreaElement).value).toBe('My greeting');

  fireEvent.click(screen.getByRole('button', { name: 'Compare with theirs' }));
  const table = await screen.findByRole('table', { name: 'Your edit compared with the saved version' }, long);
  expect(table.textContent).toContain('agent.greeting');
  expect(table.textContent).toContain('My greeting');
  expect(table.textContent).toContain('Hello from the other operator');

  fireEvent.click(screen.getByRole('button', { name: 'Save mine over theirs' }));
  await waitFor(() => expect(screen.queryByText('Changed meanwhile')).toBeNull(), long);
  const puts = seen.filter((s) => s.method === 'PUT');
  expect(puts).toHaveLength(2);
  expect(puts[1].ifMatch).toBe('"4"');
});

it('discarding after a conflict shows their version', { timeout: 90000 }, async () => {
  onPut = () => answer({ title: 'Precondition Failed', status: 412 }, 412);
  renderAt('/console/agents/demo');
  const greeting = await screen.findByLabelText(/Greeting/, {}, long);
  current = tenant(4, 'Theirs');
  fireEvent.change(greeting, { target: { value: 'Mine' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Discard mine and reload' }, long));
  await waitFor(() => expect((screen.getByLabelText(/Greeting/) as HTMLTextAreaElement).value).toBe('Theirs'), long);
});

it('resumes an onboarding at its first unsaved step', async () => {
  renderAt('/console/onboarding/s1');
  expect(await screen.findByRole('heading', { name: 'Knowledge base (optional)' }, long)).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Onboarding Acme Plumbing' })).toBeTruthy();
});

it('shows the cost of one call named in the address, per stage and provider', async () => {
  renderAt('/console/costs?callId=call-9');
  const table = await screen.findByRole('table', { name: 'Cost of the call per stage and provider' }, long);
  expect(within(table).getByText('cartesia')).toBeTruthy();
  expect(within(table).getByText('$0.0250')).toBeTruthy();
  expect(screen.getByText('$0.0370')).toBeTruthy();
  expect(seen.some((s) => s.path === '/analytics/costs/calls/call-9')).toBe(true);
});
