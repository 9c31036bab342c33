/**
 * Numbers, units and comparators as plans print them (issue 7).
 *
 *     "浓度低于19.2μg/m³"        → 19.2 μg/m³, "<"   (before-word 低于)
 *     "达到95%以上" "≥73％"       → 95 %, ">="       (after-word 以上, symbol ≥)
 *     "40微克/立方米以下"          → 40 μg/m³, "<="
 *     "85%左右" "约30公里"         → "~"
 *     "900余条"                   → 900 条, ">="
 *     "1至2个静脉产业园"           → 1 个, ">=" (a range keeps its lower bound)
 *     "提高到三年一遇" "每季度…公开一次" → Chinese numerals only before 年一遇, and 一次 after 每…
 *
 * Only what reads a quantity lives here; whether the quantity is a goal is decided in
 * goals-sentences.ts. Offsets are offsets in the text as given (full-width digits are read in place).
 */
import { chineseNumber, halfWidth } from '../text/cjk.ts';
import type { Comparator } from '../types.ts';
import { COMPARATOR_AFTER, COMPARATOR_SYMBOL, changeOf, comparatorOfWord } from '../lexicon.ts';

export interface Quantity {
  value: number;
  /** Normalised unit: "%", "μg/m³", "平方公里", "个" … */
  unit: string;
  /** Offset of the first character of the number (or of a symbol such as ≥ right before it). */
  start: number;
  /** Offset just after the unit and any after-word (以上, 以下, 左右, 以内). */
  end: number;
  /** Offset just after the number (before the unit). */
  numberEnd: number;
  /** The comparator the number's own words give (symbol or after-word); null when they give none. */
  comparator: Comparator | null;
  /** The after-word as printed: 以上, 及以上, 以下, 以内, 左右, 余 … */
  after: string | null;
  /** The number was a range (1至2个, 3—5年一遇); value is its lower bound. */
  range: boolean;
  /** A range's upper bound. */
  upper?: number;
  /** Kind of unit: what it measures, used to tell goals from rules. */
  kind: UnitKind;
}

export type UnitKind = 'share' | 'concentration' | 'count' | 'length' | 'area' | 'mass' | 'volume' | 'flow'
  | 'energy' | 'days' | 'duration' | 'frequency' | 'standard' | 'class' | 'ratio' | 'mass-per-area';

/**
 * Units, longest spelling first. [pattern, normalised unit, kind]. Chinese and Latin spellings of
 * the same unit normalise to one form so that two plans compare: "ugm3", "μg/m3", "微克/立方米" →
 * "μg/m³"; "％" → "%"; "km" → "公里"; "m3/d" → "立方米/日".
 */
