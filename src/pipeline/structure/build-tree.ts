/**
 * Lines → the section hierarchy. A line that opens with a numbering marker starts a section; its
 * level is the rank of its marker family among the families this document uses (markers.ts).
 * Other lines become blocks of the innermost open section; blocks before the first heading form
 * a preamble section with an empty heading. Malformed numbering never throws: gaps and restarts
 * are reported and the tree is built anyway.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { Block, LineNode, Section } from '../types.ts';
import { continuingMarker, familyRank, matchMarker, printMarker, type Marker, type MarkerFamily } from '../lines/markers.ts';
import { listRuns, titledArticleItems } from './item-runs.ts';
import { findBracketedDuties, findResponsibility } from './responsible.ts';
import { directlyAfter } from '../lines/layout.ts';
import {
  ATTACHMENTS, BRACKET_LEAD, bulletItem, ENUMERATION_FAMILIES, ENUMERATION_ITEM, FOREWORD, isBullet, LIST_FAMILIES, NOTES,
  SENTENCE_ITEM, TASK_CLAUSE,
} from '../lines/line-forms.ts';

const HEADING_MAX = 50;
/** "专栏1　“三堤三网两生态”", "专栏 2 生态清洁小流域涉及水务主要实施内容" */
const ASIDE = /^专栏\s*([0-9一二三四五六七八九十]+)[\s\u3000:：]*(.*)$/;
/** An article's caption: "第五条（公众参与）…" → 公众参与 */
const CAPTION = /^[（(]([^（）()]{1,20})[）)]\s*/;
const LEAD_MAX = 60;
/**
 * A sentence that commits to a number of something: a verb of doing, then a quantity with its unit
 * or measure word ("完成旧住房修缮更新60万平方米。", "实施7公里燃气老化管道改造。", "推进144个…项目。").
 */
const TARGET_SENTENCE = /^(?:完成|实施|新建|新增|建成|建设|推进|认定|启动|改造|打造|整治|创建)[^。！？；，,]{0,30}?\d+(?:\.\d+)?\s*(?:万|亿)?(?:平方米|平方公里|平方千米|公里|千米|公顷|亩|个|座|台|家|处|条|项|辆|根|吨|户|套|张|所|%|％|千瓦|兆瓦)/;
/** "区文明办：", "森林覆盖率：", "3.公园数量: " — a short label, no comma, before a colon. */
const COLON_LEAD = /^([^，,。；：:]{2,50}?)\s*(?<!\d)[：:](?!\d)\s*/;
/**
 * "区商务委：负责…" — a label of at most 20 characters, then a clause of at least 8. A colon between
 * digits is a time or a ratio ("每日8:30前", "按照1:1比例"), not a label's.
 */
const LABEL_LEAD = /^([^，,。；：:]{2,20}?)\s*(?<!\d)[：:](?!\d)\s*(?=[^：:]{8,})/;
/** "河湖水面率，即河湖面积占…" — an indicator named, then defined. */
const DEFINED_TERM = /^([^，,。；：:]{2,30})[，,](?=即)/;
/**
 * Standard part names that a flattened document runs into its first sentence:
 * "一、总体要求以习近平新时代…" → heading 总体要求.
 */
const STANDARD_HEADING = /^(总体要求|指导思想|基本原则|主要目标|工作目标|发展目标|总体目标|重点任务|主要任务|保障措施|组织保障|加强组织实施|组织实施)(?=[^，。、；,])/;

interface Open { section: Section; family: MarkerFamily | null; value: number }

