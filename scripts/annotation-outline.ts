/**
 * npm run -s annotate:outline -- <file> [--json]
 *
 * What a hand annotator reads beside the raw text (tests/eval/annotations/README.md): the parsed
 * outline, every section with its marker and heading, and every block's repaired text, tables as
 * rows of cells. It leaves out on purpose what the annotation is meant to measure (themes, goals,
 * milestones, channels), so that the annotator reads the plan, not the pipeline's answers.
 *
 * Each section prints the key the annotation uses for it ("number heading", e.g. "（二）深入打好碧水
 * 保卫战"); each block prints its first 30 characters' key ("¶ …") for channel snippets.
 */
import { parseArgs } from 'node:util';
import { readPlanSource } from './lib/read-plan.ts';
import { parsePlan, type Section } from '../src/pipeline/index.ts';
import { sectionKey } from './lib/annotations.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
const file = positionals.find((a) => a !== '--');
if (!file) {
  process.stderr.write('用法：npm run -s annotate:outline -- <规划文本文件> [--json]\n');
  process.exit(2);
}
const source = readPlanSource(file);
const doc = parsePlan(source.bytes, source.options);

interface OutlineSection { key: string; level: number; role: string | null; blocks: { kind: string; line: number | null; text: string; rows?: string[][] }[]; children: OutlineSection[] }
const strip = (s: Section): OutlineSection => ({
  key: sectionKey(s),
  level: s.level,
  role: s.role ?? null,
  blocks: s.blocks.map((b) => ({ kind: b.kind, line: b.line ?? null, text: b.text, ...(b.rows ? { rows: b.rows } : {}) })),
  children: s.children.map(strip),
});
const outline = doc.sections.map(strip);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ file, meta: { title: doc.meta.title, period: doc.meta.period, issued: doc.meta.issued }, sections: outline }, null, 1)}\n`);
} else {
  const out: string[] = [`# ${file}`, `# 标题：${doc.meta.title ?? '（未识别）'}  发布：${doc.meta.issued ?? '—'}  规划期：${doc.meta.period ? `${doc.meta.period.from}–${doc.meta.period.to}` : '—'}`, ''];
  const print = (s: OutlineSection, depth: number) => {
    const pad = '  '.repeat(depth);
    out.push(`${pad}§ [${s.key}]${s.role ? `  (${s.role})` : ''}`);
    for (const b of s.blocks) {
      out.push(`${pad}  ¶ ${b.kind}${b.line ? ` 第${b.line}行` : ''}`);
      if (b.rows) for (const r of b.rows) out.push(`${pad}    | ${r.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`);
      else for (const l of b.text.split('\n')) out.push(`${pad}    ${l}`);
    }
    for (const c of s.children) print(c, depth + 1);
  };
  for (const s of outline) print(s, 0);
  process.stdout.write(`${out.join('\n')}\n`);
}
