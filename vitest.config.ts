import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { PREACT_FOR_REACT } from './content-script-react';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Playwright owns test/e2e; vitest must not pick those files up.
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Only the content script's UI is rendered in unit tests, and it ships on preact/compat.
    alias: PREACT_FOR_REACT,
  },
});
