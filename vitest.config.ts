import { defineConfig } from 'vitest/config';
import CountReporter from './src/testing/count-reporter.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'web/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    setupFiles: ['src/testing/strict-warnings.ts'],
    // The default reporter for people; CountReporter for the closing line of scripts/test.mjs.
    reporters: ['default', new CountReporter()],
    pool: 'forks',
    maxWorkers: 2,
    // A browser flow of ~15 s on a quiet machine took 44–60 s at load 10; CI's machine is ~2× slower than ours.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Unhandled errors fail the run: a suite that ignores them hides real faults.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
