import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pipeline, scripts; fast, no build) and `site` (builds the site once
// in globalSetup, then checks the HTML and drives Debian's Chromium over it).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core machines this
    // runs on, so one file ran at a time. `npm test` (scripts/test.ts) runs the two projects as two
    // processes side by side; within each, two workers.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/pipeline/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/goals-views/**/*.test.ts', 'tests/search/**/*.test.ts', 'tests/check/**/*.test.ts', 'tests/history/**/*.test.ts', 'tests/scaffold/**/*.test.ts', 'tests/views/**/*.test.ts'],
          testTimeout: 60_000,
          // @actions/workflow-parser imports its schema JSON without `with { type: 'json' }`, which
          // Node refuses; run through Vite, which reads the JSON itself.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/site/build-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A page's script may take more than expect.poll's default second to act when both cores
          // are busy (the unit tests run beside these on CI): a clean clone once failed a letter
          // test that way. Polls still stop at the first success.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
