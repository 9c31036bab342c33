/**
 * Debian's Chromium driven by playwright-core, for the browser tests and the search benchmark: a
 * fresh temporary profile per launch, and every request that is not to 127.0.0.1 blocked and
 * recorded (a page that reaches out to a CDN or a tracker is a failure, not a slow test).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../ensure-chromium.ts';

// One definition of where Chromium is and how to tell it is there: the install script's.
export { CHROMIUM_PATH, chromiumInstalled as chromiumAvailable } from '../ensure-chromium.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface BlockedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** URL of the page (frame) that made the request, if known. */
  from: string;
}

export interface LaunchOptions {
  /** Default true. The no-JavaScript test passes false. */
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every request to a host other than 127.0.0.1, in order. They were all aborted. */
  blocked: BlockedRequest[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** True for URLs the tests allow: 127.0.0.1 (any port), and in-page data:/blob:/about: URLs. */
export function isLocalUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return (
    (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') &&
    u.hostname === '127.0.0.1'
  );
}

/**
 * Launches Chromium with a fresh temporary --user-data-dir (via launchPersistentContext, since
 * Playwright refuses --user-data-dir in `args`). All non-127.0.0.1 requests are aborted and
 * recorded in `session.blocked`.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'plans-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
      offline: false,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }

  const blocked: BlockedRequest[] = [];
  const record = (url: string, method: string, resourceType: string, from: string): void => {
    blocked.push({ url, method, resourceType, from });
  };

  await context.route(
    (url) => !isLocalUrl(url.href),
    async (route) => {
      const req = route.request();
      let from = '';
      try {
        from = req.frame().url();
      } catch {
        // Requests from workers have no frame.
      }
      record(req.url(), req.method(), req.resourceType(), from);
      await route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(
    (url) => !isLocalUrl(url.href),
    (ws) => {
      record(ws.url(), 'GET', 'websocket', '');
      void ws.close();
    },
  );

  // A persistent context opens with one blank page; close it so every test gets a clean page.
  for (const p of context.pages()) await p.close();

  return {
    context,
    blocked,
    newPage: () => context.newPage(),
    close: async () => {
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
