import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeAdminApi, today } from './fake-admin-api';

// Screenshots of the pages against the fake (test-results/screenshots); docs/screenshots/console-*.png come from the
// real stack (web/e2e/tests/console.spec.ts, run by deploy/e2e ConsoleBrowserE2ETest).
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/console-${name}.png`, fullPage: true });

/** No WCAG 2.1 A/AA violation that axe can find on the page as it is now. */
async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an operator sets how long a transfer rings and makes it warm', async ({ page }) => {
  const state = await fakeAdminApi(page);
  await page.goto('/console/');
  await page.getByRole('row', { name: /Demo Dental/ }).getByRole('link', { name: 'Demo Dental' }).click();
  const ring = page.getByLabel('Transfer ring time (seconds)');
  const warm = page.getByLabel('Warm transfer');
  await expect(ring).toHaveValue('');
  await expect(warm).not.toBeChecked();

  await ring.fill('200');
  await expect(page.getByText('must be a number of seconds from 5 to 120', { exact: true })).toBeVisible();
  await expect(ring).toHaveAttribute('aria-invalid', 'true');
  const version = state.tenants.get('demo-tenant')!.version;
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  expect(state.tenants.get('demo-tenant')!.version, 'nothing is sent').toBe(version);

  await ring.fill('25');
  await expect(ring).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByText('Warm transfer', { exact: true }).click(); // the switch's label, as a user toggles it
  await expect(warm).toBeChecked();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved as version ${version + 1}.`)).toBeVisible();
  expect(state.tenants.get('demo-tenant')!.agent.transfer).toEqual({ ringSeconds: 25, warm: true });
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByLabel('Transfer ring time (seconds)')).toHaveValue('25');
  await expect(page.getByLabel('Warm transfer')).toBeChecked();
});

test('an operator edits an agent, sees a field error, and a concurrent edit as a conflict', async ({ page }) => {
  const state = await fakeAdminApi(page);
  await page.goto('/console/');
  await expect(page.getByRole('heading', { name: 'Agents' })).toBeVisible();
  const row = page.getByRole('row', { name: /Demo Dental/ });
  await expect(row).toContainText('Active');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await expectAccessible(page);
  await shot(page, 'agents');

  await row.getByRole('link', { name: 'Demo Dental' }).click();
  const transfer = page.getByLabel(/Transfer number/);
  await transfer.fill('0800 DENTIST');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('must be an E.164 number such as +15005550006', { exact: true })).toBeVisible();
  await expect(transfer).toHaveAttribute('aria-invalid', 'true');
  await transfer.fill('+15005550011');
  await page.getByRole('button', { name: 'Move gemini up' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved as version 4.')).toBeVisible();
  expect((state.tenants.get('demo-tenant')!.agent.providers as { llm: string[] }).llm).toEqual(['gemini', 'openai', 'simulated']);
  await expectAccessible(page);
  await shot(page, 'agent-edit');

  // Another operator saves meanwhile: our save is refused and shown, never overwriting theirs.
  const demo = state.tenants.get('demo-tenant')!;
  demo.agent = { ...demo.agent, greeting: 'Hello from the other operator' };
  demo.version++;
  await page.getByLabel(/Greeting/).fill('Good morning, Demo Dental.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Someone else saved this agent while you were editing it.')).toBeVisible();
  expect(demo.agent.greeting).toBe('Hello from the other operator');
  await page.getByRole('button', { name: 'Compare with theirs' }).click();
  const compare = page.getByRole('table', { name: 'Your edit compared with the saved version' });
  await expect(compare).toContainText('Hello from the other operator');
  await expect(compare).toContainText('Good morning, Demo Dental.');
  await expectAccessible(page);
  await shot(page, 'agent-conflict');
  await page.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(page.getByText('Saved as version 6.')).toBeVisible();
  expect(demo.agent.greeting).toBe('Good morning, Demo Dental.');
});

