/**
 * Enrich step `themes` (issues 6, 14): tags sections and blocks with the theme ids of
 * content/themes.yaml and records why (section.themeWhy, block.themeWhy).
 *
 * A block gets every theme named by a heading on its path or by its own lead sentence
 * ("（三）深入打好碧水保卫战" → clear-water for everything below it, evidence: that heading), and the
 * themes its own words decide: the text (its 责任单位 clauses left out) is scanned for the themes'
 * words and a theme is given when the distinct words reach its threshold and (in a text longer
 * than `shortText`) are mentioned at least `minMentions` times, so one passing "河道" does not make
 * a block clear-water, nor one "海洋" in a paragraph about carbon peaking.
 *
 * A section carries what its heading path names and what its own text says: the themes that more
 * than `sectionShare` of the blocks directly under it carry. Never what its sub-sections carry: a
 * generic parent ("三、重点任务") whose children are each about one battle is about none of them.
 *
 * What sits next to a theme is not the theme: a theme's `neighbours` (for 碧水: 防洪, 除涝, 泵闸 …)
 * in a heading keep the heading from naming the theme by its weaker words ("1.提升河湖系统防洪除涝
 * 能力" is flood control, not 碧水), and in a text that names them more often than the theme's
 * decisive words they keep the theme out.
 *
 * A document about one battle ("江门市扬尘污染防治条例", "宝山区海洋垃圾清理行动方案": its title names
 * that battle and no other) has it as its subject: a block's words name the subject with any one of
 * its words, while another battle needs a decisive word of its own (weight 2), so the 垃圾 and 清运
 * of a marine-litter plan are about the sea, not 净土.
 *
 * A "heading" longer than `headingChars` is a sentence the structure could not split, and names
 * nothing. Below a procedural heading (组织领导, 资金保障, 考核 …) headings give no battle; a block
 * there gets a battle only from its own words. The cover notice (role "notice") and a signature
 * block are not plan content and get no theme.
 *
 * Deterministic: the same text and the same themes.yaml always give the same tags and reasons.
 */
import type { VFile } from 'vfile';
import type { Block, Section, ThemeReason } from '../types.ts';
import { scoreHits, type ThemeScore } from './themes-match.ts';
import { loadThemes, type Taxonomy } from './themes-taxonomy.ts';

export { loadThemes, parseThemes, type Taxonomy } from './themes-taxonomy.ts';

export interface ThemesOptions {
  /** A taxonomy other than content/themes.yaml (tests, the evaluation script). */
  taxonomy?: Taxonomy;
}

export function themes(options: ThemesOptions = {}) {
  return (_tree: unknown, file: VFile) => {
    const sections = file.data.sections;
    if (!sections) return;
    classifySections(sections, options.taxonomy ?? loadThemes(), file.data.meta?.title ?? null);
  };
}

/** What the headings above a point say: theme → the heading that named it (nearest wins). */
interface HeadingContext {
  named: Map<string, string>;
  /** Under a procedural heading: headings give no battle here or below. */
  procedural: boolean;
  /** The battle the document's title names, when it names exactly one. */
  subject: string | null;
}

/** Tag every section and block in place; `title` is the document's, for its subject battle. */
export function classifySections(sections: Section[], taxonomy: Taxonomy, title: string | null = null): void {
  const subject = title ? subjectOf(title, taxonomy) : null;
  for (const section of sections) classifySection(section, { named: new Map(), procedural: false, subject }, taxonomy);
}

/** The one battle a title names ("宝山区海洋垃圾清理行动方案" → blue-sea), or null. */
export function subjectOf(title: string, taxonomy: Taxonomy): string | null {
  // The title's heading words, else its vocabulary ("鼓励国二非道路移动机械更新工作方案": 非道路移动机械).
  const named = (hits: ReturnType<Taxonomy['headings']['scan']>) => new Set(hits.flatMap((h) => h.sense.themes.map((t) => t.theme)).filter((id) => taxonomy.battles.has(id)));
  const ids = named(taxonomy.headings.scan(title));
  const words = ids.size ? ids : named(taxonomy.vocabulary.scan(title));
  return words.size === 1 ? [...words][0]! : null;
}

/** Parts of a document that are not plan content: the cover notice, the signature block. */
const NOT_CONTENT = new Set<string>(['notice', 'signature']);

function classifySection(section: Section, outer: HeadingContext, taxonomy: Taxonomy): void {
  if (section.role && NOT_CONTENT.has(section.role)) {
    clearNotice(section);
    return;
  }
  const printed = `${section.number ?? ''}${section.heading}`.trim();
  const ctx: HeadingContext = { ...outer, named: new Map(outer.named), procedural: outer.procedural || isProcedural(section.heading, taxonomy) };
  for (const id of headingThemes(section.heading, taxonomy, ctx.subject)) ctx.named.set(id, printed);

  // The section's own text: the blocks directly under it (under a procedural heading their battles
  // come from their own words only).
  const own = new BlockTally();
  for (const block of section.blocks) own.add(classifyBlock(block, ctx, taxonomy));
  for (const child of section.children) classifySection(child, ctx, taxonomy);

  const why: ThemeReason[] = [];
  for (const [id, heading] of ctx.named) {
    if (!(ctx.procedural && taxonomy.battles.has(id))) why.push({ theme: id, by: 'heading', evidence: [heading] });
  }
  const fromText = own.count > 0 ? own.shared(taxonomy.file.scoring.sectionShare)
    : section.children.length === 0 ? headingAsText(section.heading, taxonomy) : [];
  for (const reason of fromText) {
    if (!why.some((r) => r.theme === reason.theme)) why.push(reason);
  }
  setThemes(section, why, taxonomy);
}

