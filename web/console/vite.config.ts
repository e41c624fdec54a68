/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the service itself under /console/ (same origin as its API; see web/README.md). `npm run dev`
// proxies the API to a running service on :8082.
const service = process.env.SERVICE_URL ?? 'http://127.0.0.1:8082';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // No data: URLs and no inline script: the service's Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/login', '/logout', '/signed-out', '/me', '/sessions', '/q']
      .map((path) => [path, { target: service, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    // e2e/ holds the Playwright browser tests (their own runner).
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The build machine is shared and slow; a page test waits for the UI, never for a fixed time.
    testTimeout: 30000,
  },
});
