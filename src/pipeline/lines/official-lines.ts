/**
 * Recognisers for the lines of the official-document form (GB/T 9704) that are not headings:
 * the notice that publishes a plan, addressees, signatures, dates and document numbers. Shared by
 * the notice, the masthead and the closing signature.
 */
import { escapeRegExp } from '../text/escape-regexp.ts';

/**
 * "上海市普陀区人民政府办公室关于印发《普陀区海绵城市建设实施方案》的通知",
 * "关于印发《上海市零碳园区建设工作方案》的通知",
 * "上海市人民政府办公厅印发《关于加快推进环城生态公园带规划建设的实施意见》的通知",
 * "××市人民政府转发省生态环境厅关于……的通知" → issuer, verb, enclosed title.
 */
export const NOTICE_TITLE = /^(?<issuer>.{0,90}?)(?:关于)?(?<verb>印发|转发|颁发|下发|公布)(?<enclosed>.{4,120}?)的通知$/;

/** "2025年1月3日", "（2018年11月5日）", "二○二一年五月二十日" (full-width digits are made half-width first: character-forms.ts). */
export const DATE_LINE = /^[（(]?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日[）)]?$/;

/** "沪府办发〔2024〕3号", "普府办〔2025〕1号", "沪建综规〔2024〕61 号" (brackets of any kind), "许政〔2022〕第8号". */
export const DOC_NUMBER = /^[^\s，。]{1,14}[〔［[（(]\s*\d{4}\s*[〕］\])）]\s*第?\s*\d+\s*号$/;

/** A document number as data, without the spaces it was printed with: "沪建综规〔2024〕61 号" → "沪建综规〔2024〕61号". */
export const docNumberOf = (line: string | undefined): string | null => (line ? line.replace(/\s+/g, '') : null);

/** "区政府各有关单位：", "各区人民政府，市政府各委、办、局：", "局属各单位、机关各科室：", "各居委：" */
export const ADDRESSEE = /^(?:各|有关|区政府|市政府|县政府|局属|委属|全市|全区|全县|本市|中共|[^\s。；]{0,6}各).{0,150}[：:]$/;

/** The formula by which a notice hands on the plan: "现印发给你们", "现予印发", "请认真贯彻执行", "特此通知". */
export const PUBLISH_FORMULA = /印发给你们|现予印发|现将.{0,80}印发|现印发|印发你们|请认真.{0,12}执行|请遵照执行|遵照执行|特此通知|请结合实际|认真贯彻落实|转发给你们/;

/** "（此件公开发布）", "（此件主动公开）", "（联系人：李 阳；联系电话：23113147）" */
export const SIGNATURE_NOTE = /^[（(](?:此件|本件|联系人|联系电话).{0,60}[）)]$/;

/** Endings of the names of bodies that sign a document. */
// Ministries and national bodies end in 部 (生态环境部, 公安部), 院 (国务院) or 总局, and often sign a
// notice one per line above the date: each line must read as a body, or the lead issuer is lost.
const ORG_END = /(?:人民政府|政府|办公室|办公厅|委员会|管委会|工作委员会|党工委|常务委员会|人大常委会|街道办事处|办事处|[^\s]{1,12}(?:局|委|厅|办|署|中心|公司|集团|部|院|总局|总署))$/;

/**
 * A line that names signing bodies: "上海市普陀区人民政府办公室", "中共许昌市委 许昌市人民政府",
 * "上海市宝山区生态环境局   上海市宝山区绿化和市容管理局", "黄浦区发展和改革委员会黄浦区建设和管理委员会".
 */
export function isOrgLine(text: string): boolean {
  if (text.length > 70 || /[。，,；;：:！？]/.test(text) || /^附/.test(text)) return false;
  const parts = text.split(/[\s\u3000]+/).filter(Boolean);
  return parts.every((p) => ORG_END.test(p) || /^中共.{1,16}委(?:员会)?$/.test(p));
}

/**
 * Signing bodies as one string, each body once, separated by a space. Bodies printed two to a
 * line with nothing between them are parted where the next one names the same place again:
 * "黄浦区发展和改革委员会黄浦区建设和管理委员会" → 黄浦区发展和改革委员会 黄浦区建设和管理委员会.
 */
export function issuerOf(lines: string[]): string {
  return lines.flatMap((l) => l.split(/[\s\u3000]+/).filter(Boolean)).flatMap(partGlued).join(' ');
}

function partGlued(body: string): string[] {
  const place = /^(?:中共)?(.{2,6}?[省市区县镇])/.exec(body)?.[1];
  if (!place) return [body];
  const glued = new RegExp(`(?<=(?:委员会|政府|办公室|办公厅|局|委|办|中心))(?=(?:中共)?${escapeRegExp(place)})`, 'g');
  return body.split(glued).filter(Boolean);
}

/** "2025年1月3日" → "2025-01-03"; Chinese-numeral dates too ("二○二一年五月二十日"). */
export function isoDate(text: string): string | null {
  const m = /([\d〇○零一二三四五六七八九]{4})\s*年\s*([\d〇○零一二三四五六七八九十]{1,3})\s*月(?:\s*([\d〇○零一二三四五六七八九十]{1,3})\s*日)?/.exec(text);
  if (!m) return null;
  const year = digits(m[1] ?? '');
  const month = number(m[2] ?? '');
  const day = m[3] ? number(m[3]) : null;
  if (!year || !month || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
}

const CN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** "二○二一" → "2021", "2025" → "2025" */
function digits(text: string): string {
  return [...text].map((c) => (/\d/.test(c) ? c : String(CN_DIGIT[c] ?? ''))).join('');
}

/** "12", "十二", "二十八", "三十一" → numbers */
function number(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text.includes('十')) return Number(digits(text));
  const [tens, ones] = text.split('十');
  return (tens ? (CN_DIGIT[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? 0) : 0);
}
