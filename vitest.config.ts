// Test projects: unit (no server) and integration (the built server, real clients).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // One server process per test file; files run one at a time to keep a 2-core machine calm.
          fileParallelism: false,
        },
      },
    ],
  },
})
