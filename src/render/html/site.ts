import { readFileSync } from 'node:fs';
import type { SitePartner, SitePlan, SiteYear } from '../../core/export/site-plan.js';
import { utf8Chunks } from '../../core/export/utf8.js';
import { NO_MEDIA, type ReleaseMedia } from '../../core/media/library.js';
import type { SiteContent, SiteFile } from './site-file.js';
import { sitePathOf } from '../../core/media/site-path.js';
import type { ArchivedRelease, CalendarDate } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { icsCalendar } from '../ics.js';
import { eventsPage } from './events-page.js';
import { languageName } from './strings.js';
import { feedsPage, indexPage, notFoundPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { pageCount, pagePath } from './paging.js';
import { releasePageKey } from './page-key.js';
import { releasePage } from './release-page.js';
import { searchEngineScript } from './search-bundle.js';
import { SearchCollector } from './search-data.js';
import { searchPage } from './search-page.js';
import { robotsTxt, sitemapFileCount, sitemapFiles } from './sitemap.js';

export type { SiteContent, SiteFile } from './site-file.js';

/** Finds the files of a release from its body (see MediaLibrary in src/core/media/library.ts). */
export type MediaOf = (r: ArchivedRelease, body: string) => ReleaseMedia;

/** What a site may be given beyond its plan: the files of releases, and the day of the export. */
export interface SiteExtras {
  mediaOf?: MediaOf;
  /** Tells past events from upcoming ones; without it the events pages do not tell. */
  today?: CalendarDate | null;
  /** The size and mtime of a release's file, when the index knows them: release pages are then keyed (see `releasePageKey`). */
  stampOf?: (path: string) => string | undefined;
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
  return {
    count: items.length,
    *files() {
      for (const item of items) yield file(item);
    },
  };
}

/** The site in parts, in the order they are written; nothing is made until `files()` runs. */
function siteParts(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string, extra: SiteExtras = {}): SitePart[] {
  const { mediaOf, today = null, stampOf } = extra;
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  // Filled as release pages are made; the feeds, made later, read it.
  const withMedia = new Map<ArchivedRelease, ReleaseMedia>();
  const site = {
    name: plan.settings.name,
    lang: plan.settings.lang,
    baseUrl,
    pageOf: plan.pageOf,
    mediaOf: (r: ArchivedRelease) => withMedia.get(r) ?? NO_MEDIA,
  };
  const inLang = (lang: string) => plan.releases.filter((r) => r.lang === lang);
  const pages: [string, () => SiteContent][] = [
    ['index.html', () => indexPage(plan, baseUrl)],
    ['years/index.html', () => overviewPage(plan, 'years', baseUrl)],
    ['partners/index.html', () => overviewPage(plan, 'partners', baseUrl)],
    ['feeds/index.html', () => feedsPage(plan, baseUrl)],
    ['search.html', () => searchPage(plan, baseUrl)],
  ];
  const feeds = plan.langs.flatMap((lang): [string, () => SiteContent][] => [
    [`feeds/${lang}.xml`, () => atomFeed(site, lang, inLang(lang))],
    [`feeds/${lang}.json`, () => jsonFeed(site, lang, inLang(lang))],
  ]);
  const events = plan.events.flatMap((scope): [string, () => SiteContent][] => {
    const name = scope.lang ? `${plan.settings.name} (${languageName(scope.lang)})` : plan.settings.name;
    return [
      ...scope.pages.map((page, i): [string, () => SiteContent] => [page.path, () => eventsPage(plan, scope, i, baseUrl, today)]),
      [scope.ics, () => utf8Chunks(icsCalendar({ name, baseUrl, pageOf: plan.pageOf }, scope.releases))],
    ];
  });
  const search = new SearchCollector(plan);
  const made = ([path, content]: [string, () => SiteContent]): SiteFile => ({ path, content: content() });
  return [
    each(ASSETS, (name) => ({ path: `assets/${name}`, content: own(name) })),
    each(['assets/search-engine.js'], (path) => ({ path, content: searchEngineScript() })),
    each(pages, made),
    releasePages(plan, baseUrl, bodyOf, { mediaOf, stampOf }, withMedia, search),
    // Lists of at most PAGE_SIZE releases a page (paging.ts): no page grows with the archive.
    each(listPages(plan), ({ list, n }) => ({
      path: pagePath('year' in list ? `years/${list.year}` : `partners/${list.slug}`, n),
      content: 'year' in list ? yearPage(plan, list, baseUrl, n) : partnerPage(plan, list, baseUrl, n),
    })),
    each([{ path: '404.html', content: notFoundPage(plan, baseUrl) }], (f) => f),
    each(feeds, made),
    each(events, made),
    // Term shards and long posting lists: about one per 8 releases at 10k (an estimate; the
    // rest of the count is exact).
    { count: Math.ceil(plan.releases.length / 8) + plan.partners.length + 2, files: () => search.files() },
  ];
}

/** Every page of every year and partner list, in order. */
function listPages(plan: SitePlan): { list: SiteYear | SitePartner; n: number }[] {
  return [...plan.years, ...plan.partners].flatMap((list) =>
    Array.from({ length: pageCount(list.releases.length) }, (_, i) => ({ list, n: i + 1 })),
  );
}

/**
 * The release pages, each followed by its search fragment and the files of the archive it
 * refers to that are not in the site yet (each file goes in once, however many releases
 * refer to it). Pages and fragments are counted: the files are known once the bodies are read.
 */
function releasePages(
  plan: SitePlan,
  baseUrl: string | null,
  bodyOf: (r: ArchivedRelease) => string,
  { mediaOf, stampOf }: SiteExtras,
  withMedia: Map<ArchivedRelease, ReleaseMedia>,
  search: SearchCollector,
): SitePart {
  return {
    count: plan.releases.length * 2,
    *files() {
      const placed = new Set<string>();
      for (const r of plan.releases) {
        const body = bodyOf(r);
        const media = mediaOf?.(r, body) ?? NO_MEDIA;
        if (media !== NO_MEDIA) withMedia.set(r, media);
        const stamp = stampOf?.(r.path);
        if (stamp === undefined) yield { path: plan.pageOf(r), content: releasePage(plan, r, baseUrl, body, media) };
        else
          yield {
            path: plan.pageOf(r),
            key: releasePageKey(plan, r, `${stamp}\0${mediaStamp(media)}`),
            get content() {
              return releasePage(plan, r, baseUrl, body, media);
            },
          };
        yield search.add(r, body);
        for (const f of media.files) {
          const at = sitePathOf(f.path);
          if (placed.has(at)) continue;
          placed.add(at);
          yield { path: at, from: f };
        }
      }
    },
  };
}

/** What a release page shows of its files: each reference's file (by its bytes' hash) or refusal. */
function mediaStamp(media: ReleaseMedia): string {
  return media.refs
    .map(({ ref, file, refusal }) => (file ? `${file.path}:${file.sha256}:${ref.alt ?? ''}` : `!${ref.target}:${refusal?.code ?? ''}`))
    .join('\n');
}

/** How many files `siteFiles` yields, for the progress bar (counted from the same parts, without making them; files of the archive placed in the site not counted, search shards estimated). */
export function siteFileCount(plan: SitePlan, baseUrl: string | null = plan.settings.baseUrl): number {
  const files = siteParts(plan, baseUrl, (r) => r.body).reduce((n, part) => n + part.count, 0);
  const htmlPages = 5 + plan.releases.length + listPages(plan).length + plan.events.reduce((n, scope) => n + scope.pages.length, 0);
  return files + 1 + (baseUrl ? sitemapFileCount(htmlPages) : 0);
}

/**
 * Every file of the site, one at a time, so a large archive never sits in memory as pages.
 * `bodyOf` reads each release's body once (see `bodyReader` in src/core/export/bodies.ts).
 * Long lists are paginated (paging.ts); the search index and sitemaps come as UTF-8 chunks
 * made while they are written.
 */
export function* siteFiles(
  plan: SitePlan,
  baseUrl: string | null,
  bodyOf: (r: ArchivedRelease) => string = (r) => r.body,
  extra: SiteExtras = {},
): Generator<SiteFile> {
  // Every HTML page but 404.html, in the order written: the sitemap lists them.
  const pages: string[] = [];
  for (const part of siteParts(plan, baseUrl, bodyOf, extra)) {
    for (const file of part.files()) {
      if (file.path.endsWith('.html') && file.path !== '404.html') pages.push(file.path);
      yield file;
    }
  }
  if (baseUrl) yield* sitemapFiles(baseUrl, pages);
  yield { path: 'robots.txt', content: robotsTxt(baseUrl) };
}