const UNITS: [string, string, UnitKind][] = [
  ['微克\\s*/\\s*立方米|微克每立方米|[μµu]g\\s*/?\\s*m[3³]', 'μg/m³', 'concentration'],
  ['毫克\\s*/\\s*立方米|mg\\s*/\\s*m[3³]', 'mg/m³', 'concentration'],
  ['毫克\\s*/\\s*升|mg\\s*/\\s*[lL]', 'mg/L', 'concentration'],
  ['个百分点', '个百分点', 'share'],
  ['[%％]', '%', 'share'],
  ['‰', '‰', 'share'],
  ['万吨\\s*/\\s*年|万t\\s*/\\s*a', '万吨/年', 'flow'],
  // Intensities and rates: "4吨/万千瓦时", "0.35吨标准煤/万元", "370立方米/秒".
  ['吨\\s*/\\s*万千瓦时|t\\s*/\\s*万kWh', '吨/万千瓦时', 'energy'],
  ['吨标准煤\\s*/\\s*万元|吨标煤\\s*/\\s*万元', '吨标准煤/万元', 'energy'],
  ['立方米\\s*/\\s*秒|m[3³]\\s*/\\s*s(?![a-z])', '立方米/秒', 'flow'],
  // A network's density: "路网密度达4.15公里/平方公里", "6.2千米/平方千米", "9.21km/km2"; a
  // service's intensity: "公交客流强度达到128人次/百公里".
  ['(?:公里|千米|km)\\s*/\\s*(?:平方公里|平方千米|km2|km²)', '公里/平方公里', 'ratio'],
  ['人次\\s*/\\s*百公里', '人次/百公里', 'ratio'],
  // A density: "1个/5公里", "1个/5平方公里" (one per so much length or area).
  ['个\\s*/\\s*\\d*(?:\\.\\d+)?\\s*平方公里', '', 'count'],
  ['个\\s*/\\s*\\d*(?:\\.\\d+)?\\s*公里', '', 'count'],
  ['吨\\s*/\\s*(?:月\\s*[·.・]\\s*平方公里|平方公里\\s*[·.・]\\s*月|\\(平方公里\\s*[·.・]\\s*月\\))', '吨/(平方公里·月)', 'mass-per-area'],
  ['吨\\s*/\\s*年|t\\s*/\\s*a(?![a-z])', '吨/年', 'flow'],
  ['万吨\\s*/\\s*[天日]', '万吨/日', 'flow'],
  ['吨\\s*/\\s*[天日]', '吨/日', 'flow'],
  ['万立方米\\s*/\\s*[天日]|万m[3³]\\s*/\\s*[dD天日]', '万立方米/日', 'flow'],
  ['立方米\\s*/\\s*[天日]|m[3³]\\s*/\\s*[dD天日]', '立方米/日', 'flow'],
  ['蒸吨\\s*/\\s*小?时', '蒸吨/时', 'flow'],
  ['万吨标准煤|万吨标煤', '万吨标准煤', 'energy'],
  ['千克标准煤\\s*/\\s*吨|千克标煤\\s*/\\s*吨|kgce\\s*/\\s*t', '千克标准煤/吨', 'energy'],
  ['千克标准煤|千克标煤|kgce', '千克标准煤', 'energy'],
  ['吨标准煤|吨标煤', '吨标准煤', 'energy'],
  ['万千瓦', '万千瓦', 'energy'],
  ['千瓦', '千瓦', 'energy'],
  ['兆瓦|MW', '兆瓦', 'energy'],
  ['亿吨', '亿吨', 'mass'],
  ['万吨', '万吨', 'mass'],
  ['吨', '吨', 'mass'],
  ['平方公里|平方千米|km2|km²|KM2', '平方公里', 'area'],
  // 平米 is how many texts write 平方米: "新增浅层地热利用面积500万平米以上".
  ['亿平方米', '亿平方米', 'area'],
  ['万平方米|万平米|万m2|万m²|万㎡', '万平方米', 'area'],
  ['平方米|平米|m2(?![0-9])|m²|㎡', '平方米', 'area'],
  ['万公顷', '万公顷', 'area'],
  ['公顷', '公顷', 'area'],
  ['万亩', '万亩', 'area'],
  ['亩', '亩', 'area'],
  ['亿立方米|亿m[3³]', '亿立方米', 'volume'],
  ['万立方米|万m[3³]', '万立方米', 'volume'],
  ['立方米|m[3³](?![0-9])', '立方米', 'volume'],
  ['万公里', '万公里', 'length'],
  ['公里|千米|km(?![0-9²])|KM(?![0-9²])', '公里', 'length'],
  ['年一遇', '年一遇', 'standard'],
  ['米(?!粒)|m(?![a-zA-Z0-9²³/])', '米', 'length'],
  ['千克|公斤', '千克', 'mass'],
  ['克', '克', 'mass'],
  ['个工作日|工作日', '个工作日', 'duration'],
  ['个月', '个月', 'duration'],
  ['小时', '小时', 'duration'],
  ['分钟', '分钟', 'duration'],
  ['天', '天', 'days'],
  ['倍', '倍', 'ratio'],
  ['类', '类', 'class'],
  ['条段', '条段', 'count'],
  ['万人次|万户|万人|万辆|万株|万棵|万套|万台|万个', '', 'count'],
  // 口 wells ("建设15-20口应急供水深井"), 根 piles and poles ("新增200根充电桩"), 栋/幢 buildings, 盏 lamps, 段 stretches.
  ['人次|户|人|名|家|个|座|处|条|项|种|轮|场|辆|台|套|所|支|株|棵|只|艘|眼|次|口|根|栋|幢|盏|段', '', 'count'],
];

