/**
 * content/places.yaml: the ASCII URL segment of each place name, so that place pages have
 * addresses like /places/shanghai-chongming/ without guessing pinyin. Validated here; errors name
 * the file, the entry, the value and the fix, in Chinese.
 */
import { z } from 'zod';

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

/** Validate parsed YAML; the problems are Chinese sentences naming `file`, the entry and the fix. */
export function checkPlacesFile(data: unknown, file: string): { ok: true; value: PlacesFile } | { ok: false; problems: string[] } {
  const result = placesFileSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : '（文件顶层）';
      const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
      return `${file}：${where} 有误（现值：${JSON.stringify(value) ?? '无'}）：${issue.message}`;
    }),
  };
}
