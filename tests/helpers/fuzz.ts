/**
 * How the property tests (fast-check) run. On every `npm test` and on CI they replay one fixed
 * seed, so that a run is repeatable and a red CI always means a change broke something; the
 * exploration happens on demand, with fresh seeds and many more runs:
 *
 *   npm run -s fuzz                       # FUZZ_SEED=random, FUZZ_RUNS=20 times the default
 *   FUZZ_SEED=1234 npx vitest run …       # replay one seed a failure printed
 *
 * A counterexample found that way is added to the test's `examples`, so it is tried every time.
 */
const seedSetting = process.env.FUZZ_SEED ?? '20261125';
const factor = Number(process.env.FUZZ_FACTOR ?? 1) || 1;

export function fuzzOptions(numRuns: number): { numRuns: number; seed?: number } {
  const runs = Math.round(numRuns * factor);
  return seedSetting === 'random' ? { numRuns: runs } : { numRuns: runs, seed: Number(seedSetting) };
}
