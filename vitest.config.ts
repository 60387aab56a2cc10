import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Playwright owns test/e2e; vitest must not pick those files up.
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
