/**
 * The static server of the search benchmark: serves the built site (dist/) with, optionally, the
 * search files (/pagefind/, /search-data/) taken from another directory (a generated corpus),
 * and compresses text files (HTML, JS, CSS, JSON) with gzip when the browser accepts it, as any
 * static host does, so the bytes measured are the bytes a reader would download. Pagefind's own
 * files are already gzip-compressed and are sent as they are. 127.0.0.1 only, GET and HEAD only.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypeFor } from '../../tests/e2e/static-server.ts';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

const TEXT = /\.(html|js|mjs|css|json|svg|txt|xml)$/;

export async function startBenchServer(root: string, searchRoot = root): Promise<BenchServer> {
  const roots = { site: await realpath(root), search: await realpath(searchRoot) };
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (pathname.includes('\0') || pathname.split('/').includes('..')) {
        res.writeHead(400).end();
        return;
      }
      const base = /^\/(pagefind|search-data)\//.test(pathname) ? roots.search : roots.site;
      let file = path.join(base, ...pathname.split('/'));
      if (pathname.endsWith('/')) file = path.join(file, 'index.html');
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) {
        res.writeHead(st?.isDirectory() ? 301 : 404, st?.isDirectory() ? { location: `${pathname}/` } : {}).end();
        return;
      }
      let body = await readFile(file);
      const headers: Record<string, string> = { 'content-type': contentTypeFor(file), 'cache-control': 'no-store' };
      if (TEXT.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