export function buildTree(lines: LineNode[], file: VFile): Section[] {
  const families = new Set<MarkerFamily>();
  // Decimal numbering ("1.1 编制目的") makes a bare "1 总则" a heading too.
  const decimal = lines.some((l) => matchMarker(l.value)?.family === 'decimal-2');
  // Read once per line: the run readers (item-runs.ts) and the tree below all ask again.
  const markers = new Map(lines.map((l) => [l, matchMarker(l.value, l.data?.split, decimal)]));
  const markerOf = (l: LineNode) => markers.get(l) ?? null;
  for (const l of lines) {
    const m = markerOf(l);
    if (m) families.add(m.family);
  }
  const ranked = [...families].sort((a, b) => familyRank(a) - familyRank(b));
  // Runs of deep items where one is a list item are lists as a whole (item-runs.ts).
  const listed = listRuns(lines, markerOf, (m, l) => splitHeading(m, l).heading === null, LIST_FAMILIES);
  // An enumeration whose items end in semicolons is a list at any level: "主要指标如下：" /
  // "1.细颗粒物（PM2.5）浓度下降到42微克/立方米（约束性）；" / … / "6.…降低18%（约束性）。".
  for (const i of listRuns(lines, markerOf, (m) => ENUMERATION_ITEM.test(m.rest), ENUMERATION_FAMILIES)) listed.add(i);
  // So is a run of whole sentences with nothing under them: "1．将建设用地土壤环境管理要求纳入国土
  // 空间规划和供地管理。" / "2．未依法完成土壤污染状况调查…的地块，不得开工建设…项目。" — bodiless
  // headings, each a sentence, read as a list (an item with text or items of its own keeps its run apart).
  const bodiless = (m: Marker, l: LineNode) => m.rest.length <= 200 && SENTENCE_ITEM.test(m.rest.trim()) && splitHeading(m, l).body === '';
  for (const i of listRuns(lines, markerOf, bodiless, ENUMERATION_FAMILIES)) listed.add(i);
  // An article's enumerations are its items, unless they are short titles over text of their own.
  const articleHeadings = titledArticleItems(lines, markerOf);
  const levelOf = (f: MarkerFamily) => ranked.indexOf(f) + 1;

  const roots: Section[] = [];
  const stack: Open[] = [];
  /** Last number of each family among the children of each parent (null: top level). */
  const lastValue = new Map<Section | null, Map<MarkerFamily, number>>();
  /** Last number of each family anywhere so far: tasks numbered straight through are no gaps. */
  const overall = new Map<MarkerFamily, number>();
  const current = (): Section => {
    const top = stack.at(-1)?.section;
    if (top) return top;
    let preamble = roots[0];
    if (!preamble || preamble.number !== null) {
      preamble = { id: '', number: null, heading: '', level: 1, themes: [], blocks: [], children: [], marker: null };
      roots.unshift(preamble);
    }
    return preamble;
  };
  const addBlock = (block: Omit<Block, 'id' | 'themes' | 'responsible'>) => current().blocks.push(withDuties(block));

  let inAttachments = false;
  /** The last number of the notes under a table ("注：1.…", "2.…"), while they go on. */
  let note: number | null = null;
  let lastArabic = 0;
  /** An open 专栏 box: the lines right below its caption belong to it. */
  let aside: { section: Section; lastLine: number; item: { family: MarkerFamily; value: number } | null } | null = null;
  /** Whether a line after `at` carries the same number as `m` before any higher heading. */
  const laterSibling = (at: number, m: Marker): boolean => {
    for (let j = at + 1; j < lines.length; j++) {
      const other = markerOf(lines[j] as LineNode);
      if (!other) continue;
      if (familyRank(other.family) < familyRank(m.family)) return false;
      if (other.family === m.family && other.value === m.value) return true;
    }
    return false;
  };
  /**
   * A numbered line right under a 专栏 caption is an item of the box when its numbering starts
   * afresh there, at 1, no higher than the section the box stands in ("专栏1 水污染治理重点工程" /
   * "1.城镇污水处理厂提标改造工程。…" / "2.…"), and the box's items go on while they count on.
   * Anything else closes the box: "（二）…", a "3." that repeats the box's last number and goes on
   * from the section's "2.", or a "（一）…" after the box's own text (the section's first heading,
   * seed 05: "专栏1　“三堤三网两生态”" / "三堤：建设三岛79公里大堤…" / "（一）强化防洪除涝体系建设…").
   */
  const boxItem = (m: Marker, box: NonNullable<typeof aside>, at: number): boolean => {
    if (box.item) {
      if (box.item.family !== m.family || m.value !== box.item.value + 1) return false;
      // The same number as the section's next task: the box's only if the task comes later, before
      // the next heading above it ("专栏" 1. 2. 3. then the section's "3.…"), else the section's.
      const open = stack.findLast((o) => o.family === m.family);
      return !open || open.value + 1 !== m.value || laterSibling(at, m);
    }
    if (box.section.blocks.length) return false;
    const parent = stack.at(-1);
    return m.value === 1 && (!parent?.family || familyRank(m.family) >= familyRank(parent.family));
  };
  for (let i = 0; i < lines.length; i++) {
    const node = lines[i] as LineNode;
    const line = node.position.start.line;
    const follows = aside && directlyAfter(node, aside.lastLine);
    const inBox = aside && follows ? markerOf(node) : undefined;
    if (aside && follows && inBox && boxItem(inBox, aside, i)) {
      addListItem(aside.section, inBox, node);
      aside.item = { family: inBox.family, value: inBox.value };
      aside.lastLine = node.position.end.line;
      continue;
    }
    if (aside && follows && !inBox) {
      const bullet = bulletItem(node.value);
      if (bullet) addListItem(aside.section, bullet, node);
      else aside.section.blocks.push(withDuties(blockOf(node)));
      aside.lastLine = node.position.end.line;
      continue;
    }
    aside = null;
    if (node.data?.table) {
      addBlock(blockOf(node));
      continue;
    }
    const box = ASIDE.exec(node.value);
    if (box) {
      const parent = current();
      const section: Section = {
        id: '', number: `专栏${box[1] ?? ''}`, heading: box[2] ?? '', level: parent.level + 1, themes: [], blocks: [], children: [], marker: null, line, role: 'aside',
      };
      parent.children.push(section);
      aside = { section, lastLine: node.position.end.line, item: null };
      continue;
    }
    // A number run into its heading ("6加快形成…") counts when it continues the numbering.
    let marker = markerOf(node) ?? continuingMarker(node.value, lastArabic);
    if (marker?.family === 'arabic') lastArabic = marker.value;
    // "附件：1．…" opens a list of attachments, "注：1.…" a table's notes; the "2．…" lines after
    // it are that list, not tasks.
    if (ATTACHMENTS.test(node.value)) inAttachments = true;
    else if (inAttachments && marker && !['arabic', 'decimal-1', 'decimal-2', 'decimal-3'].includes(marker.family)) inAttachments = false;
    if (NOTES.test(node.value)) note = /1/.test(node.value) ? 1 : 0;
    else if (note !== null) {
      // The number the plan's own numbering of that family would take next: after the open
      // section of the family ("1.优化产业结构" → 2), else after the last one under this section.
      const family = marker?.family;
      const open = family ? stack.findLast((o) => o.family === family) : undefined;
      const planNext = family && (open ? open.value : lastValue.get(current())?.get(family) ?? 0) + 1;
      // Right after a lone "注：" its "1." is a note, whatever the plan's numbering would be.
      note = marker?.family === 'arabic' && marker.value === note + 1 && (note === 0 || planNext !== marker.value) ? marker.value : null;
      if (note !== null) {
        addBlock(paragraph(node));
        continue;
      }
    }
    if (!marker || inAttachments) {
      const bullet = inAttachments ? null : bulletItem(node.value);
      if (bullet) addListItem(current(), bullet, node);
      else addBlock(paragraph(node));
      continue;
    }
    if (marker.rest === '' && lines[i + 1] && !markerOf(lines[i + 1] as LineNode) && !lines[i + 1]?.data?.table) {
      report(file, 'marker-alone', node.position, { number: marker.raw });
      marker = { ...marker, rest: lines[i + 1]?.value ?? '' };
      i++;
    }
    const split = splitHeading(marker, node);
    const { body } = split;
    const heading = listed.has(i) ? null : split.heading;
    // A numbered paragraph with no lead is an item of a list, unless a sibling before it was a
    // section (then it stays a section, in its place: lists render before subsections).
    const siblingSection = stack.some((o) => o.family === marker.family);
    // The enumerations inside an article ("第十三条 …：（一）…（九）…") are its items, never sections.
    const inArticle = stack.at(-1)?.family === 'article' && marker.family !== 'article' && familyRank(marker.family) > familyRank('article') && !articleHeadings.has(i);
    if (heading === null || inArticle || (heading === '' && marker.family !== 'article' && !siblingSection)) {
      // The item still counts in the numbering, so that the next sibling is no gap.
      const parent = current();
      const seen = lastValue.get(parent) ?? new Map<MarkerFamily, number>();
      lastValue.set(parent, seen);
      seen.set(marker.family, marker.value);
      overall.set(marker.family, marker.value);
      addListItem(parent, marker, node);
      continue;
    }

    const level = levelOf(marker.family);
    while (stack.length && (stack.at(-1)?.section.level ?? 0) >= level) stack.pop();
    const parent = stack.at(-1)?.section ?? null;
    checkSequence(file, node, marker, lastValue, overall, parent, roots.length === 0 || (roots.length === 1 && roots[0]?.number === null));
    const section: Section = {
      id: '', number: marker.raw, heading, level, themes: [], blocks: [], children: [], marker: marker.family, line,
    };
    (parent ? parent.children : roots).push(section);
    stack.push({ section, family: marker.family, value: marker.value });
    if (body) addBlock({ kind: 'paragraph', lead: null, text: body, line });
  }
  // "前言" printed on its own line heads the text before the first numbered heading, as a foreword.
  const preamble = roots[0];
  const first = preamble?.number === null && !preamble.heading ? preamble.blocks[0] : undefined;
  if (preamble && first?.kind === 'paragraph' && FOREWORD.test(first.text)) {
    preamble.heading = first.text.replace(/\s+/g, '');
    preamble.line = first.line;
    preamble.blocks.shift();
  }
  return roots;
}

