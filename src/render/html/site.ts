import { readFileSync } from 'node:fs';
import type { SitePlan } from '../../core/export/site-plan.js';
import { utf8Chunks } from '../../core/export/utf8.js';
import type { ArchivedRelease, CalendarDate } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { icsCalendar } from '../ics.js';
import { eventsPage } from './events-page.js';
import { languageName } from './strings.js';
import { feedsPage, indexPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { releasePage } from './release-page.js';
import { foldScript, searchChunkCount, searchChunks, searchMeta } from './search-data.js';

/** One file of the exported site. */
export interface SiteFile {
  path: string;
  /** Text, bytes, or bytes made chunk by chunk while the file is written (long pages). */
  content: string | Uint8Array | Iterable<Uint8Array>;
}

/** The static files shipped with the tool (`assets/` beside this module, copied into dist/ by the build). */
const ASSETS = ['site.css', 'search.js', 'events.css'];

/** A group of the site's files: how many there are, and the files, made one at a time. */
interface SitePart {
  count: number;
  files(): Iterable<SiteFile>;
}

/** A part with one file per item. */
function each<T>(items: readonly T[], file: (item: T) => SiteFile): SitePart {
  return { count: items.length, *files() { for (const item of items) yield file(item); } };
}

/** The site in parts, in the order they are written; nothing is made until `files()` runs. */
function siteParts(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string, today: CalendarDate | null): SitePart[] {
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  const site = { name: plan.settings.name, lang: plan.settings.lang, baseUrl, pageOf: plan.pageOf };
  const inLang = (lang: string) => plan.releases.filter((r) => r.lang === lang);
  const pages: [string, () => SiteFile['content']][] = [
    ['index.html', () => indexPage(plan, baseUrl)],
    ['years/index.html', () => overviewPage(plan, 'years', baseUrl)],
    ['partners/index.html', () => overviewPage(plan, 'partners', baseUrl)],
    ['feeds/index.html', () => feedsPage(plan, baseUrl)],
  ];
  const feeds = plan.langs.flatMap((lang): [string, () => SiteFile['content']][] => [
    [`feeds/${lang}.xml`, () => atomFeed(site, lang, inLang(lang))],
    [`feeds/${lang}.json`, () => jsonFeed(site, lang, inLang(lang))],
  ]);
  const events = plan.events.flatMap((scope): [string, () => SiteFile['content']][] => {
    const name = scope.lang ? `${plan.settings.name} (${languageName(scope.lang)})` : plan.settings.name;
    return [
      ...scope.pages.map((page, i): [string, () => SiteFile['content']] => [page.path, () => eventsPage(plan, scope, i, baseUrl, today)]),
      [scope.ics, () => utf8Chunks(icsCalendar({ name, baseUrl, pageOf: plan.pageOf }, scope.releases))],
    ];
  });
  const searchFiles: [string, () => SiteFile['content']][] = [
    ['search/fold.js', () => foldScript()],
    ['search/meta.js', () => searchMeta(plan)],
  ];
  const made = ([path, content]: [string, () => SiteFile['content']]): SiteFile => ({ path, content: content() });
  return [
    each(ASSETS, (name) => ({ path: `assets/${name}`, content: own(name) })),
    each(pages, made),
    each(plan.releases, (r) => ({ path: plan.pageOf(r), content: releasePage(plan, r, baseUrl, bodyOf(r)) })),
    each(plan.years, (y) => ({ path: `years/${y.year}.html`, content: utf8Chunks(yearPage(plan, y, baseUrl)) })),
    each(plan.partners, (p) => ({ path: `partners/${p.slug}.html`, content: utf8Chunks(partnerPage(plan, p, baseUrl)) })),
    each(feeds, made),
    each(events, made),
    each(searchFiles, made),
    { count: searchChunkCount(plan), files: () => searchChunks(plan) },
    each([{ path: 'robots.txt', content: 'User-agent: *\nAllow: /\n' }], (f) => f),
  ];
}

/** How many files `siteFiles` yields, for the progress bar (counted from the same parts, without making them). */
export function siteFileCount(plan: SitePlan): number {
  return siteParts(plan, null, (r) => r.body, null).reduce((n, part) => n + part.count, 0);
}

/**
 * Every file of the site, one at a time, so a large archive never sits in memory as pages.
 * `bodyOf` reads each release's body once (see `bodyReader` in src/core/export/bodies.ts).
 * Pages that list many releases come as UTF-8 chunks made while they are written.
 * `today` (the day of the export) tells past events from upcoming ones; without it the
 * events pages do not tell.
 */
export function* siteFiles(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string = (r) => r.body, today: CalendarDate | null = null): Generator<SiteFile> {
  for (const part of siteParts(plan, baseUrl, bodyOf, today)) yield* part.files();
}
