/**
 * Matching the vocabulary's rules against one sentence. A rule finds a channel when one of its
 * patterns matches and none of its `unless` patterns does; its value is the rule's fixed number,
 * or numbers / addresses taken from the sentence (`valueFrom`). A rule's valueless find is dropped
 * when a rule it `yieldsTo` found something in the same sentence ("完善有奖举报机制" is a rewarded-
 * reporting channel, not also a generic reporting right).
 */
import type { ChannelKind } from '../types.ts';
import type { CompiledRule, Vocabulary } from './channels-vocabulary.ts';

export interface Find {
  rule: CompiledRule;
  kind: ChannelKind;
  label: string;
  value: string | null;
  /** The matched words, verbatim, in order of appearance. */
  terms: string[];
  /** Offsets of the first and last match in the sentence. */
  start: number;
  end: number;
}

export function matchSentence(sentence: string, vocabulary: Vocabulary): Find[] {
  const finds: Find[] = [];
  for (const rule of vocabulary.rules) {
    if (rule.unless.some((re) => re.test(sentence))) continue;
    const hits: { index: number; text: string }[] = [];
    for (const re of rule.patterns) {
      for (const m of sentence.matchAll(re)) if (m[0]) hits.push({ index: m.index, text: m[0] });
    }
    if (!hits.length) continue;
    hits.sort((a, b) => a.index - b.index);
    // Overlapping patterns find "向社会公开" inside "每季度向社会公开": keep the longer words only.
    const unique = [...new Set(hits.map((h) => h.text))];
    const terms = unique.filter((t) => !unique.some((u) => u !== t && u.includes(t)));
    const start = hits[0]!.index;
    const end = Math.max(...hits.map((h) => h.index + h.text.length));
    const values = rule.value !== null ? [rule.value] : rule.valueFrom ? valuesIn(sentence, rule.valueFrom) : [];
    for (const value of values.length ? values : [null]) {
      finds.push({ rule, kind: rule.kind, label: rule.label, value, terms, start, end });
    }
  }
  const found = new Set(finds.map((f) => f.rule.id));
  return finds.filter((f) => f.value !== null || !f.rule.yieldsTo.some((id) => found.has(id)));
}

// ---------------------------------------------------------------------------------------------
// Values taken from the sentence.

/**
 * Telephone numbers: with an area code ("0523-87654321", "0750 3501234"), a local number of 7–8
 * digits, or a 5-digit service number (12xxx, 96xxx). Not a year, an amount or a count: a number
 * followed by 年, %, 元, 万, 吨 … is not a phone number. The nationwide 12369 and 12345 have rules
 * of their own.
 */
const PHONE = /(?<![\d.\-])(0\d{2,3}[-－—‐ ]?\d{7,8}|[2-8]\d{6,7}|1[3-9]\d{9}|12\d{3}|96\d{3,4})(?![\d.]|\s*(?:年|%|％|元|万|亿|吨|个|户|人|米|公里|平方|立方|千|项|座|处|家|条))/g;
const NATIONWIDE = new Set(['12369', '12345']);

const URL_RE = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+=%]+/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A WeChat account named in quotes, after its kind or before it: 微信公众号“扬州生态环境”, “安澜生态环境”微信公众号. */
const WECHAT = /(?:微信公众号|公众号|微信号|小程序)[：:]?\s*[“"「『]([^”"」』]{2,20})[”"」』]|[“"「『]([^”"」』]{2,20})[”"」』]\s*(?:微信公众号|公众号|微信号|小程序)/g;

export function valuesIn(sentence: string, from: 'phone' | 'web'): string[] {
  const out: string[] = [];
  if (from === 'phone') {
    for (const m of sentence.matchAll(PHONE)) if (!NATIONWIDE.has(m[1]!)) out.push(m[1]!.replace(/[－—‐ ]/g, '-'));
  } else {
    for (const m of sentence.matchAll(URL_RE)) out.push(m[0].replace(/[.,;:)]+$/, ''));
    for (const m of sentence.matchAll(EMAIL)) out.push(m[0]);
    for (const m of sentence.matchAll(WECHAT)) out.push((m[1] ?? m[2])!);
  }
  return [...new Set(out)];
}
