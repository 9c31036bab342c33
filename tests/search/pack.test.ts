/**
 * Packed index chunks (src/search/pack.ts): a bundle's index and filter chunks written as one file
 * and read back by range are byte for byte the files Pagefind wrote, whether the server honours
 * ranges or sends the whole pack; other requests pass through untouched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { packChunks, packedFetch, packFileName, type PackList } from '../../src/search/pack.ts';

// Real chunk files: a Pagefind index of sentences from seed 004 (许昌), with a filter.
async function realChunks(): Promise<{ path: string; content: Uint8Array }[]> {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '20';
  const { index } = await pagefind.createIndex({ forceLanguage: 'und' });
  const texts = [
    '到2020年，全市细颗粒物（PM2.5）年均浓度比2015年下降25%以上',
    '县级及以上城市集中式饮用水水源水质达到或优于Ⅲ类比例总体高于95%',
    '受污染耕地安全利用率达到90%左右，污染地块安全利用率达到90%以上',
  ];
  for (const [i, t] of texts.entries()) {
    await index!.addCustomRecord({ url: `/p/${i}/`, content: t.split('').join(' '), language: 'und', filters: { p: [String(i)] } });
  }
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return files.filter((f) => f.path.startsWith('index/') || f.path.startsWith('filter/'));
}

/** A static host in memory: the bundle's entry JSON and pack, with or without range support. */
function host(files: Map<string, Uint8Array | string>, ranges: boolean) {
  const seen: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    seen.push(url);
    const body = files.get(url.replace(/\?.*$/, ''));
    if (body === undefined) return new Response(null, { status: 404 });
    const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('Range') ?? '');
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    if (ranges && range && typeof body !== 'string') return new Response(new Blob([bytes.slice(Number(range[1]), Number(range[2]) + 1)]), { status: 206 });
    return new Response(new Blob([new Uint8Array(bytes)]), { status: 200 });
  };
  return { fetch, seen };
}

afterAll(() => pagefind.close());

describe('packed Pagefind chunks', () => {
  it('every chunk read from the pack is the file Pagefind wrote, with and without range support', async () => {
    const chunks = await realChunks();
    expect(chunks.filter((c) => c.path.startsWith('index/')).length).toBeGreaterThan(1);
    expect(chunks.some((c) => c.path.startsWith('filter/'))).toBe(true);
    const { pack, list: chunkList } = packChunks(chunks);
    const PACK_FILE = packFileName('3f9c0a1b2c3d');
    const list: PackList = { file: PACK_FILE, ...chunkList };
    expect(pack.byteLength).toBe(chunks.reduce((n, c) => n + c.content.byteLength, 0));
    const base = 'https://example.org/pagefind/s/0/';
    const files = new Map<string, Uint8Array | string>([
      [`${base}pagefind-entry.json`, JSON.stringify({ version: '1', pack: list })],
      [`${base}${PACK_FILE}`, pack],
    ]);
    for (const ranges of [true, false]) {
      const server = host(files, ranges);
      const read = packedFetch(server.fetch);
      // Pagefind reads the entry first, then the chunks its words fall in.
      expect((await read(`${base}pagefind-entry.json?ts=1`)).ok).toBe(true);
      for (const c of chunks) {
        const res = await read(`${base}${c.path}`);
        expect(res.status).toBe(200);
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(c.content));
      }
      // The chunk files are never asked for; without ranges the pack is downloaded once.
      expect(server.seen.some((u) => /\/(?:index|filter)\//.test(u))).toBe(false);
      expect(server.seen.filter((u) => u.endsWith(PACK_FILE)).length).toBe(ranges ? chunks.length : 1);
    }
  });

  it('passes other requests through, and reads the chunk file itself where a bundle has no pack', async () => {
    const base = 'https://example.org/pagefind/';
    const files = new Map<string, Uint8Array | string>([
      [`${base}pagefind-entry.json`, JSON.stringify({ version: '1' })],
      [`${base}index/und_abc.pf_index`, new Uint8Array([1, 2, 3])],
      ['https://example.org/search-data/manifest.json', '{"plans":1}'],
    ]);
    const server = host(files, true);
    const read = packedFetch(server.fetch);
    expect(await (await read('https://example.org/search-data/manifest.json')).json()).toEqual({ plans: 1 });
    expect(new Uint8Array(await (await read(`${base}index/und_abc.pf_index`)).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await read(`${base}index/und_missing.pf_index`)).status).toBe(404);
  });
});
