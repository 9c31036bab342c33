/**
 * globalSetup of the `site` test project: build the real site once (content from seeds/ plus the
 * test-only plans in tests/site/plans/, then astro build into dist/), so that the HTML tests and
 * the browser tests look at exactly what `npm run build` publishes.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  const node = process.execPath;
  const run = (args: string[]) => execFileSync(node, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  run(['scripts/build-content.ts', '--extra', 'tests/site/plans']);
  run(['node_modules/astro/bin/astro.mjs', 'build', '--silent']);
}
