/**
 * Metadata the text states: title, issuer, date and document number from the cover notice, the
 * masthead or the closing signature; kind and period from the title; the place from the title or
 * the issuer. What the text does not state stays null.
 *
 *     notice "…办公室关于印发《普陀区海绵城市建设实施方案》的通知" → title 普陀区海绵城市建设实施方案
 *     "(江苏省)扬州市“十四五”生态环境保护规划" → 扬州市 (province 江苏省), 规划, 2021–2025
 *     "上海市普陀区人民政府办公室" → 普陀区 (province 上海市, level 区)
 */
import { NOTICE_TITLE, docNumberOf, isOrgLine, issuerOf, isoDate } from '../lines/official-lines.ts';
import type { NoticeInfo } from '../structure/notice.ts';
import type { MastheadLine, PlanMeta } from '../types.ts';
import { jurisdictionOf } from '../text/place-names.ts';
import { CANONICAL_KIND, DOCUMENT_KINDS } from '../lexicon.ts';

/** Genre words, longest first, so that 实施方案 wins over 方案 (the lexicon's). */
export const KINDS = DOCUMENT_KINDS;
const FIVE_YEAR: Record<string, [number, number]> = {
  十一五: [2006, 2010], 十二五: [2011, 2015], 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030],
};

export interface TextHints {
  masthead: MastheadLine[];
  fileNameTitle?: string;
  notice?: NoticeInfo;
  /** Lines of the closing signature (signing bodies, date). */
  signature?: string[];
  /** Fields of a catalogue page's field list (文件编号, 发布机构 …). */
  fields?: Record<string, string>;
  /** The bracketed note a regulation opens with: when it was adopted and approved. */
  opening?: string;
}

/**
 * A regulation's note: "（2021年11月5日江门市第十五届人民代表大会常务委员会第五十一次会议通过
 * 2021年12月1日广东省第十三届人民代表大会常务委员会第三十七次会议批准）": the approval date is the
 * date it was made, and the approving province is its province.
 */
const APPROVED = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:[^（）()]{0,6}?)([^\s（）()\d]{2,6}?(?:省|自治区))?第[^（）()]{1,40}?批准/;
/**
 * The body that passed it, from the same note: "…江门市第十五届人民代表大会常务委员会第五十一次会议
 * 通过" → 江门市人民代表大会常务委员会 (the term of office left out: the body stays the same).
 */
const PASSED_BY = /日\s*([^\s（）()\d]{2,10}?)第[一二三四五六七八九十百]+届(人民代表大会(?:常务委员会)?)第[一二三四五六七八九十百]+次(?:全体)?会议通过/;

export function inferMeta({ masthead, fileNameTitle, notice, signature = [], fields = {}, opening }: TextHints): PlanMeta {
  // A regulation's bracketed note under its title, read for its approval and the body that passed it.
  const note = opening && /^[（(].*[）)]$/.test(opening) ? opening : null;
  const approval = note ? APPROVED.exec(note) : null;
  const all = (role: MastheadLine['role']) => masthead.filter((m) => m.role === role).map((m) => m.text);
  const titleLines = dedupe(all('title'));
  let title = notice?.enclosed || titleOf(titleLines) || fileNameTitle || null;
  const passedBy = note ? PASSED_BY.exec(note) : null;
  let issuer = notice?.issuer ?? (all('issuer').length ? issuerOf(all('issuer')) : null) ?? (passedBy ? `${passedBy[1]}${passedBy[2]}` : null);
  let province: string | undefined = approval?.[2];
  if (title) {
    const label = /^[（(]([^）)]{2,8}?(?:省|自治区|市))[）)]/.exec(title);
    if (label) {
      province = label[1];
      title = title.slice(label[0].length);
    }
    title = title.replace(/[《》]/g, '').trim();
    const publish = NOTICE_TITLE.exec(title);
    if (publish?.groups) {
      issuer ??= publish.groups.issuer?.trim() || null;
      title = publish.groups.enclosed?.replace(/[《》]/g, '').trim() ?? title;
    } else if (issuer && title.startsWith('关于') && !notice) {
      title = `${issuer.replace(/\s+/g, ' ')}${title}`;
    }
  }
  const signers = signature.filter(isOrgLine);
  issuer ??= signers.length ? issuerOf(signers) : null;
  // "上海市人民政府办公厅关于科学绿化的实施意见": the issuer named before 关于.
  issuer ??= title ? (/^(.{4,40}?)关于/.exec(title)?.[1] ?? null) : null;
  if (issuer && !isOrgLine(issuer)) issuer = issuer.trim() || null;
  const dateLine = all('date')[0] ?? signature.find((l) => isoDate(l) !== null) ?? null;
  return {
    title,
    jurisdiction: jurisdictionOf(title, issuer, province),
    issuer,
    issued: notice?.issued ?? (dateLine ? isoDate(dateLine) : null) ?? (approval?.[1] ? isoDate(approval[1]) : null),
    period: periodOf(title),
    kind: kindOf(title),
    docNumber: notice?.docNumber ?? docNumberOf(all('doc-number')[0] ?? fields['文件编号'] ?? fields['发文字号'] ?? fields['文号']),
  };
}

/** The title's genre word, brackets at the end ignored: "…预案（2024版）" → 预案. */
export function kindOf(title: string | null): string | null {
  if (!title) return null;
  const bare = title.replace(/[”"》]+$/, '').replace(/[（(][^（）()]*[）)]$/, '').replace(/[”"》]+$/, '');
  const kind = KINDS.find((k) => bare.endsWith(k)) ?? null;
  return kind ? (CANONICAL_KIND[kind] ?? kind) : null;
}

/** The title: the first title line (a title printed twice, or a notice's, is the same title). */
function titleOf(lines: string[]): string | null {
  return lines[0] ?? null;
}

function dedupe(lines: string[]): string[] {
  return lines.filter((l, i) => lines.indexOf(l) === i);
}

function periodOf(title: string | null): PlanMeta['period'] {
  if (!title) return null;
  for (const [name, [from, to]] of Object.entries(FIVE_YEAR)) if (title.includes(name)) return { from, to };
  const range = /(20\d{2})\s*[-—–－~至]\s*(20\d{2})\s*年/.exec(title);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  // An annual programme: "静安区2025年生活垃圾分类工作实施方案".
  const year = /(20\d{2})\s*年(?:度)?[^底前末]{2,}(?:方案|计划|要点)/.exec(title);
  return year ? { from: Number(year[1]), to: Number(year[1]) } : null;
}
