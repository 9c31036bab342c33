/**
 * Aligning a short row to its columns. A flattened table loses the empty cells: a merged category
 * cell is printed once for its whole group (corpus 16: "2 / 真如泵闸建设工程 / 拆除重建真如泵闸 / 完成建设"
 * under 序号 / 项目类型 / 项目名称 / 具体内容 / 目标), and empty columns are not printed at all (corpus
 * 04: 扣分, 备注). The row's cells keep their order; each goes under the column whose cells, in the
 * rows read so far, are of the same kind (a number, a year, 约束性/预期性, a short name, long text).
 * Ties put the gap first, where merged category cells stand.
 */

export type CellClass = 'num' | 'year' | 'attr' | 'blank' | 'short' | 'long';

/** "46％", "≥73％", "1.26", "11.5", "6.3m3" → num; "2018年" → year; "—", "/" → blank. */
export function classOf(text: string): CellClass {
  const t = text.trim();
  if (!t || /^[-—–/／、]+$/.test(t)) return 'blank';
  if (/^(?:19|20)\d{2}\s*年?(?:底|末)?$/.test(t)) return 'year';
  // "2018—2020年": a span of years stands where a year does.
  if (/^(?:19|20)\d{2}\s*年?\s*[—–\-~～至]\s*(?:19|20)\d{2}\s*年?$/.test(t)) return 'year';
  if (/^(?:约束性|预期性|指导性)$/.test(t)) return 'attr';
  if (/^[（(]?[≥≤<>＜＞~～约+＋增加减少]*\s*[-−﹣]?\d+(?:\.\d+)?\s*(?:%|％|‰|[a-zA-Z³²]{0,3}\d?)?[）)]?\d?$/.test(t)) return 'num';
  // A quantity with its unit: "24.3万户/682个", "634吨/日", "4个街道".
  if (/^[约≥≤<>]?\d[\d.,]*\s*(?:万|亿)?[\u4e00-\u9fff/]{1,6}$/.test(t) && t.length <= 14) return 'num';
  return t.length <= 10 ? 'short' : 'long';
}

/** What a column's header says its cells are: 序号 numbers, 分值/目标值 numbers, 属性 attributes, 节点 years. */
function headerPrior(header: string): CellClass | null {
  if (/^(?:序号|编号)$/.test(header)) return 'num';
  if (/属性$/.test(header)) return 'attr';
  if (/^(?:节点|时间节点|年份|年度)$/.test(header)) return 'year';
  if (/(?:分值|扣分|得分|数量|系数|目标值|基准值|现状值|基期值|\d{4}年)/.test(header)) return 'num';
  return null;
}

const isText = (c: CellClass) => c === 'short' || c === 'long';

/** The level word a place name ends in: 区, 县, 市 (districts) or 镇, 乡, 街道, 工业区 (towns). */
const PLACE_LEVEL = /(?:新片区|新区|工业区|开发区|街道|区|县|市|镇|乡)$/;
const TOWN = /^(?:街道|镇|乡|工业区)$/;
const sameLevel = (a: string, b: string) => TOWN.test(a) === TOWN.test(b);

/**
 * Put `cells` (fewer than k) under k columns, in order. Each column's kinds and typical length
 * are learned from `rows` read so far, with the header's word as a prior; text goes where text of
 * a like length stood. With no evidence either way the row fills from the left.
 */
export function alignRow(cells: string[], k: number, rows: string[][], header: string[] = []): string[] {
  if (cells.length > k) return mergeSurplus(cells, k);
  if (cells.length === k) return cells;
  const examples = Array.from({ length: k }, (_, j) => rows.map((r) => r[j] ?? '').filter((c) => c !== ''));
  const score = (cell: string, j: number): number => {
    const c = classOf(cell);
    const prior = headerPrior(header[j] ?? '');
    let s = prior && (prior === c || (prior === 'num' && /^[一二三四五六七八九十]+$/.test(cell))) ? 0.5 : 0;
    const seen = examples[j] ?? [];
    if (seen.length) {
      const same = seen.filter((x) => classOf(x) === c || (isText(classOf(x)) && isText(c)));
      let fit = same.length / seen.length;
      if (isText(c) && same.length) {
        const mean = same.reduce((a, x) => a + x.length, 0) / same.length;
        fit *= Math.max(0, 1 - Math.abs(Math.log(cell.length / Math.max(1, mean))) / 3);
        // Places go under places of their level: "半淞园街道" under the 街道 column, not under the
        // districts whose merged cell the row lacks (corpus n14: 区 | 街道（镇、乡） | 规模).
        const level = PLACE_LEVEL.exec(cell.trim())?.[0];
        const levels = same.map((x) => PLACE_LEVEL.exec(x.trim())?.[0]).filter(Boolean);
        if (level && levels.length * 2 >= same.length) fit *= 0.2 + 0.8 * (levels.filter((l) => sameLevel(l!, level)).length / levels.length);
      }
      // A column often left empty holds merged cells (a category printed once for its group): a
      // short row is more likely to be missing that column than a column always filled.
      s += fit * (0.5 + 0.5 * (seen.length / Math.max(1, rows.length)));
    }
    return s - j * 1e-6;
  };
  // best[i][j]: best score with the first i cells placed among the first j columns.
  const m = cells.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => Array<number>(k + 1).fill(-Infinity));
  const took: boolean[][] = Array.from({ length: m + 1 }, () => Array<boolean>(k + 1).fill(false));
  for (let j = 0; j <= k; j++) (best[0] as number[])[j] = 0;
  for (let i = 1; i <= m; i++) {
    for (let j = i; j <= k; j++) {
      const skip = best[i]?.[j - 1] ?? -Infinity;
      const take = (best[i - 1]?.[j - 1] ?? -Infinity) + score(cells[i - 1] ?? '', j - 1);
      (best[i] as number[])[j] = Math.max(skip, take);
      (took[i] as boolean[])[j] = take > skip;
    }
  }
  const out = Array<string>(k).fill('');
  for (let i = m, j = k; i > 0 && j > 0; j--) {
    if (took[i]?.[j]) {
      out[j - 1] = cells[i - 1] ?? '';
      i--;
    }
  }
  return out;
}

/**
 * A row with more cells than columns has a cell broken over two lines (a PDF's text:
 * "核心区域、重要区域和重要单体建（构）筑物的景观照明集中控" / "制纳控率", corpus 11 wrapped). Nothing
 * is dropped: two neighbouring text cells are joined again, the longer first, until the row fits;
 * with no text pair left, the last cells are joined with a space.
 */
export function mergeSurplus(cells: string[], k: number): string[] {
  const out = [...cells];
  while (out.length > k && k > 0) {
    let at = -1;
    let best = -1;
    for (let i = 0; i + 1 < out.length; i++) {
      const [a, b] = [out[i] ?? '', out[i + 1] ?? ''];
      if (!isText(classOf(a)) || !isText(classOf(b))) continue;
      const score = a.length;
      if (score > best) [at, best] = [i, score];
    }
    if (at < 0) {
      const tail = out.splice(k - 1);
      out.push(tail.join(' '));
      break;
    }
    out.splice(at, 2, `${out[at] ?? ''}${out[at + 1] ?? ''}`);
  }
  return out;
}