const UNIT_RE = new RegExp(`^\\s*(?:${UNITS.map(([p]) => `(${p})`).join('|')})`);

/** Normalise a unit as printed (also a unit written by an annotator) to the catalogue's form. */
export function normaliseUnit(unit: string | null | undefined): string {
  if (!unit) return '';
  const m = UNIT_RE.exec(unit.trim());
  if (!m || m[0].trim().length !== unit.trim().length) return unit.trim();
  return unitAt(m).unit;
}

function unitAt(m: RegExpExecArray): { unit: string; kind: UnitKind } {
  for (let i = 0; i < UNITS.length; i++) {
    const hit = m[i + 1];
    if (hit !== undefined) {
      const [, to, kind] = UNITS[i]!;
      return { unit: to || hit, kind };
    }
  }
  return { unit: m[0].trim(), kind: 'count' };
}

/** Full-width digits and marks read as their ASCII forms, one character for one, offsets kept. */
export function asciiDigits(text: string): string {
  return halfWidth(text, /[０-９．％＋＜＞]/g);
}

// A number not glued to Latin letters or to another number: "PM2.5", "O3", "GB5749-2006", "5G"
// are names, not quantities. "余/多" right after the number mean "more than".
const NUMBER = /(?<![A-Za-z0-9.\-/_])(\d+(?:\.\d+)?)(?:\s*[—–\-~～至到]\s*(\d+(?:\.\d+)?))?(余|多)?/g;
// Chinese numerals: "提高到三年一遇" and "每季度向社会公开一次" only; elsewhere they are slogans
// ("五个一", "三个梯队") or counts of things in a list.
const CN_NUMBER = /([一二两三四五六七八九十百]+)(?=年一遇)|(?<=每[年季月周日]度?[^，。；,;]{0,12})(一)(?=次(?!性))/g;

const AFTER = new RegExp(`^(?:${Object.keys(COMPARATOR_AFTER).sort((a, b) => b.length - a.length).join('|')})`);
const SYMBOL_BEFORE = COMPARATOR_SYMBOL;
const AFTER_COMPARATOR = COMPARATOR_AFTER;

