/**
 * Publishing by commit, as the built site shows it (../shared/CONTRACT.md): each plan page lists
 * the versions of its text (data-plan-history, one <li> with a <time> each, newest first) and marks
 * the sections its newest version changed (data-revised) with a link to the old and new words.
 * The Atom feeds (site, place, theme) parse with a feed parser and every entry has an id, a date, a
 * title and an absolute link to a page the build wrote; updates show on /updates/, on their plan's
 * and place's pages and beside the goals they report on. The test site carries a plan committed
 * three times in a repository of its own (tests/helpers/history-repo.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { HISTORY_SLUG } from '../helpers/history-repo.ts';
import { $, $$, DIST, attr, page, text, type Element } from '../helpers/html.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

describe('versions and revisions on a plan page', () => {
  const tree = page(`/plans/${HISTORY_SLUG}/`);

  it('lists the versions newest first, each with its date', () => {
    const list = $$(tree, '[data-plan-history]');
    expect(list).toHaveLength(1);
    const dates = $$(list[0]!, 'li').map((li) => attr($(li, 'time'), 'dateTime'));
    expect(dates).toEqual(['2026-03-02', '2026-01-10', '2025-10-01']);
    // The oldest is the first publication; a Chinese commit message is shown, a developer's English one is not.
    expect(text($$(list[0]!, 'li')[2]!)).toContain('本站收录');
    expect(text($$(list[0]!, 'li')[1]!)).toContain('修订出水水质要求');
    expect(text(list[0]!)).not.toContain('Tighten');
  });

  it('marks exactly the sections the newest version changed, with its date', () => {
    const revised = $$(tree, '[data-revised]');
    expect(revised.map((s) => attr(s, 'dataRevised'))).toEqual(['2026-03-02', '2026-03-02', '2026-03-02', '2026-03-02']);
    const headingOf = (s: Element) => text($(s, ':scope > .sec-head > :is(h2, h3, h4, h5, h6)')!);
    expect(revised.map(headingOf)).toEqual(['（六）出水水质达标', '第四条', '第六条', '第七条']);
    // The unchanged 第一条 is a section of the page, not marked.
    const first = $$(tree, 'section.plan-section').find((s) => headingOf(s) === '第一条');
    expect(first).toBeDefined();
    expect(attr(first, 'dataRevised')).toBeUndefined();
  });

  it('links each marked section to its old and new words', () => {
    const revised = $$(tree, '[data-revised]');
    expect(revised.length).toBeGreaterThan(0);
    for (const section of revised) {
      const link = $(section, '.revised-note a')!;
      const change = $(tree, `[id="${attr(link, 'href')!.slice(1)}"]`);
      expect(change, attr(link, 'href')).toBeDefined();
      expect($(change!, 'h4 a') && attr($(change!, 'h4 a'), 'href')).toBe(`#${attr($(section, 'h2, h3, h4, h5, h6'), 'id')}`);
    }
    const fourth = $$(tree, '.change').find((c) => text($(c, 'h4')!) === '第四条')!;
    expect($$(fourth, 'del').map(text)).toEqual(['80']);
    expect($$(fourth, 'ins').map(text)).toEqual(['85']);
  });

  it('lists the versions of every published plan', () => {
    const seed = page('/plans/yangzhou-shisiwu-guihua/');
    const items = $$(seed, '[data-plan-history] li');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(attr($(li, 'time'), 'dateTime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('Atom feeds', () => {
  const read = (path: string) => parseFeed(readFileSync(`${DIST}${path}`, 'utf8'));
  const checkEntries = (feed: ReturnType<typeof parseFeed>) => {
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.id, item.title ?? '').toBeTruthy();
      expect(item.title).toBeTruthy();
      expect(item.updated).toBeInstanceOf(Date);
      expect(item.url?.startsWith(`${TEST_ORIGIN}/`), item.url ?? '').toBe(true);
      // The link lands on a page the build wrote.
      const path = new URL(item.url!).pathname;
      expect(existsSync(`${DIST}${decodeURI(path)}index.html`), path).toBe(true);
    }
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    const dates = feed.items.map((i) => i.updated!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  };

  it('has the whole site: new plans, each revision, and updates', () => {
    const feed = read('/feed.xml');
    checkEntries(feed);
    expect(feed.title).toContain('生态环境保护规划');
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('新收录：赵巷镇农村生活污水处理设施运行维护考核实施方案（试行）');
    const revisions = feed.items.filter((i) => i.url === `${TEST_ORIGIN}/plans/${HISTORY_SLUG}/#history`);
    // Each dated by its commit's day, in China.
    expect(revisions.map((i) => chinaDay(i.updated!))).toEqual(['2026-03-02', '2026-01-10']);
    expect(revisions[0]!.description).toContain('第四条');
    const update = feed.items.find((i) => i.url === `${TEST_ORIGIN}/updates/2026-07-31-putuo-shuiwu-xianzhuang/`);
    // The values it reports are in the entry, for a reader of the feed.
    expect(update?.description).toMatch(/报告的实际值：.*2025年 100%/);
  });

  it('has a feed per place with its plans and the updates about it, linked from its page', () => {
    const putuo = read('/places/shanghai-putuo/feed.xml');
    checkEntries(putuo);
    expect(putuo.items.some((i) => i.url?.endsWith('/updates/2026-07-31-putuo-shuiwu-xianzhuang/'))).toBe(true);
    expect(putuo.items.some((i) => i.url?.endsWith('/updates/2021-10-13-chongming-shuiwu-jizhun/'))).toBe(false);
    // A city's feed holds its districts' entries.
    expect(read('/places/shanghai/feed.xml').items.some((i) => i.url?.endsWith('/updates/2026-07-31-putuo-shuiwu-xianzhuang/'))).toBe(true);
    const head = $$(page('/places/shanghai-putuo/'), 'link[rel="alternate"][type="application/atom+xml"]').map((l) => attr(l, 'href'));
    expect(head).toEqual(['/feed.xml', '/places/shanghai-putuo/feed.xml']);
  });

  it('has a feed per theme with the plans that carry it, linked from its page', () => {
    const water = read('/themes/clear-water/feed.xml');
    checkEntries(water);
    expect(water.items.some((i) => i.url === `${TEST_ORIGIN}/plans/${HISTORY_SLUG}/#history`)).toBe(true);
    const head = $$(page('/themes/clear-water/'), 'link[rel="alternate"][type="application/atom+xml"]').map((l) => attr(l, 'href'));
    expect(head).toContain('/themes/clear-water/feed.xml');
  });
});

describe('updates', () => {
  it('lists every update on /updates/, newest first, and on the plan and place it reports on', () => {
    const list = $$(page('/updates/'), '.update-list > li > a').map((a) => attr(a, 'href'));
    expect(list).toEqual(['/updates/2026-07-31-putuo-shuiwu-xianzhuang/', '/updates/2021-10-13-chongming-shuiwu-jizhun/']);
    expect($$(page('/plans/shanghai-putuo-shuiwu-shiwuwu-guihua/'), '.plan-updates a').map((a) => attr(a, 'href'))).toContain('/updates/2026-07-31-putuo-shuiwu-xianzhuang/');
    expect($$(page('/places/shanghai-putuo/'), '#updates ~ .update-list a, .update-list a').map((a) => attr(a, 'href'))).toContain('/updates/2026-07-31-putuo-shuiwu-xianzhuang/');
  });

  it('shows each reported value beside the targets for that indicator, place and year, and the goal links back', () => {
    const update = page('/updates/2026-07-31-putuo-shuiwu-xianzhuang/');
    const rows = $$(update, '.value-list > li');
    expect(rows.length).toBeGreaterThan(0);
    // 普陀区's sponge-city goal for 2025 is judged against the value this update reports.
    const sponge = rows.find((r) => text(r).includes('海绵城市'));
    expect(sponge && text(sponge)).toMatch(/已达到|未达到/);
    const indicator = page('/goals/sponge.area-share/');
    expect($$(indicator, 'a').map((a) => attr(a, 'href'))).toContain('/updates/2026-07-31-putuo-shuiwu-xianzhuang/');
  });
});
