/**
 * npm run -s eval:corpus — parses every real text (seeds/, tests/pipeline/real/, and
 * ../shared/corpus/ when it is there) and prints, per file and in total: content sentences lost,
 * tables found (and how many the hand-checked expectations in tests/eval/corpus-expectations.json
 * name, with their row counts), numbered sections with an empty heading, numbering gaps, and
 * metadata fields filled and right. `--json` prints the figures as JSON instead.
 *
 * "Lost" means a sentence of the source (front matter aside) that is neither in the document nor
 * among the removals approved by hand in tests/eval/approved-removals.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePlan, type PlanDocument, type Section } from '../src/pipeline/index.ts';
import { lostSentences } from './lib/fidelity.ts';
import { readPlanSource } from './lib/read-plan.ts';
import { parseArgs } from 'node:util';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const expectations = JSON.parse(readFileSync('tests/eval/corpus-expectations.json', 'utf8')) as Record<string, Expectation>;

interface TableExpectation { rows: number; cols: number; caption: string | null }
interface Expectation {
  meta: Record<string, unknown> & { alsoAccept?: Record<string, unknown[]> };
  tables?: TableExpectation[];
}

const files = new Map<string, string>();
for (const dir of ['seeds', 'tests/pipeline/real']) {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) files.set(f, join(dir, f));
}
if (existsSync(SHARED)) {
  for (const f of readdirSync(SHARED).filter((x) => x.endsWith('.txt')).sort()) if (!files.has(f)) files.set(f, join(SHARED, f));
} else {
  console.error(`注意：没有找到 ${SHARED}（全新克隆里没有 ../shared），只评估项目内的文本。`);
}

const META_FIELDS = ['title', 'issuer', 'issued', 'docNumber', 'kind', 'period', 'jurisdiction'] as const;
const norm = (v: unknown): string => (v === null || v === undefined ? 'null' : typeof v === 'string' ? v.replace(/\s+/g, '') : JSON.stringify(v));

interface Row {
  file: string; sentences: number; lost: number; tables: number; tablesExpected: number; tableRowsRight: number;
  emptyHeadings: number; gaps: number; metaFilled: number; metaExpected: number; metaRight: number; wrong: string[];
}

const rows: Row[] = [];
for (const [name, path] of files) {
  const bytes = new Uint8Array(readFileSync(path));
  // A sidecar that states the metadata (the five original seeds) is what the site publishes, so
  // it is scored with it; the corpus sidecars state only the place, so those texts are scored as
  // they read, without it.
  const source = readPlanSource(path);
  const doc = parsePlan(bytes, source.options.sidecar?.title !== undefined ? source.options : { path });
  const { lost, total } = lostSentences(name, new TextDecoder().decode(bytes), doc);
  const exp = expectations[name];
  const tables = allBlocks(doc).filter((b) => b.kind === 'table');
  const expTables = exp?.tables ?? [];
  let tableRowsRight = 0;
  expTables.forEach((t, i) => {
    const got = tables[i];
    if (got?.rows && got.rows.length - 1 === t.rows && (got.rows[0]?.length ?? 0) === t.cols) tableRowsRight++;
  });
  let metaFilled = 0;
  let metaExpected = 0;
  let metaRight = 0;
  const wrong: string[] = [];
  for (const field of META_FIELDS) {
    const got = field === 'jurisdiction' ? pickPlace(doc.meta.jurisdiction) : doc.meta[field];
    if (got !== null && got !== undefined) metaFilled++;
    if (!exp) continue;
    const want = field === 'jurisdiction' ? pickPlace(exp.meta.jurisdiction as PlanDocument['meta']['jurisdiction']) : exp.meta[field];
    if (want !== null && want !== undefined) metaExpected++;
    const accepted = [want, ...(exp.meta.alsoAccept?.[field] ?? [])].map(norm);
    if (accepted.includes(norm(got))) {
      if (want !== null && want !== undefined) metaRight++;
    } else {
      wrong.push(`${field}: ${norm(got)} ≠ ${norm(want)}`);
    }
  }
  rows.push({
    file: name, sentences: total, lost: lost.length, tables: tables.length, tablesExpected: expTables.length, tableRowsRight,
    emptyHeadings: countSections(doc.sections, (s) => s.number !== null && s.heading === '' && s.marker !== 'article'),
    gaps: doc.diagnostics.filter((d) => d.code === 'numbering-gap').length,
    metaFilled, metaExpected, metaRight, wrong,
  });
}

if (parseArgs({ options: { json: { type: 'boolean', default: false } } }).values.json) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  const head = ['文件', '句子', '丢失', '表格(期望)', '行数对', '空标题', '编号缺口', '元数据已填', '元数据对/期望'];
  console.log(head.join('\t'));
  for (const r of rows) {
    console.log([r.file.slice(0, 28), r.sentences, r.lost, `${r.tables}(${r.tablesExpected})`, `${r.tableRowsRight}/${r.tablesExpected}`,
      r.emptyHeadings, r.gaps, `${r.metaFilled}/7`, `${r.metaRight}/${r.metaExpected}`].join('\t'));
    for (const w of r.wrong) console.log(`\t  ✗ ${w}`);
  }
  const sum = (k: keyof Row) => rows.reduce((a, r) => a + (r[k] as number), 0);
  console.log(['合计', sum('sentences'), sum('lost'), `${sum('tables')}(${sum('tablesExpected')})`, `${sum('tableRowsRight')}/${sum('tablesExpected')}`,
    sum('emptyHeadings'), sum('gaps'), `${sum('metaFilled')}/${rows.length * 7}`, `${sum('metaRight')}/${sum('metaExpected')}`].join('\t'));
  console.log(`\n${rows.length} 份文本。丢失：原文句子既不在文档里、也不在人工核准的删除清单里。空标题不计“第X条”（条文没有条标题时标题为空）。`);
}

function allBlocks(doc: PlanDocument) {
  const out: Section['blocks'] = [];
  const walk = (list: Section[]) => list.forEach((s) => { out.push(...s.blocks); walk(s.children); });
  walk(doc.sections);
  return out;
}

function countSections(list: Section[], test: (s: Section) => boolean): number {
  return list.reduce((n, s) => n + (test(s) ? 1 : 0) + countSections(s.children, test), 0);
}

function pickPlace(j: PlanDocument['meta']['jurisdiction'] | undefined) {
  return j ? { name: j.name, level: j.level ?? null, province: j.province ?? null } : null;
}
void basename;
