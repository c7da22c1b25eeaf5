import { defineConfig } from 'vitest/config'

// Three projects, all run by `npm test`: unit (pure functions, fake electron), integration
// (services and store on real SQLite files) and e2e (the browser host driven in Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // Integration tests load whole stores (the demo, generated data) through the services and the CLI:
      // seconds each on a busy two-core machine, so vitest's 5 s default is too tight. A wait bound,
      // not a timing assertion.
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // How long expect.poll waits for the page to catch up: the default second is too little for
          // a busy two-core machine; a wait bound, not a timing assertion.
          expect: { poll: { timeout: 10_000 } },
          // One browser host and one Chromium at a time: the machine has two cores.
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
})
