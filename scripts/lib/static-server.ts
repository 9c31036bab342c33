/**
 * The one static server of the browser tests and the benchmarks: the built site (dist/) on
 * 127.0.0.1 at a free port, as a static host serves it.
 *
 * Libraries, not a hand-written server: sirv (what Vite's and so Astro's preview serve with)
 * answers files, `/path/` with `/path/index.html`, types from mrmime, ranges, 404 for anything
 * missing and nothing outside the root; compression (Express's gzip middleware) compresses text as
 * a host would, so the benchmarks measure the bytes a reader downloads. Pagefind's index files are
 * gzip already; their type (application/octet-stream) is not compressible, so they go as they are.
 *
 *   const server = await startServer('dist');                        // tests: no compression
 *   const server = await startServer('dist', { gzip: true, searchRoot: 'big/site' }); // benchmark
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Serve /pagefind/ and /search-data/ from this directory instead (a generated corpus's index). */
  searchRoot?: string;
  /** Compress text responses with gzip when the browser accepts it (default false). */
  gzip?: boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export async function startServer(root: string = 'dist', options: StaticServerOptions = {}): Promise<StaticServer> {
  // dev: look files up on each request, not in a list made at start (a benchmark writes a corpus's
  // index after the server started); in dev mode without etags sirv sends Cache-Control: no-store,
  // so a cold load is cold.
  const serve = (dir: string): Handler => sirv(path.resolve(dir), { dev: true, dotfiles: false, etag: false });
  const site = serve(root);
  const search = options.searchRoot ? serve(options.searchRoot) : site;
  const gzip: Handler = options.gzip ? compression() : (_req, _res, next) => next();

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const notFound = () => { if (!res.headersSent) res.writeHead(404).end(); };
    gzip(req, res, () => {
      const handler = /^\/(pagefind|search-data)\//.test(req.url ?? '') ? search : site;
      handler(req, res, notFound);
    });
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