function classifyBlock(block: Block, ctx: HeadingContext, taxonomy: Taxonomy): ThemeReason[] {
  const why: ThemeReason[] = [];
  for (const [id, heading] of ctx.named) {
    if (!(ctx.procedural && taxonomy.battles.has(id))) why.push({ theme: id, by: 'heading', evidence: [heading] });
  }
  // The lead sentence is the paragraph's own heading ("推进全民环境监督。…"); under a procedural
  // heading it gives no battle either.
  if (block.lead) {
    for (const id of headingThemes(block.lead, taxonomy, ctx.subject)) {
      if (ctx.procedural && taxonomy.battles.has(id)) continue;
      if (!why.some((r) => r.theme === id)) why.push({ theme: id, by: 'heading', evidence: [block.lead] });
    }
  }
  for (const [id, found] of vocabularyThemes(blockText(block), taxonomy, ctx.subject)) {
    if (!why.some((r) => r.theme === id)) why.push({ theme: id, by: 'terms', evidence: found.words });
  }
  setThemes(block, why, taxonomy);
  return why;
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
export function vocabularyThemes(text: string, taxonomy: Taxonomy, subject: string | null = null): Map<string, ThemeScore> {
  const step = taxonomy.file.scoring.longText;
  const extra = Math.floor(Math.max(0, text.length - step) / step);
  const out = new Map<string, ThemeScore>();
  const hits = taxonomy.vocabulary.scan(text);
  const next = neighbourCounts(text, taxonomy);
  for (const [id, found] of scoreHits(hits)) {
    // A sentence or two (up to `shortText` characters) may name its subject once; a longer text that
    // names it once mentions it in passing.
    const decisive = hits.filter((h) => h.sense.themes.some((t) => t.theme === id && t.weight >= 2)).length;
    const { minMentions, shortText } = taxonomy.file.scoring;
    if (id !== subject && text.length > shortText && found.mentions < minMentions) continue;
    if (found.score < (taxonomy.threshold.get(id) ?? Infinity) + extra) continue;
    // In a document about another battle, this one needs a decisive word of its own.
    if (subject && id !== subject && taxonomy.battles.has(id) && decisive === 0) continue;
    // "…防洪除涝…泵闸…河道…" is about flood control: the neighbour's words outnumber the theme's
    // decisive ones (weight 2: 水环境, 黑臭水体 …).
    if ((next.get(id) ?? 0) > decisive) continue;
    out.set(id, found);
  }
  return out;
}

/** How often each theme's neighbours are named in a text. */
function neighbourCounts(text: string, taxonomy: Taxonomy): Map<string, number> {
  const out = new Map<string, number>();
  for (const hit of taxonomy.neighbours.scan(text)) for (const t of hit.sense.themes) out.set(t.theme, (out.get(t.theme) ?? 0) + 1);
  return out;
}

/**
 * Theme ids whose heading words occur in a heading (or lead sentence), in taxonomy order. A
 * "heading" longer than `headingChars` is a sentence ("5．环卫公司：环卫公司做好与居委、物业的对接
 * 工作，将收运中干湿垃圾混投现象及时告知…") and names nothing.
 */
export function headingThemes(heading: string, taxonomy: Taxonomy, subject: string | null = null): string[] {
  if (heading.length > taxonomy.file.scoring.headingChars) return [];
  const ids = new Set(taxonomy.headings.scan(heading).flatMap((h) => h.sense.themes.map((t) => t.theme)));
  // "提升河湖系统防洪除涝能力": a neighbour's word, and none of the theme's decisive words; in a
  // marine-litter plan, "严控趋海垃圾入海": 垃圾 is the plan's subject (the sea), not 净土.
  const next = neighbourCounts(heading, taxonomy);
  const decisive = (id: string) => taxonomy.vocabulary.scan(heading).some((h) => h.sense.themes.some((t) => t.theme === id && t.weight >= 2));
  const otherBattle = (id: string) => subject !== null && id !== subject && taxonomy.battles.has(id);
  // In a plan about one battle its own words name it in a heading too: "提升源头管理，持续巩固分类实效",
  // "规范收运作业" in a household-waste plan.
  if (subject && !ids.has(subject) && !procedural(heading, taxonomy) && taxonomy.vocabulary.scan(heading).some((h) => h.sense.themes.some((t) => t.theme === subject))) ids.add(subject);
  return taxonomy.order.filter((id) => ids.has(id) && ((!next.get(id) && !otherBattle(id)) || decisive(id)));
}

const procedural = (heading: string, taxonomy: Taxonomy) => isProcedural(heading, taxonomy);

export function isProcedural(heading: string, taxonomy: Taxonomy): boolean {
  return heading.length <= taxonomy.file.scoring.headingChars && taxonomy.procedural.scan(heading).length > 0;
}

/** A section with no block anywhere below it: its heading is all the text there is. */
function headingAsText(heading: string, taxonomy: Taxonomy): ThemeReason[] {
  return [...vocabularyThemes(heading, taxonomy)].map(([id, found]) => ({ theme: id, by: 'terms', evidence: found.words }));
}

/** How many of a section's own blocks carry each theme, and the words that decided it. */
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
