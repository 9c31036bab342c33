/**
 * `npm run check`: everything staff edit, checked without building the site (shared/CONTRACT.md,
 * "Publishing by commit"): the plan texts in seeds/ and their metadata files, the data files under
 * content/, the updates in content/updates/, and the warnings the pipeline raises on each plan that
 * no one has accepted. Every problem names its file and line; errors stop the build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Problem } from '../data/problem.ts';
import { parsePlan, PlanInputError, type ParseOptions, type PlanDocument } from '../pipeline/index.ts';
import { checkDataFiles } from './data-files.ts';
import { planWarnings } from './plan-warnings.ts';
import { checkSidecar } from './sidecars.ts';
import { checkText, slugOf, slugProblems } from './texts.ts';
import { checkUpdate } from './updates.ts';

export interface CheckOptions {
  /** The project's root: seeds/ and content/ are read from it. */
  root: string;
  /** Also parse every plan and report its unaccepted warnings (the build does; tests of one file need not). */
  plans?: boolean;
  /** How a plan is parsed: the pipeline by default; the command passes the content build's cache, so a plan parsed once is not parsed again. */
  parse?: (bytes: Uint8Array, options: ParseOptions) => PlanDocument;
}

export function runCheck({ root, plans = true, parse = parsePlan }: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const seeds = join(root, 'seeds');
  const names = existsSync(seeds) ? readdirSync(seeds).sort() : [];
  const slugs = new Map<string, string[]>();
  const valid: { text: string; sidecar: string | null; bytes: Uint8Array; meta: ReturnType<typeof checkSidecar>['sidecar'] }[] = [];

  for (const name of names.filter((n) => n.endsWith('.yaml'))) {
    if (!names.includes(name.replace(/\.yaml$/, '.txt'))) {
      problems.push({ file: `seeds/${name}`, line: 1, severity: 'error', code: 'sidecar-orphan', message: `没有同名的规划文本 seeds/${name.replace(/\.yaml$/, '.txt')}：元数据文件要和文本同名（只是扩展名不同）。请改名，或删去这个文件。` });
    }
  }
  for (const name of names.filter((n) => n.endsWith('.txt'))) {
    const text = `seeds/${name}`;
    const bytes = new Uint8Array(readFileSync(join(seeds, name)));
    const textProblems = checkText(bytes, text);
    problems.push(...textProblems);
    const sidecarName = name.replace(/\.txt$/, '.yaml');
    const sidecar = names.includes(sidecarName) ? `seeds/${sidecarName}` : null;
    const checked = sidecar ? checkSidecar(readFileSync(join(seeds, sidecarName), 'utf8'), sidecar) : { sidecar: null, problems: [] };
    problems.push(...checked.problems);
    const slug = checked.sidecar?.slug ?? slugOf(name);
    slugs.set(slug, [...(slugs.get(slug) ?? []), text]);
    if (!textProblems.length) valid.push({ text, sidecar, bytes, meta: checked.sidecar });
  }
  problems.push(...slugProblems(slugs));

  const content = join(root, 'content');
  const data = checkDataFiles(content, new Set(slugs.keys()));
  problems.push(...data.problems);

  const updates = join(content, 'updates');
  if (existsSync(updates)) {
    for (const name of readdirSync(updates).filter((n) => n.endsWith('.md')).sort()) {
      const file = `content/updates/${name}`;
      problems.push(...checkUpdate(readFileSync(join(updates, name), 'utf8'), file, { planSlugs: new Set(slugs.keys()), catalogue: data.catalogue }).problems);
      if (!/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/.test(name)) {
        problems.push({ file, line: null, severity: 'error', code: 'update', message: `文件名“${basename(name)}”应为“日期-英文小写名.md”，例如 2026-03-01-putuo-shuiwu-jinzhan.md：文件名就是这条进展的网址。` });
      }
    }
  }

  if (plans) {
    for (const v of valid) {
      try {
        const doc = parse(v.bytes, { path: v.text, ...(v.meta ? { sidecar: v.meta } : {}) });
        problems.push(...planWarnings(v.text, v.sidecar, doc.diagnostics, v.meta?.accepted ?? []));
      } catch (error) {
        if (!(error instanceof PlanInputError)) throw error;
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
