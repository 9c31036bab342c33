/**
 * Packed index files (issue 16: at most 10 files per plan in dist/). Pagefind writes a bundle's
 * word index and filters as many small chunk files (index/<hash>.pf_index, filter/<hash>.pf_filter:
 * about 50 per plan at 200 postings a chunk, the size that keeps a cold search light). The indexer
 * (scripts/build-search.ts) writes them as ONE file per bundle, named by a hash of its content
 * (a cached pack is never read with another build's offsets), and lists the chunks in the bundle's
 * pagefind-entry.json under `pack` (Pagefind reads only the keys it knows):
 *
 *     "pack": { "file": "pack.3f9c…pf_pack", "prefix": "und_", "index": "13096fb 1312cc7 …", "filter": "9a1e2c0 …", "bytes": [553, 524, …, 214, …] }
 *
 * Chunks follow each other in that order, index chunks first. In the browser, `packedFetch` answers
 * Pagefind's request for a chunk with a range read of the pack (`Range: bytes=…`, which static hosts
 * serve), so a search still downloads only the chunks its words fall in. A server that ignores the
 * range sends the whole pack once; the chunk is cut from it and the pack kept for the next chunk
 * (rangeReader, which the search engine also reads its text packs with).
 */

/** The pack's file name: content-addressed, like Pagefind's own chunk names. */
export const packFileName = (hash: string): string => `pack.${hash}.pf_pack`;
const ENTRY_FILE = 'pagefind-entry.json';

/**
 * The `pack` key of pagefind-entry.json: the chunk names (without extension and without the prefix
 * they all share, the language's "und_"), space-separated, index chunks then filter chunks, and
 * their byte lengths in the same order. Every search loads the lists of the bundles it merges, so
 * they are written as compactly as JSON allows.
 */
export interface PackList {
  /** The pack's file name in the bundle (packFileName). */
  file: string;
  prefix: string;
  index: string;
  filter: string;
  bytes: number[];
}

type Kind = 'index' | 'filter';
const KINDS = ['index', 'filter'] as const;
const EXTENSION: Record<Kind, string> = { index: 'pf_index', filter: 'pf_filter' };
/** ".../pagefind/s/12/index/und_13096fb.pf_index" → base ".../pagefind/s/12/", kind, name. */
const CHUNK_URL = /^(.*\/)(index|filter)\/([^/?#]+)\.(?:pf_index|pf_filter)(?:[?#].*)?$/;
const ENTRY_URL = /^(.*\/)pagefind-entry\.json(?:[?#].*)?$/;

const namesOf = (joined: string): string[] => (joined ? joined.split(' ') : []);

/** Where each chunk lies in the pack: "index/<name>" → [offset, length]. */
export function packOffsets(list: PackList): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  let at = 0;
  let i = 0;
  for (const kind of KINDS) {
    for (const name of namesOf(list[kind])) {
      const bytes = list.bytes[i++] ?? 0;
      out.set(`${kind}/${list.prefix}${name}`, [at, bytes]);
      at += bytes;
    }
  }
  return out;
}

/** The chunk files of a bundle as Pagefind writes them → the pack's bytes and its list. */
export function packChunks(files: readonly { path: string; content: Uint8Array }[]): { pack: Uint8Array; list: Omit<PackList, 'file'> } {
  const chosen = KINDS.map((kind) => {
    const suffix = `.${EXTENSION[kind]}`;
    return files.filter((x) => x.path.startsWith(`${kind}/`) && x.path.endsWith(suffix)).sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((f) => ({ name: f.path.slice(kind.length + 1, -suffix.length), content: f.content }));
  });
  const all = chosen.flat();
  const first = /^[^_]*_/.exec(all[0]?.name ?? '')?.[0] ?? '';
  const prefix = all.every((c) => c.name.startsWith(first)) ? first : '';
  const list: Omit<PackList, 'file'> = {
    prefix,
    index: chosen[0]!.map((c) => c.name.slice(prefix.length)).join(' '),
    filter: chosen[1]!.map((c) => c.name.slice(prefix.length)).join(' '),
    bytes: all.map((c) => c.content.byteLength),
  };
  const pack = new Uint8Array(all.reduce((n, c) => n + c.content.byteLength, 0));
  let at = 0;
  for (const c of all) {
    pack.set(c.content, at);
    at += c.content.byteLength;
  }
  return { pack, list };
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A download that failed with an HTTP status. */
export class FetchStatusError extends Error {
  readonly status: number;
  constructor(status: number, url: string) {
    super(`${status} ${url}`);
    this.status = status;
  }
}

/**
 * Reads bytes [offset, offset + length) of files with `Range: bytes=…`. A server that ignores the
 * range sends the whole file: the range is cut from it, and the file is kept for its next ranges.
 */
export function rangeReader(fetchFile: Fetch): (url: string, offset: number, length: number) => Promise<ArrayBuffer> {
  const whole = new Map<string, Promise<ArrayBuffer>>();
  return async (url, offset, length) => {
    const kept = whole.get(url);
    if (kept) return (await kept).slice(offset, offset + length);
    const res = await fetchFile(url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    if (!res.ok) throw new FetchStatusError(res.status, url);
    if (res.status === 206) return res.arrayBuffer();
    const all = res.arrayBuffer();
    whole.set(url, all);
    return (await all).slice(offset, offset + length);
  };
}

/**
 * A fetch that serves Pagefind's chunk requests from packs and passes everything else on. The
 * bundle's list comes from its pagefind-entry.json, which Pagefind fetches before any chunk; it is
 * read from that response (a copy), or fetched when a chunk is asked for first.
 */
export function packedFetch(original: Fetch): Fetch {
  const lists = new Map<string, Promise<{ file: string; at: Map<string, [number, number]> } | null>>();
  const readRange = rangeReader(original);
  const listFrom = (res: Response) => res.json()
    .then((e: { pack?: PackList }) => (e.pack ? { file: e.pack.file, at: packOffsets(e.pack) } : null)).catch(() => null);
  const listOf = (base: string) => {
    let list = lists.get(base);
    if (!list) {
      list = original(`${base}${ENTRY_FILE}`).then((r) => (r.ok ? listFrom(r) : null)).catch(() => null);
      lists.set(base, list);
    }
    return list;
  };

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const entry = ENTRY_URL.exec(url);
    if (entry) {
      const res = await original(input, init);
      if (res.ok && !lists.has(entry[1]!)) lists.set(entry[1]!, listFrom(res.clone()));
      return res;
    }
    const chunk = CHUNK_URL.exec(url);
    if (!chunk) return original(input, init);
    const [, base, kind, name] = chunk as unknown as [string, string, Kind, string];
    const list = await listOf(base);
    const at = list?.at.get(`${kind}/${name}`);
    // A bundle without a pack (an older build, a test corpus): the chunk file itself.
    if (!list || !at) return original(input, init);
    const [offset, length] = at;
    try {
      const bytes = await readRange(`${base}${list.file}`, offset, length);
      return new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    } catch (error) {
      if (error instanceof FetchStatusError) return new Response(null, { status: error.status });
      throw error;
    }
  };
}
