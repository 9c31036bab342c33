/**
 * The Atom feeds (/feed.xml, /places/<slug>/feed.xml, /themes/<id>/feed.xml): one entry per new
 * plan, per revised version of a plan and per progress update, newest first. Written with the
 * `feed` package (dates and the Atom elements are its job, not string templates'). It writes titles
 * and summaries as HTML (type="html" in CDATA), so our plain text is escaped first: a title or a
 * commit message with "<" or "&" reads as written, never as markup.
 *
 * When a plan was published and revised comes from its history (the commits that changed its text,
 * src/history/); a copy without git history dates a plan by the day it was issued.
 */
import { Feed } from 'feed';
import { readableSubject } from '../history/plan-history.ts';
import { buildDay, dateLabel } from '../utils/dates.ts';
import type { PlanRecord } from './plans.ts';
import { updateHref, valueLabel, type UpdateRecord } from './updates.ts';

export interface FeedEntry {
  /** Site path of the entry's page, with a fragment for a revision ("/plans/x/#history"). */
  path: string;
  /** Part of the entry's id after the page's address: a revision's commit, so that each version is its own entry. */
  idSuffix: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  summary: string;
  kind: 'new-plan' | 'revised-plan' | 'update';
  /** The plan the entry is about, if any (for the place and theme feeds). */
  plan: string | null;
  /** The place it concerns, outermost first ("上海市/普陀区" → ["上海市", "普陀区"]). */
  place: string[];
}

/** At most this many entries per feed: readers poll the newest; the pages list the rest. */
export const FEED_LIMIT = 50;

export function planEntries(plan: PlanRecord): FeedEntry[] {
  const h = plan.history;
  const base = { plan: plan.slug, place: plan.placePath };
  const committed = h.versions.filter((v) => v.commit !== null);
  const first = committed.at(-1);
  const published: FeedEntry = {
    ...base,
    path: `/plans/${plan.slug}/`,
    idSuffix: '',
    date: first?.date ?? plan.page.issued ?? buildDay(),
    title: `新收录：${plan.title}`,
    summary: [plan.page.issuer, plan.page.issued && `${dateLabel(plan.page.issued)}印发`].filter(Boolean).join('，') || plan.title,
    kind: 'new-plan',
  };
  const revisions = committed.slice(0, -1).map((v, i): FeedEntry => {
    const changed = i === 0 && h.latest?.date === v.date ? h.latest : null;
    const what = changed
      ? `改动 ${changed.sections.length} 节：${changed.sections.slice(0, 8).map((s) => `${s.path.at(-1) ?? ''}${s.before === null ? '（新增）' : ''}`).join('；')}${changed.sections.length > 8 ? '……' : ''}${changed.removed.length ? `；删去 ${changed.removed.length} 节` : ''}。`
      : '本站收录的规划文本有更新。';
    return {
      ...base,
      path: `/plans/${plan.slug}/#history`,
      idSuffix: v.commit ?? v.date,
      date: v.date,
      title: `文本更新：${plan.title}`,
      summary: `${readableSubject(v.subject) ? `${v.subject}。` : ''}${what}`,
      kind: 'revised-plan',
    };
  });
  return [published, ...revisions];
}

/** `names`: indicator id → name, for the values an update reports ("森林覆盖率 2025年 19.46%"). */
export function updateEntry(u: UpdateRecord, names: ReadonlyMap<string, string> = new Map()): FeedEntry {
  const values = u.update.values.length
    ? `报告的实际值：${u.update.values.map((v) => valueLabel(v, names, true)).join('；')}。`
    : '';
  return {
    path: updateHref(u.id),
    idSuffix: '',
    date: u.update.date,
    title: `进展：${u.update.title}`,
    summary: `${u.update.place.split('/').join(' ')}，来源：${u.update.source.title}。${values}`,
    kind: 'update',
    plan: u.update.plan ?? null,
    place: u.update.place.split('/'),
  };
}

/** Newest first; on the same day updates, then revisions, then new plans; then by path. */
export function byNewest(a: FeedEntry, b: FeedEntry): number {
  const order = { update: 0, 'revised-plan': 1, 'new-plan': 2 } as const;
  return b.date.localeCompare(a.date) || order[a.kind] - order[b.kind] || a.path.localeCompare(b.path) || a.idSuffix.localeCompare(b.idSuffix);
}

/** Plain text as HTML text: & < > and quotes as entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An entry's date as a time: the start of that day in China. */
const instant = (day: string) => new Date(`${day}T00:00:00+08:00`);

export interface FeedOptions {
  /** The site's address (astro.config's `site`, from SITE_URL). */
  origin: URL;
  title: string;
  description: string;
  /** The page the feed follows ("/places/putuo/") and the feed's own path ("/places/putuo/feed.xml"). */
  page: string;
  self: string;
}

/** The Atom document of `entries` (any order; the newest FEED_LIMIT are kept). */
export function atom(entries: readonly FeedEntry[], o: FeedOptions): string {
  const abs = (path: string) => new URL(path, o.origin).href;
  const kept = [...entries].sort(byNewest).slice(0, FEED_LIMIT);
  const feed = new Feed({
    title: o.title,
    description: o.description,
    id: abs(o.page),
    link: abs(o.page),
    language: 'zh-CN',
    copyright: '规划文本为政府公文，依《中华人民共和国著作权法》第五条不适用著作权法。',
    // The newest entry's day, not the build's: a feed that did not change keeps its date.
    updated: instant(kept[0]?.date ?? buildDay()),
    generator: 'feed (npm)',
    // Atom requires an author of the feed or of every entry (RFC 4287, 4.1.1).
    author: { name: '生态环境保护规划公开阅读', link: abs('/') },
    feedLinks: { atom: abs(o.self) },
  });
  for (const e of kept) {
    const link = abs(e.path);
    feed.addItem({
      title: escapeHtml(e.title),
      id: e.idSuffix ? `${link.replace(/#.*$/, '')}#v-${e.idSuffix}` : link,
      link,
      date: instant(e.date),
      description: escapeHtml(e.summary),
    });
  }
  return feed.atom1();
}
