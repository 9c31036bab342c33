// Makes sure Debian's Chromium is present for the browser tests (tests/e2e).
//
//   node scripts/ensure-chromium.ts
//
// - SKIP_BROWSER_TESTS=1                → say the browser tests will be skipped, exit 0.
// - /usr/bin/chromium exists            → exit 0, silently (but see CJK fonts below).
// - running as root                     → apt-get update && apt-get install chromium, then verify.
// - not root, or the install failed     → print the command to run (zh + en) on stderr, exit 1.
//
// CJK fonts: the site loads no web fonts, so Chinese text renders with system fonts. Without a
// CJK font Chromium draws tofu boxes, which makes screenshots useless and skews the 375 px
// overflow check. If `fc-list :lang=zh` finds nothing, root installs fonts-noto-cjk; anyone
// else gets a warning (not a failure).
//
// No dependencies beyond node:*; only erasable TypeScript syntax (Node strips the types).

import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';
export const FONT_INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y ${CJK_FONT_PACKAGE}`;

export function chromiumInstalled(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True if fontconfig knows at least one font covering Chinese. */
export function cjkFontInstalled(): boolean {
  const res = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return res.status === 0 && (res.stdout ?? '').trim() !== '';
}

function run(cmd: string, args: string[]): boolean {
  process.stderr.write(`$ ${cmd} ${args.join(' ')}\n`);
  const res = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.error) {
    process.stderr.write(`${cmd}: ${res.error.message}\n`);
    return false;
  }
  return res.status === 0;
}

function printHowToInstall(zh: string, en: string): void {
  process.stderr.write(
    [
      '',
      `未找到 Chromium（${CHROMIUM_PATH}），无法运行浏览器测试（${zh}）。`,
      '请运行以下命令安装：',
      `    ${INSTALL_COMMAND}`,
      '如需跳过浏览器测试，请设置环境变量 SKIP_BROWSER_TESTS=1。',
      '',
      `Chromium was not found at ${CHROMIUM_PATH}; the browser tests cannot run (${en}).`,
      'Install it with:',
      `    ${INSTALL_COMMAND}`,
      'To skip the browser tests instead, set SKIP_BROWSER_TESTS=1.',
      '',
    ].join('\n'),
  );
}

let aptUpdated = false;

function aptInstall(pkg: string): boolean {
  if (!aptUpdated) {
    if (!run('apt-get', ['update'])) return false;
    aptUpdated = true;
  }
  return run('apt-get', ['install', '-y', '--no-install-recommends', pkg]);
}

function ensureCjkFont(): void {
  if (cjkFontInstalled()) return;
  if (process.getuid?.() === 0) {
    process.stderr.write(`No CJK font found (fc-list :lang=zh); installing ${CJK_FONT_PACKAGE}…\n`);
    if (aptInstall(CJK_FONT_PACKAGE) && cjkFontInstalled()) return;
  }
  process.stderr.write(
    [
      '',
      `警告：未找到中文字体，截图中的汉字会显示为方框，375 px 溢出检查也可能不准。请运行：`,
      `    ${FONT_INSTALL_COMMAND}`,
      `Warning: no CJK font is installed; Chinese text renders as boxes in screenshots and the`,
      `375 px overflow check may be off. Install one with:`,
      `    ${FONT_INSTALL_COMMAND}`,
      '',
    ].join('\n'),
  );
}

function main(): number {
  if (process.env.SKIP_BROWSER_TESTS === '1') {
    process.stdout.write('SKIP_BROWSER_TESTS=1：将跳过浏览器测试。 / Browser tests will be skipped.\n');
    return 0;
  }

  if (chromiumInstalled()) {
    ensureCjkFont();
    return 0;
  }

  if (process.getuid?.() !== 0) {
    printHowToInstall('当前用户不是 root，无法自动安装', 'not running as root, so it cannot be installed automatically');
    return 1;
  }

  process.stderr.write(`Chromium not found at ${CHROMIUM_PATH}; installing it with apt-get…\n`);
  const ok = aptInstall('chromium');
  if (ok && chromiumInstalled()) {
    const v = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
    process.stderr.write(`Installed: ${(v.stdout ?? '').trim() || CHROMIUM_PATH}\n`);
    ensureCjkFont();
    return 0;
  }
  if (ok) printHowToInstall(`apt-get 已完成，但 ${CHROMIUM_PATH} 仍不存在`, `apt-get succeeded but ${CHROMIUM_PATH} is still missing`);
  else printHowToInstall('apt-get 安装失败', 'apt-get failed');
  return 1;
}

if (import.meta.main) {
  process.exitCode = main();
}
