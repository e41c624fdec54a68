import { defineConfig } from '@playwright/test';

// Debian's Chromium (browser downloads do not work here); the console as built (`npm run build` in web/console),
// served by `vite preview` under /console/; the API is the fake in fake-admin-api.ts, routed inside the page.
const PORT = Number(process.env.CONSOLE_E2E_PORT ?? 4179);

export default defineConfig({
  testDir: './tests',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/console/`,
    reuseExistingServer: true,
    timeout: 120_000,
  },
});
