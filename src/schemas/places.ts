/**
 * content/places.yaml: the ASCII URL segment of each place name, so that place pages have
 * addresses like /places/shanghai-chongming/ without guessing pinyin. Validated here; errors name
 * the file, the entry, the value and the fix, in Chinese.
 */
import { z } from 'zod';
import type { Describe } from '../data/yaml.ts';

/** A segment of a place page's address: lower-case letters, digits and hyphens. */
const segment = z
  .string({ error: '应为文字，例如 chongming' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写英文字母、数字和连字符，例如 chongming');

export const placesFileSchema = z.strictObject({
  /**
   * Place name → URL segment. The key is the name as plans write it ("崇明区"), or "上级/本级"
   * ("南京市/鼓楼区") when two places share a name; the qualified key wins.
   */
  segments: z.record(z.string().min(1, '地区名不能为空'), segment, { error: '应为“地区名: 网址片段”的列表' }),
}, { error: '文件应只有 segments 一项' });

export type PlacesFile = z.infer<typeof placesFileSchema>;

/** How a problem of content/places.yaml names its field: "segments.崇明区". */
export const placesDescribe: Describe = { field: (path) => (path.length ? path.map(String).join('.') : '（文件顶层）') };
