/**
 * Enrich step `themes` (issue 6): tags sections and blocks with the theme ids of
 * content/themes.yaml and records why (section.themeWhy, block.themeWhy).
 *
 * Heading context first: a block gets every theme named by a heading on its path or by its own
 * lead sentence ("（三）深入打好碧水保卫战" → clear-water for everything below it, evidence: that
 * heading). Vocabulary otherwise: the block's text (its 责任单位 clauses left out) is scanned for the
 * themes' words and a theme is given when the distinct words reach its threshold and (in a text
 * longer than `shortText`) are mentioned at least `minMentions` times, so one passing "河道" does
 * not make a block clear-water, nor one "海洋" in a paragraph about carbon peaking. A
 * "heading" longer than `headingChars` is a sentence the structure could not split, and names
 * nothing. Below a procedural heading (组织领导, 资金保障, 考核 …) headings give no battle and the
 * section carries none; a block there gets a battle only from its own words. A section carries
 * what its own heading path names, plus the themes that more than `sectionShare` of the blocks
 * under it carry. The cover notice (role "notice") and a signature block are not plan content and
 * get no theme.
 *
 * Deterministic: the same text and the same themes.yaml always give the same tags and reasons.
 */
import type { VFile } from 'vfile';
import type { Block, Section, ThemeReason } from '../types.ts';
import { scoreHits, type ThemeScore } from './themes-match.ts';
import { loadThemes, type Taxonomy } from './themes-taxonomy.ts';

export { loadThemes, parseThemes, ThemesFileError, type Taxonomy } from './themes-taxonomy.ts';

export interface ThemesOptions {
  /** A taxonomy other than content/themes.yaml (tests, the evaluation script). */
  taxonomy?: Taxonomy;
}

export function themes(options: ThemesOptions = {}) {
  return (_tree: unknown, file: VFile) => {
    const sections = file.data.sections;
    if (!sections) return;
    classifySections(sections, options.taxonomy ?? loadThemes());
  };
}

/** What the headings above a point say: theme → the heading that named it (nearest wins). */
interface HeadingContext {
  named: Map<string, string>;
  /** Under a procedural heading: headings give no battle here or below, and sections carry none. */
  procedural: boolean;
}

/** Tag every section and block in place. */
export function classifySections(sections: Section[], taxonomy: Taxonomy): void {
  for (const section of sections) classifySection(section, { named: new Map(), procedural: false }, taxonomy);
}

/** Parts of a document that are not plan content: the cover notice, the signature block. */
const NOT_CONTENT = new Set<string>(['notice', 'signature']);

function classifySection(section: Section, outer: HeadingContext, taxonomy: Taxonomy): BlockTally {
  if (section.role && NOT_CONTENT.has(section.role)) {
    clearNotice(section);
    return new BlockTally();
  }
  const printed = `${section.number ?? ''}${section.heading}`.trim();
  const ctx: HeadingContext = { named: new Map(outer.named), procedural: outer.procedural || isProcedural(section.heading, taxonomy) };
  for (const id of headingThemes(section.heading, taxonomy)) ctx.named.set(id, printed);

  const tally = new BlockTally();
  // Under a procedural heading a block's battles come from its own words only: they say nothing
  // about the section, so they are not tallied for it.
  for (const block of section.blocks) tally.add(withoutBattles(classifyBlock(block, ctx, taxonomy), ctx, taxonomy));
  for (const child of section.children) tally.merge(classifySection(child, ctx, taxonomy));

  const why: ThemeReason[] = [];
  for (const [id, heading] of ctx.named) {
    if (!(ctx.procedural && taxonomy.battles.has(id))) why.push({ theme: id, by: 'heading', evidence: [heading] });
  }
  const fromBlocks = tally.count > 0 ? tally.shared(taxonomy.file.scoring.sectionShare) : headingAsText(section.heading, taxonomy);
  for (const reason of fromBlocks) {
    if (why.some((r) => r.theme === reason.theme)) continue;
    if (ctx.procedural && taxonomy.battles.has(reason.theme)) continue;
    why.push(reason);
  }
  setThemes(section, why, taxonomy);
  return tally;
}

function classifyBlock(block: Block, ctx: HeadingContext, taxonomy: Taxonomy): ThemeReason[] {
  const why: ThemeReason[] = [];
  for (const [id, heading] of ctx.named) {
    if (!(ctx.procedural && taxonomy.battles.has(id))) why.push({ theme: id, by: 'heading', evidence: [heading] });
  }
  // The lead sentence is the paragraph's own heading ("推进全民环境监督。…"); under a procedural
  // heading it gives no battle either.
  if (block.lead) {
    for (const id of headingThemes(block.lead, taxonomy)) {
      if (ctx.procedural && taxonomy.battles.has(id)) continue;
      if (!why.some((r) => r.theme === id)) why.push({ theme: id, by: 'heading', evidence: [block.lead] });
    }
  }
  for (const [id, found] of vocabularyThemes(blockText(block), taxonomy)) {
    if (!why.some((r) => r.theme === id)) why.push({ theme: id, by: 'terms', evidence: found.words });
  }
  setThemes(block, why, taxonomy);
  return why;
}

