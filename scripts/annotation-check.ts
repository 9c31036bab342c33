/**
 * npm run -s annotate:check -- <annotation.json> [...]
 *
 * Checks a hand annotation without scoring it (an annotator must not see the pipeline's answers
 * before the annotation is written): the file's format, every quote verbatim in the text, every
 * section key in the outline and every section of the outline labelled, every channel snippet in a
 * block. Prints one line per problem; exit 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePlan, type Section } from '../src/pipeline/index.ts';
import { readPlanSource } from './lib/read-plan.ts';
import { labelledSections, readAnnotation, textPath } from './lib/annotations.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const files = positionals.filter((a) => a !== '--');
if (!files.length) {
  process.stderr.write('用法：npm run -s annotate:check -- <tests/eval/annotations/某文本.json> …\n');
  process.exit(2);
}
const squash = (s: string) => s.replace(/\s+/g, '');
let problems = 0;
const problem = (f: string, msg: string) => { problems++; console.log(`${f}：${msg}`); };

for (const f of files) {
  let a;
  try {
    a = readAnnotation(f);
  } catch (e) {
    problem(f, (e as Error).message);
    continue;
  }
  const path = textPath(a.file);
  if (!path) { problem(f, `找不到文本 ${a.file}`); continue; }
  const raw = readFileSync(path, 'utf8');
  const doc = parsePlan(readPlanSource(path).bytes, readPlanSource(path).options);
  const blocks: string[] = [];
  const walk = (list: Section[]) => list.forEach((s) => { blocks.push(...s.blocks.map((b) => b.text)); walk(s.children); });
  walk(doc.sections);
  const inText = (q: string) => raw.includes(q) || squash(raw).includes(squash(q)) || blocks.some((b) => b.includes(q) || squash(b).includes(squash(q)));
  for (const [list, name] of [[a.goals ?? [], 'goals'], [a.requirements, 'requirements']] as const) {
    list.forEach((g, i) => {
      if (!inText(g.quote)) problem(f, `${name}[${i}] 的 quote 不在原文里：「${g.quote}」`);
      if (g.value !== null && !squash(g.quote).includes(String(g.value)) && !/[一二三四五六七八九十]/.test(g.quote)) problem(f, `${name}[${i}] 的 quote 里没有数值 ${g.value}：「${g.quote}」`);
      if (g.year !== null && g.yearFrom == null) problem(f, `${name}[${i}] 有 year ${g.year} 但没写 yearFrom（sentence / section / table / document）`);
    });
  }
  a.nonTargets.forEach((n, i) => { if (!inText(n.quote)) problem(f, `nonTargets[${i}] 的 quote 不在原文里：「${n.quote}」`); });
  a.milestones.forEach((m, i) => { if (!inText(m.quote)) problem(f, `milestones[${i}] 的 quote 不在原文里：「${m.quote}」`); });
  if (a.battles) {
    const sections = labelledSections(doc);
    const named = new Set(a.battles.map((b) => b.section.replace(/\s+/g, ' ').trim()));
    for (const b of a.battles) if (!sections.has(b.section.replace(/\s+/g, ' ').trim())) problem(f, `battles：大纲里没有这个章节「${b.section}」（用 annotate:outline 方括号里的写法；重名的第二个写成「…#2」）`);
    for (const key of sections.keys()) if (!named.has(key)) problem(f, `battles：大纲里的章节「${key}」没有标注（没有战役也要写 []）`);
  }
  for (const [i, c] of (a.channels ?? []).entries()) {
    if (!blocks.some((b) => b.includes(c.snippet) || squash(b).includes(squash(c.snippet)))) problem(f, `channels[${i}] 的 snippet 不在任何段落里：「${c.snippet}」`);
  }
  if (!problems) console.log(`${f}：格式、引文、章节和片段都对得上。`);
}
if (problems) process.exit(1);
