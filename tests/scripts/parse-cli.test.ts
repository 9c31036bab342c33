/** `npm run -s parse -- <file>` as staff and tests call it: JSON on stdout, messages on stderr. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDocumentSchema } from '../../src/schemas/plan-document.ts';

const parse = (file: string) => spawnSync(process.execPath, ['scripts/parse.ts', file], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));

describe('parse command', () => {
  it('prints a valid PlanDocument for a seed, using its sidecar', () => {
    const r = parse('seeds/004_eca488feed549976.txt');
    expect(r.status).toBe(0);
    const doc = planDocumentSchema.parse(JSON.parse(r.stdout));
    expect(doc.meta.sources?.issued).toBe('sidecar');
    expect(doc.meta.jurisdiction?.province).toBe('河南省');
  });

  it('works on a file anywhere, without a sidecar, inferring what the text states', () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, '宁川市人民政府关于印发宁川市水污染防治实施方案的通知\n宁政发〔2022〕12号\n一、总体要求\n到2025年，全市水质优良比例达到90%。\n');
    const r = parse(file);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta).toMatchObject({ title: '宁川市水污染防治实施方案', issuer: '宁川市人民政府', kind: '实施方案', docNumber: '宁政发〔2022〕12号' });
    expect(doc.meta.jurisdiction.name).toBe('宁川市');
    // The goal the text states is read, quoting its sentence.
    expect(doc.goals.map((g: { value: number; year: number; quote: string }) => [g.value, g.year])).toEqual([[90, 2025]]);
    expect(doc.goals[0].quote).toContain('90%');
  });

  it.each([
    ['empty.txt', new Uint8Array(), /empty\.txt：文件是空的/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /image\.txt：这不是文本文件/],
  ])('refuses %s with one line naming it', (name, bytes, message) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const r = parse(file);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('names a missing file', () => {
    const r = parse(join(dir, 'nope.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nope\.txt：找不到这个文件/);
  });

  it('publishes with a warning when the sidecar is invalid, naming the field and the bad value', () => {
    const file = join(dir, 'bad-sidecar.txt');
    writeFileSync(file, '一、总体要求\n加强生态环境保护。\n');
    writeFileSync(join(dir, 'bad-sidecar.yaml'), 'issued: 2022年3月\nslug: Bad Slug\n');
    const r = parse(file);
    expect(r.status).toBe(0);
    const warning = JSON.parse(r.stdout).diagnostics.find((d: { code: string }) => d.code === 'sidecar-invalid');
    expect(warning.message).toMatch(/bad-sidecar\.yaml.*issued.*2022年3月/);
    expect(r.stderr).toMatch(/sidecar-invalid/);
  });
});
