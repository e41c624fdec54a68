import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** docs/screenshots of the repository: the docs show the product as these tests saw it. */
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? resolve(here, '../../../docs/screenshots');

/**
 * Signs in through the real OIDC provider's page (Keycloak), as a person would, to the app at `app` (the
 * dashboard's /app/, the console's /console/).
 */
export async function signIn(page: Page, user: string, password = user, app = '/app/') {
  // A fresh browser context: the app finds no session (401 from the API), sends the person to /login, and the
  // service's code flow shows the provider's page.
  await page.goto(app);
  await page.locator('#username').waitFor();
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.pathname.startsWith(app));
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

/** No accessibility violation (axe-core, WCAG 2 A/AA rules) on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `accessibility of ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}
