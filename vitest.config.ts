import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Says which browser suites were skipped and why when there is no Chromium.
    globalSetup: ['test/browser-setup.ts'],
  },
});