/** A table node's table block, or a paragraph. */
/** A block with the units its 责任单位 clauses (or bracketed duties) name, and where each clause stands. */
function withDuties(block: Omit<Block, 'id' | 'themes' | 'responsible'>): Block {
  const b: Block = { id: '', themes: [], responsible: [], ...block };
  const clauses = findResponsibility(b.text);
  if (clauses.length) {
    b.responsibility = clauses.map(({ role, units, clause, start, end, pieces }) => ({ role, units, clause, start, end, pieces }));
    b.responsible = [...new Set(clauses.flatMap((c) => c.units))];
  } else {
    const duties = findBracketedDuties(b.text);
    if (duties.length) b.responsible = [...new Set(duties.flatMap((d) => d.units))];
  }
  return b;
}

function blockOf(node: LineNode): Omit<Block, 'id' | 'themes' | 'responsible'> {
  const table = node.data?.table;
  if (!table) return paragraph(node);
  return { kind: 'table', lead: null, text: node.value, rows: table.rows, header: table.header, caption: table.caption, ...(table.unit ? { unit: table.unit } : {}), line: node.position.start.line };
}

export function paragraph(node: LineNode): Omit<Block, 'id' | 'themes' | 'responsible'> {
  return { kind: 'paragraph', lead: leadOf(node.value), text: node.value, line: node.position.start.line };
}

