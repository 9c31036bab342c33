/**
 * globalSetup of the `site` test project: build the real site once (content from seeds/ plus the
 * test-only plans in tests/site/plans/ and a plan with three versions in a temporary git repository,
 * tests/helpers/history-repo.ts; then astro build into dist/, then the search index), so that the
 * HTML tests and the browser tests look at exactly what `npm run build` publishes. Nothing after
 * this writes to dist/, so the site project's files can run side by side.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { makeHistoryRepo } from '../helpers/history-repo.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

export default function setup(): () => void {
  const node = process.execPath;
  const run = (args: string[]) => execFileSync(node, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SITE_URL: TEST_ORIGIN } });
  // Screenshots of an earlier run would pass for this run's (the browser files write side by side).
  rmSync('tests/.tmp/screens', { recursive: true, force: true });
  const history = makeHistoryRepo();
  run(['scripts/build-content.ts', '--extra', 'tests/site/plans', '--extra', history.texts]);
  run(['node_modules/astro/bin/astro.mjs', 'build', '--silent']);
  run(['scripts/build-search.ts']);
  return () => rmSync(history.root, { recursive: true, force: true });
}