/** Every number-with-unit in the text, in order. Numbers followed by 年/月/日 (dates) are skipped. */
export function readQuantities(text: string): Quantity[] {
  const t = asciiDigits(text);
  const out: Quantity[] = [];
  for (const m of t.matchAll(NUMBER)) {
    const numberEnd = m.index + m[0].length;
    const rest = t.slice(numberEnd);
    if (/[第〔［\[]$/.test(t.slice(0, m.index))) continue; // 第3条, 〔2018〕
    if (/^\s*(?:年(?!一遇)|月|日(?![\d])|号|时(?!\s)|期|版|届|级|章|条(?=[第（(]|规定)|款|:|：\d)/.test(rest) && !/^\s*年一遇/.test(rest)) continue;
    if (/^[.．]\d/.test(rest) || /^\s*[+＋]/.test(rest)) continue; // "1.2.3" section numbers, "5厂＋15站"
    let u = UNIT_RE.exec(rest);
    let shared = false;
    // "分别控制在38、35微克/立方米": a bare number before 、 shares the unit of the number after it;
    // not a list's number, "1、90%以上的行政村…" at the start of a line or sentence.
    if (!u || !u[0].trim()) {
      if (!/[\u4e00-\u9fff]\s*$/.test(t.slice(0, m.index))) continue;
      const next = /^\s*[、和]\s*\d+(?:\.\d+)?/.exec(rest);
      const nextUnit = next ? UNIT_RE.exec(rest.slice(next[0].length)) : null;
      if (!next || !nextUnit || !nextUnit[0].trim()) continue;
      u = nextUnit;
      shared = true;
    }
    const { unit, kind } = unitAt(u);
    let end = numberEnd + (shared ? 0 : u[0].length);
    const afterMatch = AFTER.exec(t.slice(end));
    let after: string | null = m[3] ?? null;
    let comparator: Comparator | null = m[3] ? '>=' : null;
    if (afterMatch) {
      after = afterMatch[0];
      comparator = AFTER_COMPARATOR[after] ?? comparator;
      end += after.length;
    } else {
      // "提高到一年一遇标准以上": the after-word follows the standard's name.
      const late = /^(?:标准|水平)(及以上|以上|及以下|以下)/.exec(t.slice(end));
      if (late) comparator = AFTER_COMPARATOR[late[1]!] ?? comparator;
    }
    let start = m.index;
    const before = t[start - 1];
    if (before && SYMBOL_BEFORE[before]) {
      comparator = SYMBOL_BEFORE[before]!;
      start--;
    }
    const range = m[2] !== undefined;
    if (range && !comparator) comparator = '>=';
    out.push({ value: Number(m[1]), ...(range ? { upper: Number(m[2]) } : {}), unit, start, end, numberEnd: m.index + m[1]!.length, comparator, after, range, kind });
  }
  for (const m of t.matchAll(CN_NUMBER)) {
    const digits = m[1] ?? m[2]!;
    const value = chineseNumber(digits);
    if (value === null) continue;
    const numberEnd = m.index + digits.length;
    const unit = m[1] ? '年一遇' : '次';
    let end = numberEnd + (m[1] ? 3 : 1);
    const own = AFTER.exec(t.slice(end));
    const late = own ? null : /^(?:标准|水平)(及以上|以上|及以下|以下)/.exec(t.slice(end)); // "一年一遇标准以上"
    const after = own?.[0] ?? late?.[1] ?? null;
    if (own) end += own[0].length;
    out.push({
      value, unit, start: m.index, end, numberEnd, comparator: after ? AFTER_COMPARATOR[after] ?? null : null,
      after, range: false, kind: m[1] ? 'standard' : 'frequency',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A bare value in a table cell: "≥73％", "93左右", "增加20", "128.92\n平方公里", "35-36" (≥35), "—" (none). */
export function readCell(cell: string, defaultUnit: string | null): { value: number; unit: string; comparator: Comparator; change: 'increase' | 'decrease' | null } | null {
  // "〔18〕": a five-year cumulative figure, printed in square brackets; "(除危废外)": a note.
  const t = asciiDigits(cell).replace(/\s+/g, '').replace(/^[〔［\[](.+)[〕］\]]$/, '$1').replace(/（[^）]*）|\([^)]*\)/g, '');
  // "35-36", "0.3～0.4万千瓦": a range in a target cell keeps its lower bound, as in a sentence
  // ("1至2个" → ≥1). Two years ("2024-2026") are a period, not a value.
  const range = /^(\d+(?:\.\d+)?)\s*[-~～—–]\s*(\d+(?:\.\d+)?)(.*)$/.exec(t);
  if (range && Number(range[2]) > Number(range[1]) && !(/^(?:19|20)\d{2}$/.test(range[1]!) && /^(?:19|20)\d{2}$/.test(range[2]!))) {
    const lower = readCell(`${range[1]}${range[3]}`, defaultUnit);
    return lower && lower.comparator === '=' ? { ...lower, comparator: '>=' } : lower;
  }
  const m = /^(≥|≤|>|<|⩾|⩽|不[应得宜]?(?:低于|少于|高于|超过)|低于|高于|优于|约|增加|新增|提高|减少|下降|降低)?(\d+(?:\.\d+)?)(.*)$/.exec(t);
  if (!m) return null;
  const [, pre = '', num, restRaw = ''] = m;
  let rest = restRaw;
  let unit = defaultUnit ?? '';
  const u = UNIT_RE.exec(rest);
  if (u && u[0]) {
    unit = unitAt(u).unit;
    rest = rest.slice(u[0].length);
  }
  if (rest && !AFTER.test(rest) && !/^[以及左右上下内]*$/.test(rest)) return null; // "2.5万吨/年（含…）" kept, "3至5年" not a value
  const after = AFTER.exec(rest)?.[0];
  const comparator: Comparator = (after && AFTER_COMPARATOR[after]) || COMPARATOR_SYMBOL[pre] || comparatorOfWord(pre) || '=';
  const change = pre === '新增' ? null : changeOf(pre);
  return { value: Number(num), unit, comparator, change };
}
