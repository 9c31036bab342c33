/**
 * Numbering markers, one recogniser per level family, outermost first. The order of this list is
 * the nesting order of Chinese official documents (GB/T 9704): a document's levels are the
 * families it uses, numbered in this order, so a fragment that opens at "6." under a missing
 * "（七）" still puts "6." below "（八）".
 */
import { chineseNumber, circledNumber, halfWidth } from '../text/cjk.ts';

export type MarkerFamily =
  | 'pian' | 'part' | 'chapter' | 'jie' | 'article' | 'decimal-1' | 'decimal-2' | 'decimal-3' | 'cn-enum' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'arabic-half' | 'circled';

export interface Marker {
  family: MarkerFamily;
  value: number;
  /** The marker as printed, trimmed: "二、", "（一）", "1 .", "第三章". */
  raw: string;
  /** The text after the marker. */
  rest: string;
}

const CN = '[一二三四五六七八九十百零〇两]+';

interface Recogniser {
  family: MarkerFamily;
  /** Matches at the start of a line; group 1 is the number. */
  pattern: RegExp;
  /** The number group 1 stands for, where it is not digits or Chinese numerals ("⑴" → 1). */
  value?: (group: string) => number;
}

export const recognisers: Recogniser[] = [
  /**
   * "第一篇　总体战略", "第三篇 深入打好污染防治攻坚战": the top level of long 十四五 plans, above
   * their chapters (第一篇 → 第一章 → 第一节): a space after 篇, or a short title and nothing else,
   * so that running text ("第一篇报道发表后，…", "第一篇章") goes on.
   */
  { family: 'pian', pattern: new RegExp(`^第\\s*(${CN}|\\d+)\\s*篇(?![章文幅])(?=[\\s\\u3000]|[^，,。；;：:]{0,30}$)`) },
  /** "第一部分 总体要求", "第二部分" */
  { family: 'part', pattern: new RegExp(`^第\\s*(${CN}|\\d+)\\s*部分`) },
  /** "第一章 总则", "第三章　推进绿色低碳发展" */
  { family: 'chapter', pattern: new RegExp(`^第\\s*(${CN}|\\d+)\\s*章`) },
  /** "第一节 深入打好蓝天保卫战" */
  { family: 'jie', pattern: new RegExp(`^第\\s*(${CN}|\\d+)\\s*节`) },
  /** "第十二条 …" (regulation-style plans) */
  { family: 'article', pattern: new RegExp(`^第\\s*(${CN}|\\d+)\\s*条`) },
  /** "1 总则" — only in a document that also numbers "1.1 编制目的" (see matchMarker's `decimal`) */
  { family: 'decimal-1', pattern: /^(\d{1,2})[\s\u3000]+(?=[\u4e00-\u9fff][^。；，]{0,20}$)/ },
  /** "1.1 编制目的", "3.2 响应措施", "3.1 Ⅲ级响应措施" (emergency plans, technical documents) */
  { family: 'decimal-2', pattern: /^\d{1,2}\.(\d{1,2})[\s\u3000]+(?=[\u4e00-\u9fff\u2160-\u216b])/ },
  /** "3.2.1 Ⅲ级响应措施" (Roman numerals Ⅰ–Ⅻ grade emergency responses) */
  { family: 'decimal-3', pattern: /^\d{1,2}\.\d{1,2}\.(\d{1,2})[\s\u3000]*(?=[\u4e00-\u9fff\u2160-\u216b])/ },
  /**
   * "一、总体要求", "二、主要任务", "十一、", "三.重点任务" (web copies type a full stop) — not
   * "一是", not "一、二类" which follows "(", not "十三.五期间" (十三五 typed with a stop) or "一. 5万吨".
   */
  { family: 'cn-enum', pattern: new RegExp(`^(${CN})\\s*(?:[、，,．]|\\.(?!\\s*\\d)(?![一二三四五六七八九十]))`) },
  /** "（一）加快推动绿色低碳发展", "(八)加快推进…" */
  { family: 'cn-paren', pattern: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`) },
  /** "1.深入推进碳达峰行动", "1、", "1 .", "25," (OCR comma), "1．" — not "1.5倍", not "2025年" */
  { family: 'arabic', pattern: /^(\d{1,3})\s*(?:[.．、]|[,，](?=\D))(?!\d)/ },
  /** "（1）", "(3)" */
  { family: 'arabic-paren', pattern: /^[（(]\s*(\d{1,3})\s*[）)]/ },
  /** "⑴加强监测" (one character each in Word: U+2474–U+2487), the （1） level */
  { family: 'arabic-paren', pattern: /^([⑴-⒇])/, value: (c) => c.charCodeAt(0) - 0x2473 },
  /** "⒈加强监测" (U+2488–U+249B), the 1. level */
  { family: 'arabic', pattern: /^([⒈-⒛])/, value: (c) => c.charCodeAt(0) - 0x2487 },
  /**
   * "1）烧结机头烟气完成脱硫脱硝改造；", "2)": one bracket, a level of its own under （1） (plans
   * list "1）2）" inside "（1）钢铁行业"); not "1)2" inside a quantity.
   */
  { family: 'arabic-half', pattern: /^(\d{1,2})[）)](?![\d.%])/ },
  /** "①加强…" */
  { family: 'circled', pattern: /^([①-⑳])/ },
];

export const familyRank = (f: MarkerFamily): number => recognisers.findIndex((r) => r.family === f);

/**
 * Recognise a numbering marker at the start of a line, or null. `bare` also accepts a number run
 * straight into the heading ("6加快形成绿色低碳生活方式"), which only the inline-heading splitter
 * can vouch for, because it checked that 6 follows 5.
 */
export function matchMarker(line: string, bare = false, decimal = false): Marker | null {
  // Word and PDF exports often print numbers full-width ("１．实施源头替代。", "（２）"): they are
  // matched as digits, while raw and rest keep the text as printed (the mapping is one to one).
  const probe = halfWidth(line, /[０-９]/g);
  if (bare) {
    const m = /^(\d{1,3})(?=[\u4e00-\u9fff])/.exec(probe);
    if (m?.[1]) return { family: 'arabic', value: Number(m[1]), raw: line.slice(0, m[1].length), rest: line.slice(m[1].length) };
  }
  for (const { family, pattern, value: read } of recognisers) {
    if (family === 'decimal-1' && !decimal) continue;
    const m = pattern.exec(probe);
    if (!m) continue;
    const digits = m[1] ?? '';
    const value = read ? read(digits) : family === 'circled' ? circledNumber(digits) : chineseNumber(digits.replace(/\s/g, ''));
    if (value === null || value < 1) continue;
    // A number followed by a unit or a decimal is a quantity, not a marker: "1.2万吨", "3、5年".
    if (family === 'arabic' && /^\s*\d/.test(probe.slice(m[0].length))) continue;
    const rest = line.slice(m[0].length);
    return { family, value, raw: line.slice(0, m[0].length).trim(), rest: rest.replace(/^[\s\u3000]+/, '') };
  }
  return null;
}

/** A bare number that continues the arabic numbering: "6加快…" right after task 5. */
export function continuingMarker(line: string, lastArabic: number): Marker | null {
  const bare = matchMarker(line, true);
  return bare?.family === 'arabic' && lastArabic > 0 && bare.value === lastArabic + 1 ? bare : null;
}

/** How a marker of this family and value is printed, for messages: cn-paren 3 → "（三）". */
export function printMarker(family: MarkerFamily, value: number): string {
  const cn = toChinese(value);
  switch (family) {
    case 'pian': return `第${cn}篇`;
    case 'part': return `第${cn}部分`;
    case 'chapter': return `第${cn}章`;
    case 'jie': return `第${cn}节`;
    case 'article': return `第${cn}条`;
    case 'decimal-1': case 'decimal-2': case 'decimal-3': return String(value);
    case 'cn-enum': return `${cn}、`;
    case 'cn-paren': return `（${cn}）`;
    case 'arabic': return `${value}.`;
    case 'arabic-paren': return `（${value}）`;
    case 'arabic-half': return `${value}）`;
    case 'circled': return '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'[value - 1] ?? String(value);
  }
}

function toChinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n] ?? '';
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}
