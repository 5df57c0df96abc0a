import { readFileSync } from 'node:fs';
import type { SitePartner, SitePlan, SiteYear } from '../../core/export/site-plan.js';
import { utf8Chunks } from '../../core/export/utf8.js';
import { NO_MEDIA, type ReleaseMedia } from '../../core/media/library.js';
import type { SiteContent, SiteExtras, SiteFile } from './site-file.js';
import type { ArchivedRelease } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { icsCalendar } from '../ics.js';
import { eventsPage } from './events-page.js';
import { languageName } from './strings.js';
import { feedsPage, indexPage, notFoundPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { pageCount, pagePath } from './paging.js';
import { releasePageFiles } from './release-pages.js';
import { digest, SiteKeys } from './site-keys.js';
import { searchEngineScript } from './search-bundle.js';
import { FRAGMENTS_PER_FILE } from '../../core/search/site-files.js';
import { SearchCollector } from './search-data.js';
import { searchPage } from './search-page.js';
import { siteFacts } from './site-update.js';
import { robotsTxt, sitemapFileCount, sitemapFiles } from './sitemap.js';

export type { MediaOf, SiteContent, SiteExtras, SiteFile, SiteMemory } from './site-file.js';

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

/** A file made only when its content is asked for (a kept one never is). */
function lazy(path: string, key: string | undefined, content: () => SiteContent): SiteFile {
  return {
    path,
    key,
    get content() {
      return content();
    },
  };
}

/** The site in parts, in the order they are written; nothing is made until `files()` runs. */
function siteParts(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string, extra: SiteExtras = {}): SitePart[] {
  const { mediaOf, today = null, stampOf } = extra;
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  // Filled as release pages are made; the feeds, made later, read it (or find the files of a kept page's release then).
  const withMedia = new Map<ArchivedRelease, ReleaseMedia>();
  const pageKeys = new Map<ArchivedRelease, string>();
  // Keys only when every release has one: a derived file's key covers all the releases it shows.
  const keyed = stampOf !== undefined && plan.releases.every((r) => stampOf(r.path) !== undefined);
  const keys = new SiteKeys(plan, (r) => pageKeys.get(r) ?? '');
  const site = {
    name: plan.settings.name,
    lang: plan.settings.lang,
    baseUrl,
    pageOf: plan.pageOf,
    mediaOf: (r: ArchivedRelease) => withMedia.get(r) ?? (mediaOf ? mediaOf(r, bodyOf(r)) : NO_MEDIA),
  };
  const inLang = (lang: string) => plan.releases.filter((r) => r.lang === lang);
  const ownKeys = keyed ? keys.pages() : new Map<string, string>();
  const pages: [string, () => SiteContent][] = [
    ['index.html', () => indexPage(plan, baseUrl)],
    ['years/index.html', () => overviewPage(plan, 'years', baseUrl)],
    ['partners/index.html', () => overviewPage(plan, 'partners', baseUrl)],
    ['feeds/index.html', () => feedsPage(plan, baseUrl)],
    ['search.html', () => searchPage(plan, baseUrl)],
  ];
  const feeds = plan.langs.flatMap((lang): [string, () => SiteContent, () => string][] => [
    [`feeds/${lang}.xml`, () => atomFeed(site, lang, inLang(lang)), () => keys.feed('atom', lang, inLang(lang))],
    [`feeds/${lang}.json`, () => jsonFeed(site, lang, inLang(lang)), () => keys.feed('json', lang, inLang(lang))],
  ]);
  const events = plan.events.flatMap((scope): [string, () => SiteContent, () => string][] => {
    // Named when made (a language's name comes from Intl: not for a kept calendar, nor when counting).
    const name = () => (scope.lang ? `${plan.settings.name} (${languageName(scope.lang)})` : plan.settings.name);
    return [
      ...scope.pages.map((page, i): [string, () => SiteContent, () => string] => [
        page.path,
        () => eventsPage(plan, scope, i, baseUrl, today),
        () => keys.events(scope, i, today),
      ]),
      [scope.ics, () => utf8Chunks(icsCalendar({ name: name(), baseUrl, pageOf: plan.pageOf }, scope.releases)), () => keys.ics(scope)],
    ];
  });
  // Made when the release pages are (siteFileCount only counts: 10k releases' document numbers spared).
  let collector: SearchCollector | undefined;
  const search = () => (collector ??= new SearchCollector(plan, extra.earlierDir ? { dir: extra.earlierDir } : null, bodyOf));
  const made = ([path, content]: [string, () => SiteContent]): SiteFile => lazy(path, ownKeys.get(path), content);
  const derived = ([path, content, key]: [string, () => SiteContent, () => string]) => lazy(path, keyed ? key() : undefined, content);
  return [
    each(ASSETS, (name) => ({ path: `assets/${name}`, content: own(name) })),
    each(['assets/search-engine.js'], (path) => ({ path, content: searchEngineScript() })),
    each(pages, made),
    {
      count: plan.releases.length + Math.ceil(plan.releases.length / FRAGMENTS_PER_FILE),
      files: () => releasePageFiles(plan, baseUrl, bodyOf, extra, { withMedia, pageKeys }, search()),
    },
    // Lists of at most PAGE_SIZE releases a page (paging.ts): no page grows with the archive.
    each(listPages(plan), ({ list, n }) =>
      lazy(pagePath('year' in list ? `years/${list.year}` : `partners/${list.slug}`, n), keyed ? keys.list(list, n) : undefined, () =>
        'year' in list ? yearPage(plan, list, baseUrl, n) : partnerPage(plan, list, baseUrl, n),
      ),
    ),
    each([['404.html', () => notFoundPage(plan, baseUrl)] as [string, () => SiteContent]], made),
    each(feeds, derived),
    each(events, derived),
    // Term shards and long posting lists: about one per 8 releases at 10k (an estimate; the
    // rest of the count is exact).
    { count: Math.ceil(plan.releases.length / 8) + plan.partners.length + 2, files: () => search().files() },
    // Nothing to write: the facts an update that changes bodies only starts from (site-update.ts), for the marker.
    {
      count: 0,
      files() {
        if (keyed) extra.memory?.noteFacts?.(siteFacts(plan, keys, stampOf, today));
        return [];
      },
    },
  ];
}

/** Every page of every year and partner list, in order. */
function listPages(plan: SitePlan): { list: SiteYear | SitePartner; n: number }[] {
  return [...plan.years, ...plan.partners].flatMap((list) =>
    Array.from({ length: pageCount(list.releases.length) }, (_, i) => ({ list, n: i + 1 })),
  );
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
      if (file.key === undefined || !extra.memory?.keep(file.path, file.key)) yield file;
    }
  }
  if (baseUrl) {
    // Keyed by the pages they list (the base URL is in the site key); made only when written.
    const key = extra.stampOf ? digest(pages) : undefined;
    for (const file of sitemapFiles(baseUrl, pages)) {
      const k = key && `${key}:${file.path}`;
      if (k === undefined || !extra.memory?.keep(file.path, k)) yield { ...file, key: k } as SiteFile;
    }
  }
  yield { path: 'robots.txt', content: robotsTxt(baseUrl) };
}