/**
 * The lead sentence that names a paragraph's task: short, ends in 。, no comma inside, and more
 * text follows. "推进全民环境监督。充分发挥…" → "推进全民环境监督。"; "——水环境质量不断提升。…" too;
 * a bracketed title, "【加强扬尘管控】严格落实…" → "【加强扬尘管控】".
 */
export function leadOf(text: string): string | null {
  const bracket = BRACKET_LEAD.exec(text);
  if (bracket && bracket[0].length < text.length) return bracket[0].trimEnd();
  const m = /^(?:——)?[^。，,；;：:！？]{2,38}。/.exec(text);
  if (!m || m[0].length >= text.length) return null;
  return m[0];
}

/** Heading text and the body that follows it on the same line; heading null → a list item. */
function splitHeading(marker: Marker, node: LineNode): { heading: string | null; body: string } {
  const rest = marker.rest;
  // An article's heading is its caption where one is printed; its text is its body.
  if (marker.family === 'article') {
    const caption = CAPTION.exec(rest);
    return caption ? { heading: caption[1] ?? '', body: rest.slice(caption[0].length) } : { heading: '', body: rest };
  }
  const bracket = LIST_FAMILIES.includes(marker.family) ? null : BRACKET_LEAD.exec(rest);
  if (bracket?.[1]) return { heading: bracket[1].trim(), body: rest.slice(bracket[0].length).trim() };
  if (node.data?.markdownHeading || (rest.length <= HEADING_MAX && !/[。！？；]/.test(rest))) return { heading: rest, body: '' };
  const first = /^[^。！？；]+[。！？；]/.exec(rest)?.[0] ?? rest;
  // A deep item is a section only when it opens with a lead ("（1）强化监测。…"); a goal sentence
  // with commas ("（1）到2025年，全市…达到100%。") is an item of a list.
  if (LIST_FAMILIES.includes(marker.family) && !/^[^。！？；，,]{1,40}[。！？；]/.test(rest) && rest.length > HEADING_MAX) {
    return { heading: null, body: rest };
  }
  if (LIST_FAMILIES.includes(marker.family) && /^[^。！？；]*[，,]/.test(first)) return { heading: null, body: rest };
  const standard = STANDARD_HEADING.exec(rest)?.[1];
  if (first.length > LEAD_MAX && standard) return { heading: standard, body: rest.slice(standard.length) };
  // A short label before a colon, or a term before its definition, names the item better than
  // the whole sentence: "1.区绿化市容局（区分减联办）：负责总体牵头…。" → 区绿化市容局（区分减联办）;
  // "2.城市易涝点消除比例，即通过工程性措施…。" → 城市易涝点消除比例.
  const named = LABEL_LEAD.exec(first) ?? DEFINED_TERM.exec(first);
  if (named?.[1] && !LIST_FAMILIES.includes(marker.family)) return { heading: named[1], body: rest.slice(named[0].length).trim() };
  // A task stated in one sentence with its number: "3.强化扬尘管控，城市建成区道路机械化清扫率达到
  // 90%以上。" → the task, 强化扬尘管控, heads the item, and the rest of the sentence is its text,
  // where the target is read (a heading holds no goal).
  const task = TASK_CLAUSE.exec(first);
  if (task?.[1] && /\d/.test(first.slice(task[0].length)) && !LIST_FAMILIES.includes(marker.family)) {
    return { heading: task[1], body: rest.slice(task[0].length).trim() };
  }
  // A task whose one sentence is its target is no title: "4.完成旧住房修缮更新60万平方米。（牵头单位：…）"
  // stays a numbered paragraph, so that its target is read and quoted from the text.
  if (first.length <= LEAD_MAX && TARGET_SENTENCE.test(first) && !LIST_FAMILIES.includes(marker.family)) return { heading: '', body: rest };
  if (first.length <= LEAD_MAX) {
    return { heading: first.replace(/[。！？；]$/, ''), body: rest.slice(first.length).trim() };
  }
  // A label before a colon names the item: "2.区文明办：负责…", "2.森林覆盖率：上海市…" → 区文明办.
  const label = COLON_LEAD.exec(rest);
  if (label?.[1]) return { heading: label[1], body: rest.slice(label[0].length).trim() };
  if (LIST_FAMILIES.includes(marker.family)) return { heading: null, body: rest };
  // No lead at all: a numbered paragraph, an item of a list unless its run is made of sections.
  return { heading: '', body: rest };
}