test('an operator runs the onboarding wizard, leaves half-way and resumes', async ({ page }) => {
  const state = await fakeAdminApi(page);
  await page.goto('/console/onboarding');
  await page.getByLabel(/Tenant id/).fill('Bad Id');
  await page.getByLabel(/Business name/).fill('Bright Smiles');
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await expect(page.getByText('must be 2-63 of a-z, 0-9 and -', { exact: true })).toBeVisible();
  await expect(page.getByLabel(/Tenant id/)).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel(/Tenant id/).fill('bright-smiles');
  await page.getByRole('button', { name: 'Start onboarding' }).click();

  await expect(page.getByRole('heading', { name: 'System prompt and agent' })).toBeVisible();
  await page.getByLabel(/System prompt/).fill('You are the receptionist of Bright Smiles. Book check-ups.');
  await page.getByLabel(/Greeting/).fill('Bright Smiles, how can I help?');
  await page.getByRole('button', { name: 'Add simulated to Language model' }).click();
  await expectAccessible(page);
  await shot(page, 'onboarding');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Knowledge base (optional)' })).toBeVisible();

  // Leave and come back: the wizard continues at the first step not saved.
  await page.goto('/console/onboarding');
  await page.getByRole('link', { name: 'Resume Bright Smiles' }).click();
  await expect(page.getByRole('heading', { name: 'Knowledge base (optional)' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a knowledge base' }).click();
  await page.getByLabel(/Knowledge base 1 name/).fill('Prices');
  await page.getByLabel(/Document 1 title/).fill('Price list');
  await page.getByLabel(/Document 1 text/).fill('A check-up costs $80.');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel(/Phone numbers/).fill('555-1234');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('555-1234 must be an E.164 number such as +15005550006')).toBeVisible();
  await page.getByLabel(/Phone numbers/).fill('+15005550099');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.getByText('Prices (1 documents)')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'onboarding-review');
  await page.getByRole('button', { name: 'Complete: create the tenant' }).click();
  await expect(page.getByText('Tenant created')).toBeVisible();
  expect(state.tenants.get('bright-smiles')?.phoneNumbers).toEqual(['+15005550099']);
  await page.getByRole('link', { name: 'Open its agent' }).click();
  await expect(page.getByRole('heading', { name: 'Bright Smiles' })).toBeVisible();
});

test('the intelligence charts change after a call', async ({ page }) => {
  const state = await fakeAdminApi(page);
  await page.goto('/console/intelligence');
  const analysed = page.getByText('Calls analysed').locator('..');
  await expect(analysed).toBeVisible();
  const before = Number(await analysed.locator('p').nth(1).textContent());
  await page.getByRole('button', { name: 'Show as table' }).click();
  const todayRow = page.getByRole('table', { name: 'Calls per day' }).getByRole('row', { name: new RegExp(today()) });
  await expect(todayRow).toContainText('1');
  await page.getByRole('button', { name: 'Show as chart' }).click();
  await expectAccessible(page);
  await shot(page, 'intelligence');

  // A call ends and is analysed: the projection counts it; the operator refreshes the report (picks the tenant).
  state.calls.push({ day: today(), tenantId: 'demo-tenant', outcome: 'message_taken', reason: 'billing_question', actionRequired: true });
  await page.getByLabel('Tenant', { exact: true }).selectOption('demo-tenant');
  await page.getByLabel('Tenant', { exact: true }).selectOption('');
  await expect(analysed.locator('p').nth(1)).toHaveText(String(before + 1));
  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByRole('table', { name: 'Calls per day' }).getByRole('row', { name: new RegExp(today()) })).toContainText('2');
});

test('quality: an error group opens to its stack trace and is marked resolved', async ({ page }) => {
  const state = await fakeAdminApi(page);
  await page.goto('/console/quality');
  await page.getByRole('button', { name: 'Show all llm failed critical occurrences' }).click();
  await page.getByText('Stack trace').click();
  await expect(page.getByText('at com.spotfunnel.voice.pipeline.Fallback.next')).toBeVisible();
  await expect(page.getByText('call-123')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'quality');
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.getByText('resolved by demo-admin')).toBeVisible();
  expect(state.errors[0].resolvedBy).toBe('demo-admin');
});

test('costs: the call of an error opens the cost of that one call', async ({ page }) => {
  await fakeAdminApi(page);
  await page.goto('/console/quality');
  await page.getByRole('button', { name: 'Show all llm failed critical occurrences' }).click();
  await page.getByRole('link', { name: 'call-123' }).click();
  await expect(page).toHaveURL(/\/console\/costs\?callId=call-123$/);
  const table = page.getByRole('table', { name: 'Cost of the call per stage and provider' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('$0.0512')).toBeVisible();
  await expect(page.getByLabel('Call ID')).toHaveValue('call-123');
  await expectAccessible(page);
  await shot(page, 'call-cost');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByText('$0.0512')).toBeVisible();
  await shot(page, 'call-cost-phone');
});

test('knowledge: add a document and try a question', async ({ page }) => {
  await fakeAdminApi(page);
  await page.goto('/console/knowledge');
  await page.getByLabel('Tenant', { exact: true }).selectOption('demo-tenant');
  await page.getByRole('button', { name: 'Open Prices and services' }).click();
  await page.getByLabel(/Document title/).fill('Opening hours');
  await page.getByLabel(/Document text/).fill('We are open Monday to Friday, 9 to 5.');
  await page.getByRole('button', { name: 'Add document' }).click();
  await expect(page.getByRole('table', { name: 'Documents of Prices and services' })).toContainText('Opening hours');
  await page.getByLabel('A caller asks').fill('How much does a cleaning cost?');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('The agent would get 1 passages:')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'knowledge');
});

test('every other page is accessible and readable on a phone', async ({ page }) => {
  await fakeAdminApi(page);
  for (const [path, heading, name] of [
    ['/console/costs', 'Costs', 'costs'], ['/console/numbers', 'Phone numbers', 'numbers'], ['/console/users', 'Users', 'users'],
    ['/console/sessions', 'My sessions', 'sessions'], ['/console/stress-test?run=run-1', 'Agent stress test', 'stress-test'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    if (name === 'costs') await expect(page.getByRole('table', { name: 'Cost per provider' })).toBeVisible();
    if (name === 'stress-test') await expect(page.getByText('meets the launch bar')).toBeVisible();
    if (name === 'users') await expect(page.getByText('owner@demo-dental.example')).toBeVisible();
    await expectAccessible(page);
    await shot(page, name);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/console/agents', '/console/agents/demo-tenant', '/console/intelligence', '/console/onboarding']) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await page.goto('/console/agents/demo-tenant');
  await expect(page.getByLabel(/Greeting/)).toBeVisible();
  await shot(page, 'phone-agent');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Intelligence' })).toBeVisible();
});
