/**
 * The GitHub Actions workflows staff use as they are (.github/workflows/): each parses and validates
 * against GitHub's own workflow schema (@actions/workflow-parser, the parser GitHub's language
 * services use), and does what CONTRIBUTING.md promises: a pull request runs the check with its
 * problems annotated on the changed files; a commit to main builds with the Pages address as
 * SITE_URL and publishes dist/ to GitHub Pages. Every npm script they run exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = '.github/workflows';
const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);

async function load(name: string): Promise<WorkflowTemplate> {
  const result = parseWorkflow({ name, content: readFileSync(`${dir}/${name}`, 'utf8') }, new NoOperationTraceWriter());
  expect(result.context.errors.getErrors().map((e) => e.message), name).toEqual([]);
  const template = await convertWorkflowTemplate(result.context, result.value!);
  expect(template.errors ?? [], name).toEqual([]);
  return template;
}

/** The workflow as written: the schema is checked by `load`, what the steps do is read from the YAML itself. */
type RawStep = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
const raw = (name: string) => parse(readFileSync(`${dir}/${name}`, 'utf8')) as { on: Record<string, { branches?: string[] } | null>; jobs: Record<string, { steps: RawStep[] }> };
const runs = (name: string, job: string) => raw(name).jobs[job]!.steps.flatMap((s) => (s.run ? [s.run] : []));
const uses = (name: string, job: string) => raw(name).jobs[job]!.steps.flatMap((s) => (s.uses ? [s.uses] : []));

describe('workflows', () => {
  it('are valid GitHub Actions workflows', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual(['check.yml', 'publish.yml']);
    for (const f of files) await load(f);
  });

  it('check a pull request, annotating the changed files, then run the tests', async () => {
    const w = await load('check.yml');
    expect(Object.keys(w.events)).toEqual(['pull_request']);
    expect(runs('check.yml', 'check')).toContain('npm run -s check -- --github --changed "origin/${{ github.base_ref }}"');
    expect(runs('check.yml', 'test').join('\n')).toContain('bash .ci/run');
  });

  it('build main with the Pages address and publish dist/ to GitHub Pages', async () => {
    const w = await load('publish.yml');
    expect(w.events.push?.branches).toEqual(['main']);
    expect(uses('publish.yml', 'build')).toEqual(expect.arrayContaining(['actions/configure-pages@v5', 'actions/upload-pages-artifact@v3']));
    // The build gets the Pages address as SITE_URL.
    expect(raw('publish.yml').jobs.build!.steps.find((x) => x.run === 'npm run build')?.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.base_url }}' });
    expect(raw('publish.yml').jobs.build!.steps.find((x) => x.uses === 'actions/upload-pages-artifact@v3')).toMatchObject({ with: { path: 'dist' } });
    expect(uses('publish.yml', 'deploy')).toEqual(['actions/deploy-pages@v4']);
  });

  it('run only npm scripts the project has', () => {
    let runs = 0;
    for (const f of readdirSync(dir)) {
      for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/npm run (?:-s )?([\w:-]+)/g)) {
        expect(scripts, `${f}: npm run ${m[1]}`).toContain(m[1]);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(0);
  });
});
