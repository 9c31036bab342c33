/**
 * The place a plan applies to, from its title or its issuer, with its level and, where the name
 * states it, its province:
 *
 *     "上海市普陀区人民政府办公室"       → 普陀区, level 区, province 上海市
 *     "赵巷镇农村生活污水处理设施…"      → 赵巷镇, level 镇
 *     "丰县“十四五”生态环境保护规划"      → 丰县, level 县
 *     "湖北省美丽湖北建设规划纲要"        → 湖北省, level 省
 *     "桐城市“十四五”城镇污水处理…规划"   → 桐城市 (not "“十四五”城镇"), "荆州市中心城区…" → 荆州市
 *     "江门市扬尘污染防治条例"           → 江门市, level 市
 *     "XX投资区深入打好…"               → XX投资区, level 投资区
 *     "中国（上海）自由贸易试验区临港新片区管理委员会" → 临港新片区, level 新片区, province 上海市
 */
import type { Jurisdiction } from '../types.ts';

/** Municipalities directly under the central government are provinces of their own. */
const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];
const PROVINCE = /^(.{2,8}?(?:省|自治区))/;
const ZONE = /(.{2,10}?(?:投资区|开发区|高新区|新片区|新区))/;
/** A place name and its level word; counties may have one character ("丰县", "沛县", "叶县"). */
const PLACE = /^((?![全本各该我两每])[\u4e00-\u9fff]县(?!城)|.{2,12}?(?:自治州|地区|盟|市|区|县|旗|镇|乡|街道))(?=[^市区县镇乡]|乡镇|$)/;
const LEVELS = ['投资区', '开发区', '高新区', '新片区', '新区', '自治州', '地区', '盟', '街道', '市', '区', '县', '旗', '镇', '乡'];
const NOT_A_PLACE = /关于|印发|本市|全市|我市|各区|人民|办公|政府|保护区|园区|功能区|景区|水源|集中式|^乡镇|[和与及的局委办厅“”"《》（）()0-9]|十[一二三四五六]五|^(?:中心城区|主城区|老城区|城区|市区|郊区|建成区|重点乡镇|重点区域|乡镇|城镇|城乡|农村|县城|各县|各镇)$/;

export function jurisdictionOf(title: string | null, issuer: string | null, province?: string): Jurisdiction | null {
  const firstIssuer = issuer?.replace(/^中共/, '').split(/[\s\u3000]/)[0];
  for (const raw of [firstIssuer, title?.replace(/^中共/, '')]) {
    if (!raw) continue;
    let text = raw;
    let prov = province;
    const p = PROVINCE.exec(text);
    if (p?.[1]) {
      prov ??= p[1];
      text = text.slice(p[1].length);
    }
    const municipality = MUNICIPALITIES.find((m) => text.startsWith(m) || text.startsWith(`中国（${m.slice(0, 2)}）`));
    if (municipality) {
      prov ??= municipality;
      const inner = text.replace(/^中国（..）/, '').replace(municipality, '');
      const zone = ZONE.exec(inner)?.[1]?.replace(/^自由贸易试验区/, '');
      if (zone && !NOT_A_PLACE.test(zone)) return make([zone], prov);
      const chain = placeChain(inner);
      return make(chain.length ? chain : [municipality], prov);
    }
    const zone = /^(.{2,10}?(?:投资区|开发区|高新区|新片区|新区))/.exec(text)?.[1];
    const chain = zone ? [zone] : placeChain(text);
    // A province's own plan: "湖北省美丽湖北建设规划纲要（2024—2035年）".
    if (!chain.length && p?.[1]) return { name: p[1], level: p[1].endsWith('自治区') ? '自治区' : '省' };
    if (!chain.length) continue;
    return make(chain, prov);
  }
  return null;
}

/** How deep a level word sits: a city holds districts and counties, which hold towns. */
const depth = (name: string) => (/(?:自治州|地区|盟)$/.test(name) ? 1 : /(?:镇|乡|街道)$/.test(name) ? 3 : /(?:区|县|旗)$/.test(name) ? 2 : 1);

/**
 * Nested places at the start of a name, outermost first: "宝山区友谊路街道工作委员会" → 宝山区,
 * 友谊路街道. Each is at the level of the one before or below it, so "普陀区海绵城市…" stops at
 * 普陀区: a 市 does not sit in a district.
 */
function placeChain(text: string): string[] {
  const chain: string[] = [];
  let rest = text;
  for (let m = PLACE.exec(rest); m?.[1] && !NOT_A_PLACE.test(m[1]); m = PLACE.exec(rest)) {
    const last = chain.at(-1);
    if (last && depth(m[1]) < depth(last)) break;
    chain.push(m[1]);
    rest = rest.slice(m[1].length);
  }
  return chain;
}

/** The innermost place, with the one above it as its city or county. */
function make(chain: string[], province?: string): Jurisdiction {
  const name = chain.at(-1) as string;
  const parent = chain.at(-2);
  const level = LEVELS.find((l) => name.endsWith(l));
  const parentKey = parent?.endsWith('市') ? 'city' : 'county';
  return { name, ...(province ? { province } : {}), ...(parent ? { [parentKey]: parent } : {}), ...(level ? { level } : {}) };
}

/**
 * The province of a district, town or subdistrict whose name does not say it, from the text:
 * a Shanghai district's plan names 上海市 again and again ("《上海市生活垃圾管理条例》", "本市")
 * and no province. Only a municipality named at least twice, with no other province-level name
 * in the text, counts.
 */
export function provinceFromText(text: string): string | undefined {
  const named = MUNICIPALITIES.map((m) => [m, text.split(m).length - 1] as const).filter(([, n]) => n >= 2);
  if (named.length !== 1) return undefined;
  if (/[\u4e00-\u9fff]{2,3}(?:省|自治区)/.test(text.replace(/省级|省市|本省|全省|省委|省政府/g, ''))) return undefined;
  return named[0]?.[0];
}

/**
 * A jurisdiction as a place path, outermost first: 上海市 › 青浦区 › 赵巷镇. A 直辖市 is its own
 * province and city ("上海市" as province and as name is one place). The place pages, the goals'
 * place keys ("上海市/普陀区") and the updates all use this path.
 */
export function placePath(j: Jurisdiction | null | undefined): string[] {
  if (!j) return [];
  const names = [j.province, j.city, j.county, j.name].filter((n): n is string => Boolean(n));
  return names.filter((n, i) => n !== names[i - 1]);
}

/**
 * Place paths in reading order, outermost name first, each name by its pinyin collation; a path
 * before the paths below it ("上海市" before "上海市 › 宝山区"). Compared name by name, not as one
 * joined string: a separator such as U+0000 is ignored by the collator, so "上海 › 市北" and
 * "上海市 › 北" would compare equal.
 */
export function comparePlacePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = a[i]!.localeCompare(b[i]!, 'zh-CN');
    if (c) return c;
  }
  return a.length - b.length;
}