function withoutBattles(why: ThemeReason[], ctx: HeadingContext, taxonomy: Taxonomy): ThemeReason[] {
  return ctx.procedural ? why.filter((r) => !taxonomy.battles.has(r.theme)) : why;
}

/** The text whose words count: 责任单位 lists name agencies, not topics. A table's caption counts. */
export function blockText(block: Block): string {
  let text = block.text;
  for (const r of block.responsibility ?? []) text = text.split(r.clause).join('\n');
  return block.caption ? `${block.caption}\n${text}` : text;
}

/**
 * Themes the vocabulary alone gives a text: distinct words summed by weight, reaching the theme's
 * threshold plus one for every `longText` characters beyond the first (long paragraphs mention
 * more in passing).
 */
export function vocabularyThemes(text: string, taxonomy: Taxonomy): Map<string, ThemeScore> {
  const step = taxonomy.file.scoring.longText;
  const extra = Math.floor(Math.max(0, text.length - step) / step);
  const out = new Map<string, ThemeScore>();
  for (const [id, found] of scoreHits(taxonomy.vocabulary.scan(text))) {
    // A sentence or two (up to `shortText` characters) may name its subject once; a longer text that
    // names it once mentions it in passing.
    const { minMentions, shortText } = taxonomy.file.scoring;
    if (text.length > shortText && found.mentions < minMentions) continue;
    if (found.score >= (taxonomy.threshold.get(id) ?? Infinity) + extra) out.set(id, found);
  }
  return out;
}

/**
 * Theme ids whose heading words occur in a heading (or lead sentence), in taxonomy order. A
 * "heading" longer than `headingChars` is a sentence ("5．环卫公司：环卫公司做好与居委、物业的对接
 * 工作，将收运中干湿垃圾混投现象及时告知…") and names nothing.
 */
export function headingThemes(heading: string, taxonomy: Taxonomy): string[] {
  if (heading.length > taxonomy.file.scoring.headingChars) return [];
  const ids = new Set(taxonomy.headings.scan(heading).flatMap((h) => h.sense.themes.map((t) => t.theme)));
  return taxonomy.order.filter((id) => ids.has(id));
}

export function isProcedural(heading: string, taxonomy: Taxonomy): boolean {
  return heading.length <= taxonomy.file.scoring.headingChars && taxonomy.procedural.scan(heading).length > 0;
}

/** A section with no block anywhere below it: its heading is all the text there is. */
function headingAsText(heading: string, taxonomy: Taxonomy): ThemeReason[] {
  return [...vocabularyThemes(heading, taxonomy)].map(([id, found]) => ({ theme: id, by: 'terms', evidence: found.words }));
}

/** How many blocks below a section carry each theme, and the words that decided it. */
class BlockTally {
  count = 0;
  private readonly themes = new Map<string, { blocks: number; byTerms: boolean; evidence: string[] }>();

  add(reasons: ThemeReason[]): void {
    this.count++;
    for (const r of reasons) {
      const entry = this.themes.get(r.theme) ?? { blocks: 0, byTerms: false, evidence: [] };
      entry.blocks++;
      entry.byTerms ||= r.by === 'terms';
      for (const e of r.evidence) if (!entry.evidence.includes(e)) entry.evidence.push(e);
      this.themes.set(r.theme, entry);
    }
  }

  merge(other: BlockTally): void {
    this.count += other.count;
    for (const [id, e] of other.themes) {
      const entry = this.themes.get(id) ?? { blocks: 0, byTerms: false, evidence: [] };
      entry.blocks += e.blocks;
      entry.byTerms ||= e.byTerms;
      for (const x of e.evidence) if (!entry.evidence.includes(x)) entry.evidence.push(x);
      this.themes.set(id, entry);
    }
  }

  /** Themes carried by more than `share` of the blocks, with up to eight deciding words or headings. */
  shared(share: number): ThemeReason[] {
    const out: ThemeReason[] = [];
    for (const [id, e] of this.themes) {
      if (e.blocks / this.count > share) out.push({ theme: id, by: e.byTerms ? 'terms' : 'heading', evidence: e.evidence.slice(0, 8) });
    }
    return out;
  }
}

function setThemes(target: Section | Block, why: ThemeReason[], taxonomy: Taxonomy): void {
  const rank = (id: string) => taxonomy.order.indexOf(id);
  why.sort((a, b) => rank(a.theme) - rank(b.theme));
  target.themes = why.map((r) => r.theme);
  target.themeWhy = why;
}

function clearNotice(section: Section): void {
  section.themes = [];
  for (const block of section.blocks) block.themes = [];
  for (const child of section.children) clearNotice(child);
}
