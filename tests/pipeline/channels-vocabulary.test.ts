/**
 * content/channel-kinds.yaml, the vocabulary staff edit: it validates, every kind of the contract
 * has a name and a description for citizens, every rule finds its own real example sentences and
 * not its near misses, and a broken file is reported with the file, field and fix in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { channelKinds } from '../../src/schemas/channels.ts';
import { matchSentence } from '../../src/pipeline/enrich/channels-match.ts';
import { loadVocabulary, parseVocabulary } from '../../src/pipeline/enrich/channels-vocabulary.ts';
import { DataFileError, formatProblem } from '../../src/data/problem.ts';

const vocabulary = loadVocabulary();

describe('the vocabulary file', () => {
  it('names and explains every kind of the contract', () => {
    expect(channelKinds.length).toBeGreaterThan(0);
    expect(Object.keys(vocabulary.kinds).sort()).toEqual([...channelKinds].sort());
    for (const info of Object.values(vocabulary.kinds)) expect(info.description.length).toBeGreaterThan(20);
  });

  it('has a rule for every kind, and real example sentences for most rules', () => {
    const covered = new Set(vocabulary.rules.map((r) => r.kind));
    expect([...channelKinds].filter((k) => !covered.has(k))).toEqual([]);
    const withExamples = vocabulary.rules.filter((r) => r.source.examples?.length);
    expect(withExamples.length).toBeGreaterThan(vocabulary.rules.length * 0.8);
    // Each example and near miss below is a test of its own; some rules must have near misses.
    expect(vocabulary.rules.some((r) => r.source.nearMisses?.length)).toBe(true);
  });

  for (const rule of vocabulary.rules) {
    for (const example of rule.source.examples ?? []) {
      it(`${rule.id} finds: ${example.slice(0, 40)}`, () => {
        expect(matchSentence(example, vocabulary).map((f) => f.rule.id)).toContain(rule.id);
      });
    }
    for (const miss of rule.source.nearMisses ?? []) {
      it(`${rule.id} does not find: ${miss.slice(0, 40)}`, () => {
        expect(matchSentence(miss, vocabulary).map((f) => f.rule.id)).not.toContain(rule.id);
      });
    }
  }
});

describe('a broken vocabulary file', () => {
  const problemsOf = (text: string): string[] => {
    try {
      parseVocabulary(text, 'content/channel-kinds.yaml');
    } catch (error) {
      if (error instanceof DataFileError) return error.problems.map(formatProblem);
      throw error;
    }
    return [];
  };

  it('names the file, the field, the bad value and the fix', () => {
    const kinds = Object.fromEntries(channelKinds.map((k) => [k, { name: '名称', action: 'report', description: '一两句给市民看的说明文字，这里只是测试用的内容。' }]));
    const text = JSON.stringify({
      kinds,
      entries: [
        { id: 'hotline-12369', kind: 'hotline', label: '12369环保举报热线', value: 12369, patterns: ['(12369'] },
        { id: 'Bad Id', kind: 'phone', label: 'x', patterns: ['举报'] },
      ],
    });
    const problems = problemsOf(text);
    const all = problems.join('\n');
    expect(problems.every((p) => /^content\/channel-kinds\.yaml:\d+ 错误 \[channel-kinds\] /.test(p))).toBe(true);
    expect(all).toMatch(/entries\.0\.value：.*（现值：12369）/);
    expect(all).toContain("加引号");
    expect(all).toContain('entries.0.patterns.0');
    expect(all).toContain('不是有效的正则表达式');
    expect(all).toContain('entries.1.id');
    expect(all).toMatch(/entries\.1\.kind：.*（现值："phone"）/);
  });

  it('names a yieldsTo that points at no rule', () => {
    const kinds = Object.fromEntries(channelKinds.map((k) => [k, { name: '名称', action: 'report', description: '一两句给市民看的说明文字，这里只是测试用的内容。' }]));
    const text = JSON.stringify({ kinds, entries: [{ id: 'other-report', kind: 'other', label: '依法举报', patterns: ['举报'], yieldsTo: ['no-such-rule'] }] });
    expect(problemsOf(text).join('\n')).toMatch(/entries\.0\.yieldsTo\.0：.*（现值："no-such-rule"）/);
  });

  it('reports a missing kind and YAML syntax errors', () => {
    expect(problemsOf('kinds: {}\nentries: []').join('\n')).toContain('kinds.hotline');
    expect(problemsOf('kinds: [\n').join('\n')).toContain('YAML 格式错误');
  });
});
