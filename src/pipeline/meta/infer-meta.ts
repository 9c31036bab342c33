/**
 * Metadata the text states: title, issuer, date and document number from the masthead, kind and
 * period from the title, jurisdiction from the title or the issuer. What the text does not state
 * stays null. A sidecar or front matter, when present, wins field by field (see merge()).
 *
 *     "(江苏省)扬州市“十四五”生态环境保护规划" → 扬州市 (province 江苏省), 规划, 2021–2025
 *     "宁川市人民政府关于印发宁川市…实施方案的通知" → title 宁川市…实施方案, issuer 宁川市人民政府
 */
import type { Jurisdiction, MastheadLine, PlanMeta } from '../types.ts';

const KINDS = ['实施方案', '工作方案', '行动方案', '实施意见', '指导意见', '行动计划', '工作要点', '规划纲要', '规划', '意见', '方案', '计划', '决定', '办法', '通知'];
const FIVE_YEAR: Record<string, [number, number]> = {
  十一五: [2006, 2010], 十二五: [2011, 2015], 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030],
};
const PLACE = /^(.{2,12}?(?:自治州|地区|盟|市|区|县|旗))(?=[^市区县]|$)/;
const LEVELS = ['投资区', '开发区', '高新区', '新区', '自治州', '地区', '盟', '市', '区', '县', '旗'];

export interface TextHints { masthead: MastheadLine[]; fileNameTitle?: string }

export function inferMeta({ masthead, fileNameTitle }: TextHints): PlanMeta {
  const first = (role: MastheadLine['role']) => masthead.find((m) => m.role === role)?.text ?? null;
  let title = first('title') ?? fileNameTitle ?? null;
  let issuer = first('issuer');
  let province: string | undefined;
  if (title) {
    const label = /^[（(]([^）)]{2,8}?(?:省|自治区|市))[）)]/.exec(title);
    if (label) {
      province = label[1];
      title = title.slice(label[0].length);
    }
    title = title.replace(/[《》]/g, '').trim();
    const publish = /^(.{2,30}?)关于印发(.+?)的通知$/.exec(title);
    if (publish) {
      issuer ??= publish[1] ?? null;
      title = publish[2] ?? title;
    } else if (issuer && title.startsWith('关于')) {
      title = `${issuer}${title}`;
    }
  }
  return {
    title,
    jurisdiction: jurisdictionOf(title, issuer, province),
    issuer,
    issued: dateOf(first('date')),
    period: periodOf(title),
    kind: title ? KINDS.find((k) => title?.replace(/[（(][^）)]*[）)]$/, '').endsWith(k)) ?? null : null,
    docNumber: first('doc-number'),
  };
}

function jurisdictionOf(title: string | null, issuer: string | null, province?: string): Jurisdiction | null {
  const candidates = [issuer?.replace(/^中共/, '').split(/[\s　]/).at(-1), title?.replace(/^中共/, '')];
  for (const text of candidates) {
    const name = text ? (/^(.{2,10}?(?:投资区|开发区|高新区|新区))/.exec(text)?.[1] ?? PLACE.exec(text)?.[1]) : undefined;
    if (!name || /关于|印发/.test(name)) continue;
    const level = LEVELS.find((l) => name.endsWith(l));
    return { name, ...(province ? { province } : {}), ...(level ? { level } : {}) };
  }
  return null;
}

function dateOf(text: string | null): string | null {
  const m = text ? /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/.exec(text) : null;
  if (!m) return null;
  const pad = (s: string) => s.padStart(2, '0');
  return m[3] ? `${m[1]}-${pad(m[2] ?? '')}-${pad(m[3])}` : `${m[1]}-${pad(m[2] ?? '')}`;
}

function periodOf(title: string | null): PlanMeta['period'] {
  if (!title) return null;
  for (const [name, [from, to]] of Object.entries(FIVE_YEAR)) if (title.includes(name)) return { from, to };
  const range = /(20\d{2})\s*[-—–－~至]\s*(20\d{2})\s*年/.exec(title);
  return range ? { from: Number(range[1]), to: Number(range[2]) } : null;
}
