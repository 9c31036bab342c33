/**
 * Naming what a number in running text commits to (issue 7): the indicator as the text names it,
 * and the area it applies to.
 *
 *     "到2025年，辖区空气质量优良天数比率优于97.8%"  → 空气质量优良天数比率, scope 辖区
 *     "新增各类公园300座以上"                         → 新增各类公园
 *     "建设30公里以上环公园绿道"                       → 建设环公园绿道
 *     "本区建成区40%以上面积达到海绵城市建设目标要求"   → 面积达到海绵城市建设目标要求, scope 本区建成区
 *     "化肥、农药使用量"  (各减少10%)                  → 化肥使用量, 农药使用量
 *     "禹州市、长葛市建成区集中供热普及率"             → 集中供热普及率 at 禹州市建成区, 长葛市建成区
 *
 * The words before the number are the subject when they name a measure ("…覆盖率达到45%"); when the
 * number counts things to build, the verb and the thing after the number are ("建设…绿道").
 */
import { SCOPE_WORDS, WHOLE_PLACE } from '../lexicon.ts';

/** Names that end like a measure: "…率", "…比例", "…浓度", "…面积". */
export const INDICATOR_END = /(?:率|比例|比重|占比|浓度|面积|数量|天数|总量|总数|长度|能力|规模|指数|强度|水平|量|数|值)$/;
/** A place named before a measure: "禹州市", "崇明岛", "友谊路街道". */
export const PLACE = /^(?:[\u4e00-\u9fff]{2,6}?(?:市|县|区|镇|乡|街道|岛))$/;
export { SCOPE_WORDS } from '../lexicon.ts';

// Connectives and adverbs that open a clause but are not part of a name: "并", "力争", "三是".
const LEAD_FILLER = /^(?:[—\-–、，,；;：:]+|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.、．](?!\d)|并|且|同时|另外|此外|其中|力争|争取|确保|保证|保障|实现|推动|促进|使|让|全面|进一步|逐步|持续|努力|要|将|计划|预计|着力|加快|切实|稳步|整体|总体|累计|共计|总计|共|\s)+/;
// Verbs that make a count a count of things built or done: their object is the indicator.
const MAKE = /新增|新建|优化调整|优化提升|增设|建成|建设|完成|整治|治理|改造|修复|打造|形成|创建|培育|布局|开展|实施|组织|种植|造林|抚育|疏浚|新开|贯通|打通|淘汰|关停|扩容|配备|设置|提标/;
// Comparator verbs: they link a measure to its value and are not part of its name.
const LINK = /^(?:达到|达|为|保持|保持在|稳定在|维持|维持在|实现|确保|不低于|不少于|不小于|不超过|不高于|不大于|至少|低于|小于|优于|高于|超过|大于|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增至|降至|降低到|降低至|超)$/;
// A verb that ends the words before a comparator: "每年组织（至少1轮…）".
const DOING = /(?:组织|开展|建设|新建|新增|建成|完成|打造|设置|安排|配备|实施|推进|举办|培训)$/;
const HEAD = /(?:排放总量|消费总量|使用总量|使用量|排放量|综合利用率|利用率|处理率|覆盖率|达标率|普及率|浓度|总量|强度|比例|比重|占比|面积|数量)$/;
const PLACE_LEAD = /^([\u4e00-\u9fff]{2,6}?(?:市|县|区|镇|乡|街道|岛))((?:建成区|城区)?)(.*)$/;

/** A subject without spaces, opening connectives, time phrases or trailing particles. */
export function trimIndicator(s: string): string {
  // A footnote mark is no part of the name: "新城慢行网络密度[1]提升至9.21km/km2".
  let t = s.replace(/\s+/g, '').replace(/\[\d{1,2}\]|［\d{1,2}］/g, '');
  // "…达到“双5”标准(道路每平方米浮尘量": the subject starts inside the open bracket.
  let depth = 0;
  let open = -1;
  for (let i = 0; i < t.length; i++) {
    if ('（('.includes(t[i]!)) { if (depth++ === 0) open = i; } else if ('）)'.includes(t[i]!)) depth = Math.max(0, depth - 1);
  }
  if (depth > 0 && open >= 0) t = t.slice(open + 1);
  // "城镇污水处理率由95％(提高至99％)": the starting value is not part of the name.
  t = t.replace(/(?:由|从)[^由从]*\d[^由从]*$/, '');
  for (let i = 0; i < 3; i++) t = t.replace(LEAD_FILLER, '').replace(/^(?:到|至|截至|在)?(?:20\d{2}年(?:底|末)?(?:前)?)/, '').replace(/^(?:20\d{2}[、和及与])+/, '');
  // "秋冬季期间（2019年10月1日至2020年3月31日）": the time phrase, blanked for naming, leaves "（）".
  t = t.replace(/[（(]\s*[）)]/g, '');
  return t.replace(/(?:累计|年均|均|全部|总体|稳定|将|要|须|需|应|的|等|分别|各|力争|争取|确保|达|能|约|大约|及|和|同比|比上年|较上年|、|，|,)+$/, '').replace(/^的/, '');
}

