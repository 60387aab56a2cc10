import { defineConfig } from '@playwright/test';

// E2e tests load the built extension (`npm run build:e2e`) into Debian's Chromium and drive it
// against the local GitLab stand-in (test/gitlab-sandbox). Playwright never downloads a browser
// here: see test/e2e/fixtures.ts for CHROMIUM_PATH.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