function addListItem(section: Section, marker: Pick<Marker, 'raw' | 'rest'>, node: LineNode) {
  const last = section.blocks.at(-1);
  const item = { number: marker.raw, text: marker.rest };
  const text = `${marker.raw}${marker.rest}`;
  // A bulleted line after numbered items (or the reverse) starts a list of its own.
  if (last?.kind === 'list' && last.items && isBullet(last.items.at(-1)?.number) === isBullet(marker.raw)) {
    last.items.push(item);
    last.text = `${last.text}\n${text}`;
  } else {
    section.blocks.push({ id: '', kind: 'list', lead: null, text, responsible: [], themes: [], items: [item], line: node.position.start.line });
  }
}

function checkSequence(
  file: VFile, node: LineNode, marker: Marker,
  lastValue: Map<Section | null, Map<MarkerFamily, number>>, overall: Map<MarkerFamily, number>,
  parent: Section | null, atStart: boolean,
) {
  const seen = lastValue.get(parent) ?? new Map<MarkerFamily, number>();
  lastValue.set(parent, seen);
  const prev = seen.get(marker.family);
  const prevOverall = overall.get(marker.family);
  seen.set(marker.family, marker.value);
  overall.set(marker.family, marker.value);
  if (prev === undefined) {
    if (prevOverall === marker.value - 1) return;
    if (marker.value > 1 && atStart) report(file, 'numbering-start', node.position, { number: marker.raw });
    else if (marker.value > 1 && parent) {
      report(file, 'numbering-gap', node.position, { number: marker.raw, expected: printMarker(marker.family, 1) });
    }
    return;
  }
  // An item numbered in a list between two sections ("（2）" section, "（3）" item, "（4）" section) is no gap.
  if (marker.value !== prev + 1 && prevOverall !== marker.value - 1) {
    report(file, 'numbering-gap', node.position, { number: marker.raw, expected: printMarker(marker.family, prev + 1) });
  }
}
