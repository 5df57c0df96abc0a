import { hash } from 'node:crypto';
import type { EventScope } from '../../core/export/events-plan.js';
import type { SitePartner, SitePlan, SiteYear } from '../../core/export/site-plan.js';
import type { ArchivedRelease, CalendarDate } from '../../core/types.js';
import { FEED_SIZE } from '../feeds.js';
import { INDEX_LATEST } from './pages.js';
import { pageCount, pageItems } from './paging.js';

/**
 * The keys of the site's derived files (lists, index, overviews, feeds, events, sitemap): a
 * hash of every input a file's bytes depend on beyond the site key (tool, settings, base URL;
 * see page-key.ts). An update keeps a file whose key is unchanged without making it. A key
 * may say more than the file shows (then the file is made again for nothing), never less.
 */
export class SiteKeys {
  private readonly metas = new Map<ArchivedRelease, string>();
  private readonly frame: string;
  private shapeKey: string | undefined;

  constructor(
    private readonly plan: SitePlan,
    /** A release page's key (its file, media, links: see `releasePageKey`). */
    private readonly pageKeyOf: (r: ArchivedRelease) => string,
  ) {
    // Every page's frame links the feeds of each language.
    this.frame = plan.langs.join(',');
  }

  /**
   * Every front-matter field of a release and its page (no body): what any list, event page
   * or calendar shows of it (today: title, link, period, place, language, summary, partners).
   */
  meta(r: ArchivedRelease): string {
    let m = this.metas.get(r);
    if (m === undefined) {
      // Hashed once: lists, events pages and calendars name each release many times over.
      m = hash(
        'sha1',
        JSON.stringify([
          r.id,
          r.path,
          this.plan.pageOf(r),
          r.title,
          r.lang,
          r.date,
          r.period,
          r.event,
          r.summary,
          r.partners,
          r.people,
          r.tags,
        ]),
        'base64url',
      );
      this.metas.set(r, m);
    }
    return m;
  }

  private partner(p: SitePartner): string {
    return JSON.stringify([p.slug, p.id, p.name, p.aliases, p.releases.length]);
  }

  /** What the index, overviews and search page show of the whole archive: counts, years, partners, every period (charts). */
  private shape(): string {
    if (this.shapeKey === undefined) {
      const { plan } = this;
      const parts = [this.frame, String(plan.releases.length)];
      for (const y of plan.years) parts.push(`${y.year}:${y.releases.length}`);
      for (const p of plan.partners) parts.push(this.partner(p));
      // Months and the timeline's links (which page of a year holds a month) follow from the periods, in order.
      for (const r of plan.releases) parts.push(`${r.period.start}/${r.period.end}`);
      this.shapeKey = digest(parts);
    }
    return this.shapeKey;
  }

  /** Keys of the site's own pages by path: index, overviews, feeds page, search page, 404. */
  pages(): Map<string, string> {
    const { plan } = this;
    const latest = plan.releases.slice(0, INDEX_LATEST).map((r) => this.meta(r));
    return new Map([
      ['index.html', digest(['index', this.shape(), ...latest])],
      ['years/index.html', digest(['years', this.shape()])],
      ['partners/index.html', digest(['partners', this.shape()])],
      ['feeds/index.html', digest(['feeds', this.frame])],
      ['search.html', digest(['search', this.shape()])],
      ['404.html', digest(['404', this.frame])],
    ]);
  }

  /** Page `n` of a year or partner list: the list, its neighbours (years), the items on the page. */
  list(list: SiteYear | SitePartner, n: number): string {
    const parts = [this.frame, String(n), String(pageCount(list.releases.length)), String(list.releases.length)];
    if ('year' in list) {
      const i = this.plan.years.indexOf(list);
      parts.push('year', list.year, this.plan.years[i + 1]?.year ?? '', this.plan.years[i - 1]?.year ?? '');
    } else parts.push('partner', this.partner(list));
    for (const r of pageItems(list.releases, n)) parts.push(this.meta(r));
    return digest(parts);
  }

  /** An Atom or JSON feed: the newest releases of a language, whole (body and files, through their page keys). */
  feed(kind: 'atom' | 'json', lang: string, releases: ArchivedRelease[]): string {
    return digest([kind, lang, ...releases.slice(0, FEED_SIZE).map((r) => `${this.meta(r)}\0${this.pageKeyOf(r)}`)]);
  }

  /** Page `i` of a scope's events calendar on `today`: every scope's link and count, the scope's pages and months, its events. */
  events(scope: EventScope, i: number, today: CalendarDate | null): string {
    const parts = ['events', this.frame, today ?? '', String(i)];
    for (const s of this.plan.events) parts.push(`${s.lang}:${s.pages[0].path}:${s.releases.length}`);
    for (const p of scope.pages) parts.push(p.path, ...p.months.map((m) => m.month));
    for (const m of scope.pages[i].months) for (const r of m.releases) parts.push(this.meta(r));
    if (i === 0 && today) for (const r of scope.releases) if (r.event.end >= today) parts.push(this.meta(r));
    return digest(parts);
  }

  /** A scope's `.ics` file: its events. */
  ics(scope: EventScope): string {
    return digest(['ics', scope.lang ?? '', ...scope.releases.map((r) => this.meta(r))]);
  }
}

/** A key of a list of parts. */
export function digest(parts: string[]): string {
  return hash('sha1', parts.join('\0'), 'base64url');
}
