/**
 * Shared by the validators of the data files staff edit (themes, indicators, actuals, channels):
 * how a problem names the field and its current value in its Chinese message.
 */

/** The value at a zod issue path in the parsed YAML, or undefined where the path leads nowhere. */
export function pick(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

/**
 * A field as staff read it: "themes[0].terms[3]（主题 blue-sky）" — the item of the file's list
 * (`list`) named by its id so it can be found without counting; "(整个文件)" for the root.
 */
export function formatPath(path: PropertyKey[], data: unknown, list: string, label: string): string {
  if (path.length === 0) return '(整个文件)';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  if (path[0] === list && typeof path[1] === 'number') {
    const id = pick(data, [list, path[1], 'id']);
    if (typeof id === 'string') out += `（${label} ${id}）`;
  }
  return out;
}
