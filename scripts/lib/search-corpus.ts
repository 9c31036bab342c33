/**
 * A large corpus for the search benchmark, made from the published plans (content/plan-data):
 * plan i is plan (i mod n) moved to another place (province, city, district), issued another
 * year, with the sentences of every paragraph shuffled, so that plans differ as real ones do
 * while the words, their frequencies and the section structure stay those of real plans.
 * Written to a temporary directory by scripts/bench-search.ts, never committed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Section } from '../../src/schemas/plan-document.ts';
import type { SearchableDoc } from '../../src/search/records.ts';

/** Places to move plans to: province, city, and a district or county of it. */
const PLACES: [string, string, string][] = [
  ['河北省', '石家庄市', '长安区'], ['河北省', '唐山市', '路南区'], ['山西省', '太原市', '小店区'],
  ['内蒙古自治区', '包头市', '昆都仑区'], ['辽宁省', '沈阳市', '和平区'], ['辽宁省', '大连市', '甘井子区'],
  ['吉林省', '长春市', '朝阳区'], ['黑龙江省', '哈尔滨市', '南岗区'], ['江苏省', '南京市', '鼓楼区'],
  ['江苏省', '苏州市', '吴江区'], ['江苏省', '扬州市', '江都区'], ['浙江省', '杭州市', '余杭区'],
  ['浙江省', '宁波市', '鄞州区'], ['浙江省', '温州市', '瑞安市'], ['安徽省', '合肥市', '蜀山区'],
  ['福建省', '福州市', '鼓楼区'], ['福建省', '厦门市', '思明区'], ['江西省', '南昌市', '红谷滩区'],
  ['山东省', '济南市', '历下区'], ['山东省', '青岛市', '黄岛区'], ['河南省', '郑州市', '金水区'],
  ['河南省', '洛阳市', '涧西区'], ['河南省', '许昌市', '禹州市'], ['湖北省', '武汉市', '洪山区'],
  ['湖南省', '长沙市', '岳麓区'], ['广东省', '广州市', '番禺区'], ['广东省', '深圳市', '南山区'],
  ['广东省', '江门市', '新会区'], ['广西壮族自治区', '南宁市', '青秀区'], ['海南省', '海口市', '美兰区'],
  ['重庆市', '重庆市', '渝北区'], ['四川省', '成都市', '双流区'], ['贵州省', '贵阳市', '观山湖区'],
  ['云南省', '昆明市', '呈贡区'], ['陕西省', '西安市', '雁塔区'], ['甘肃省', '兰州市', '城关区'],
  ['青海省', '西宁市', '城西区'], ['宁夏回族自治区', '银川市', '兴庆区'], ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'],
  ['上海市', '上海市', '嘉定区'], ['北京市', '北京市', '海淀区'], ['天津市', '天津市', '滨海新区'],
];

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Shuffles the sentences of a text ("……。……；……") and keeps every character. */
function shuffleSentences(text: string, next: () => number): string {
  const parts = text.split(/(?<=[。；！？\n])/u);
  return parts.length < 3 ? text : shuffled(parts, next).join('');
}

function moveSections(sections: Section[], next: () => number): Section[] {
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => ({ ...b, text: shuffleSentences(b.text, next) })),
    children: moveSections(s.children, next),
  }));
}

export interface GeneratedCorpus {
  plans: number;
  sections: number;
}

/** Writes `count` plans made from the documents in `sourceDir` as JSON files into `outDir`. */
export function generateCorpus(sourceDir: string, outDir: string, count: number): GeneratedCorpus {
  const sources = readdirSync(sourceDir).filter((f) => f.endsWith('.json')).sort().map((f) => ({
    slug: f.slice(0, -'.json'.length),
    doc: JSON.parse(readFileSync(join(sourceDir, f), 'utf8')) as SearchableDoc,
  }));
  if (sources.length === 0) throw new Error(`${sourceDir} 里没有规划数据：请先运行 npm run content。`);
  mkdirSync(outDir, { recursive: true });
  let sections = 0;
  for (let i = 0; i < count; i++) {
    const { slug, doc } = sources[i % sources.length]!;
    const next = random(i + 1);
    const [province, city, district] = PLACES[Math.floor(next() * PLACES.length)]!;
    const old = doc.meta.jurisdiction?.name;
    const level = district.endsWith('县') ? '县' : district.endsWith('市') ? '县级市' : '区';
    const name = doc.meta.jurisdiction?.level === '市' ? city : district;
    const title = doc.meta.title
      ? (old && doc.meta.title.includes(old) ? doc.meta.title.split(old).join(name) : `${name}${doc.meta.title}`)
      : null;
    const year = 2016 + (i % 10);
    const moved: SearchableDoc = {
      meta: {
        ...doc.meta,
        title,
        jurisdiction: { name, province, ...(city !== province ? { city } : {}), level: name === city ? '市' : level },
        issued: doc.meta.issued ? `${year}${doc.meta.issued.slice(4)}` : String(year),
      },
      sections: moveSections(doc.sections, next),
    };
    const count = (ss: Section[]): number => ss.reduce((n, s) => n + 1 + count(s.children), 0);
    sections += count(moved.sections);
    writeFileSync(join(outDir, `g${String(i).padStart(5, '0')}-${slug}.json`), JSON.stringify(moved));
  }
  return { plans: count, sections };
}
