// A tiny static file server for the browser tests: serves a directory (default `dist/`)
// on 127.0.0.1 with an ephemeral port. `/path/` → `/path/index.html`; `/path` (a directory,
// no trailing slash) → 301 to `/path/`; anything else missing → 404. Paths that escape the
// root (`..`, encoded or not, NUL bytes, symlinks pointing outside) → 404/400.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  // Pagefind's index files are binary blobs (gzip-compressed on disk, decompressed by
  // pagefind's own JS/wasm, so they must NOT carry Content-Encoding).
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export async function startServer(root: string = path.resolve('dist')): Promise<StaticServer> {
  const realRoot = await realpath(path.resolve(root));

  const server = createServer(async (req, res) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        send(400, 'Bad Request');
        return;
      }
      if (pathname.includes('\0') || pathname.includes('\\')) {
        send(400, 'Bad Request');
        return;
      }
      // Normalise with posix rules, then refuse anything that still climbs out of the root.
      const segments = pathname.split('/');
      if (segments.includes('..')) {
        send(404, 'Not Found');
        return;
      }
      let file = path.join(realRoot, ...segments);
      if (pathname.endsWith('/')) file = path.join(file, 'index.html');
      if (!isInside(realRoot, file)) {
        send(404, 'Not Found');
        return;
      }

      let real: string;
      try {
        real = await realpath(file);
      } catch {
        send(404, 'Not Found');
        return;
      }
      if (!isInside(realRoot, real)) {
        send(404, 'Not Found');
        return;
      }
      const st = await stat(real);
      if (st.isDirectory()) {
        // Astro's `trailingSlash: 'always'`: a directory URL without its slash redirects.
        const search = new URL(req.url ?? '/', 'http://127.0.0.1').search;
        send(301, 'Moved Permanently', { location: `${encodeURI(pathname)}/${search}` });
        return;
      }
      if (!st.isFile()) {
        send(404, 'Not Found');
        return;
      }
      res.writeHead(200, {
        'content-type': contentTypeFor(real),
        'content-length': String(st.size),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(real);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, `Internal Server Error: ${String(err)}`);
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