// Administrative areas ("全市", "辖区") leave the name; kinds of area ("农村", "建成区") are part of
// what is measured and stay in it: "全区农村生活污水治理率" → 农村生活污水治理率, scope 全区农村.
const ADMIN = WHOLE_PLACE;

/** "全区农村生活污水治理率" → scope 全区农村, rest 农村生活污水治理率; "辖区空气质量…" → 辖区, 空气质量…. */
export function splitScope(s: string): { scope: string | null; rest: string } {
  const m = SCOPE_WORDS.exec(s);
  if (!m) return { scope: null, rest: s };
  let scope = m[0];
  let tail = s.slice(scope.length);
  const again = SCOPE_WORDS.exec(tail); // "全区农村…", "辖区建成区…"
  if (again) {
    scope += again[0];
    tail = tail.slice(again[0].length);
  }
  const admin = ADMIN.exec(s)?.[0] ?? '';
  const rest = tail ? s.slice(admin.length).replace(/^的/, '') : tail;
  return { scope, rest };
}

/**
 * The subject of a goal from the words around its number: `left` before the verb, the verb `cue`,
 * `mid` between the verb and the number, `right` after the number (to the clause's end).
 */
export function nameGoal(left: string, cue: string, mid: string, right: string, counts: boolean, share: boolean): { indicator: string; scope: string | null } {
  const l = splitScope(trimIndicator(left));
  // "实现全区735个…": 全区 is where, not what; but "新增城市建成区50平方公里" counts 城市建成区.
  const midText = trimIndicator(mid);
  const midSplit = splitScope(midText);
  const midIsArea = !midSplit.rest && !!midText && !ADMIN.test(midText);
  const m = midIsArea ? midText : midSplit.rest;
  const midScope = midIsArea ? null : midSplit.scope;
  // What follows the number, unless it is the next item of a list ("超过100公里、绿道驿站30-40个")
  // or an aside ("40辆（其中…）").
  const rt = /^\s*[、，,；（()）]/.test(right) ? '' : trimIndicator(right.replace(/^(?:以上|及以上|以下|左右|以内|余)/, '').replace(/^的/, ''));
  const r = /[\u4e00-\u9fff]/.test(rt) ? rt.replace(/^[^\u4e00-\u9fff“]+|[^\u4e00-\u9fff”）)]+$/g, '') : '';
  const make = MAKE.test(cue) ? cue : '';
  let subject: string;
  if (!cue) subject = r && /^[^，。]{0,12}?(?:完成|实现|达到|建成|达标)/.test(r) ? r : l.rest || r; // 6个县(市、区)完成…
  else if (LINK.test(cue) && counts && r && !m) subject = (DOING.exec(l.rest)?.[0] ?? '') + r || l.rest; // 每年组织至少1轮…执法行动
  else if (LINK.test(cue)) subject = l.rest || (m ? m : r);                         // …覆盖率达到45%
  else if (counts && !m && r) subject = make + r;                                     // 建设30公里以上环公园绿道
  else if (m) subject = (make || l.rest) + m + (counts && r ? r : '');               // 新增各类公园300座 / 推进居住区289个投放点微更新
  else subject = l.rest ? l.rest + make : make + r;                                    // …标识规范及改造314个
  // A share names its measure after the number: "废水实现100%达标排放", "新建住宅100%移交接管".
  if (share && r && r.length <= 12 && !INDICATOR_END.test(subject) && !subject.endsWith(r)) subject += r;
  const again = splitScope(subject);
  // Each part of the scope once: "全区" + "农村" (not "全区农村农村").
  let scope = '';
  for (const part of [l.scope, midScope, again.scope]) if (part && !scope.includes(part)) scope += part;
  return { indicator: again.rest || subject, scope: scope || null };
}

