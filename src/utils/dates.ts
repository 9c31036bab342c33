/**
 * The build's day and dates as readers see them, in one place (used by the goals, participation,
 * update and feed pages). The build day decides which goals have passed and which registry
 * entries are old; set SITE_BUILD_DATE=YYYY-MM-DD to build as of another day (tests do).
 */

/** Today in China (UTC+8), or SITE_BUILD_DATE. */
export function buildDay(): string {
  const fixed = process.env.SITE_BUILD_DATE;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** "2026-11-25" → "2026年11月25日"; "2026-11" → "2026年11月"; "2026" → "2026年". */
export function dateLabel(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}
