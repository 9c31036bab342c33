import { DataFileError } from '../../src/data/problem.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../src/schemas/synonyms.ts';

describe('content/synonyms.yaml', () => {
  it('is valid and pairs the names the issue asks for', () => {
    const groups = parseSynonyms(readFileSync('content/synonyms.yaml', 'utf8'));
    const pair = (a: string, b: string) => groups.some((g) => g.includes(a) && g.includes(b));
    expect(pair('细颗粒物', 'PM2.5')).toBe(true);
    expect(pair('可吸入颗粒物', 'PM10')).toBe(true);
    expect(pair('挥发性有机物', 'VOCs')).toBe(true);
    expect(pair('化学需氧量', 'COD')).toBe(true);
    expect(pair('氨氮', 'NH3-N')).toBe(true);
  });

  it('names the file, the entry, the value and the fix when an entry is wrong', () => {
    const bad = (text: string) => {
      try {
        parseSynonyms(text, 'content/synonyms.yaml');
      } catch (error) {
        expect(error).toBeInstanceOf(DataFileError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad('groups:\n  - [细颗粒物, PM2.5]\n  - [水, 河水]\n')).toMatch(/content\/synonyms\.yaml:3 错误 \[synonyms\] groups 第 2 组第 1 项：太短.*（现值："水"）/);
    expect(bad('groups:\n  - [PM10]\n')).toMatch(/第 1 组.*每组至少两项/);
    expect(bad('group:\n  - [a, b]\n')).toMatch(/不认识的字段 group/);
    expect(bad('groups: [')).toMatch(/YAML 格式错误/);
  });
});