/** Split at separators that are not inside brackets: "近岸海域水质优良(一、二类)面积比例" stays whole. */
export function splitOutside(text: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  const re = new RegExp(sep.source, 'y');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('（(【[“'.includes(c)) depth++;
    else if ('）)】]”'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) { parts.push(text.slice(from, i)); from = i + m[0].length; i = from - 1; }
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Split an enumerated subject into `n` parts (n = 0: as many as it names).
 *   "化肥、农药使用量"                                   → 化肥使用量, 农药使用量 (shared head)
 *   "化学需氧量、氨氮、…、挥发性有机物等五项主要污染物排放量" → …排放量 each
 *   "户外广告设施和户外招牌审批（备案）率" (n = 2)         → the two sides of 和
 * Returns null when the subject does not split that way.
 */
export function enumerate(subject: string, n: number, each = false): string[] | null {
  // A part before the last is a bare name: "化肥", "户外广告设施"; not a phrase that goes on
  // ("乡土适生树种和地产草种在新建、改建公园绿地的应用比例" does not split at 、).
  const bare = (ps: string[]) => ps.slice(0, -1).every((p) => p.length <= 14 && !/[在的对于]/.test(p));
  let parts = splitOutside(subject, /、/);
  if (n > 1 && (parts.length !== n || !bare(parts))) parts = splitOutside(subject, /、|以及|和/);
  // One value said of each of two names joined by 和 ("氮氧化物和挥发性有机物排放总量…分别下降10%"):
  // only names of some length that become whole measures, or scopes of one measure ("城镇和农村
  // 生活污水处理率"); "市级和县级…达标率", "收集和处理率" stay one measure.
  if (each && n <= 1 && parts.length < 2) {
    const joined = splitOutside(subject, /以及|和/);
    if (joined.length === 2) {
      const [a = '', b = ''] = joined;
      if (a.length === 2 && SCOPE.test(a) && SCOPE.test(b.slice(0, 2)) && b.length > 4) return [a + b.slice(2), b];
      const h = HEAD.exec(b)?.[0] ?? '';
      const whole = (x: string) => INDICATOR_END.test(x);
      if (a.length >= 3 && h && b.length > h.length) {
        // "生态流量和生态水位达标率": a rate both share, though 生态流量 is a measure of its own.
        const first = whole(a) && !(h.endsWith('率') && !a.endsWith('率')) ? a : a + h;
        if (whole(first) && whole(b)) return [first, b];
      }
    }
    return null;
  }
  if (parts.length < 2 || (n > 1 && parts.length !== n) || !bare(parts)) return null;
  const last = parts[parts.length - 1]!;
  let head = '';
  const deng = /^(.+?)等(?:[一二三四五六七八九十\d]+[项类个种])?(.+)$/.exec(last);
  if (deng) {
    parts[parts.length - 1] = deng[1]!;
    head = HEAD.exec(deng[2]!)?.[0] ?? '';
  } else {
    const h = HEAD.exec(last);
    if (h && last.length > h[0].length) head = h[0];
  }
  // Scopes of one measure, a value each: "城市和县城生活污水集中收集率分别达到75%、65%" → the
  // last part is a scope as long as the first ones, then the measure they share.
  const k = parts[0]!.length;
  if (n > 1 && k <= 3 && parts.slice(0, -1).every((p) => p.length === k) && last.length > k + 2 && SCOPE.test(parts[0]!) && SCOPE.test(last.slice(0, k))) {
    const measure = last.slice(k);
    return parts.map((p, i) => (i === parts.length - 1 ? p : p + measure));
  }
  return parts.map((p) => (head && !p.endsWith(head) ? p + head : p));
}

/** Words that name where or for whom a measure is taken: 城市, 县城, 农村, 城镇, 建成区 … */
const SCOPE = /^(?:城市|县城|城镇|农村|乡镇|城区|市区|郊区|全市|全县|全区|中心城|新城|建成区|工业|生活|地表|地下|近岸)$/;

/** "京津冀、长三角、珠三角等区域细颗粒物浓度" → places [京津冀, 长三角, 珠三角], indicator 细颗粒物浓度. */
export function regionList(subject: string): { places: string[]; rest: string } | null {
  const m = /^(.+?)等(?:[一二三四五六七八九十\d]+个)?(?:重点)?(?:区域|地区|城市群|城市|省份|省|流域)(.+)$/.exec(subject);
  if (!m) return null;
  const places = splitOutside(m[1]!, /、/);
  return places.length >= 2 ? { places, rest: m[2]!.replace(/^的/, '') } : null;
}

/** "禹州市、长葛市建成区集中供热普及率" → places [禹州市建成区, 长葛市建成区], indicator 集中供热普及率. */
export function placeList(subject: string): { places: string[]; rest: string } | null {
  const regions = regionList(subject);
  if (regions) return regions;
  const parts = splitOutside(subject, /、/);
  if (parts.length < 2 || !parts.slice(0, -1).every((p) => PLACE.test(p))) return null;
  const m = PLACE_LEAD.exec(parts[parts.length - 1]!);
  if (!m || !m[3]) return null;
  const suffix = m[2] ?? '';
  return { places: [...parts.slice(0, -1), m[1]!].map((p) => p + suffix), rest: m[3] };
}
