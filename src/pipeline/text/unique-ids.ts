/**
 * Ids unique within one document: the first "s-0k3x9ab" is kept as it is, a second gets "-2", a
 * third "-3" … in the order they are asked for. Anchors, goal ids and channel ids all count this
 * way, so a repeated heading or a goal stated twice keeps a stable address.
 *
 *     const id = uniqueIds();  id('s-0k3x9ab') → "s-0k3x9ab";  id('s-0k3x9ab') → "s-0k3x9ab-2"
 */
export function uniqueIds(taken: Iterable<string> = []): (base: string) => string {
  const used = new Set(taken);
  return (base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
