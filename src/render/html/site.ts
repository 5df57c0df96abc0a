import { readFileSync } from 'node:fs';
import type { SitePlan } from '../../core/export/site-plan.js';
import type { ArchivedRelease } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { feedsPage, indexPage, notFoundPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { pageCount, pagePath } from './paging.js';
import { releasePage } from './release-page.js';
import { foldScript, searchChunkCount, searchChunks, searchMeta } from './search-data.js';
import { robotsTxt, sitemapFileCount, sitemapFiles } from './sitemap.js';

/** One file of the exported site. */
export interface SiteFile {
  path: string;
  /** Text, bytes, or bytes made chunk by chunk while the file is written (long pages). */
  content: string | Uint8Array | Iterable<Uint8Array>;
}

/** The static files shipped with the tool (`assets/` beside this module, copied into dist/ by the build). */
function staticAssets(): SiteFile[] {
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  return [
    { path: 'assets/site.css', content: own('site.css') },
    { path: 'assets/search.js', content: own('search.js') },
  ];
}

/** How many files `siteFiles` yields, for the progress bar. */
export function siteFileCount(plan: SitePlan, baseUrl: string | null = plan.settings.baseUrl): number {
  const listPages = [...plan.years, ...plan.partners].reduce((n, l) => n + pageCount(l.releases.length), 0);
  const pages = 4 + plan.releases.length + listPages;
  return 2 + pages + 1 + plan.langs.length * 2 + 2 + searchChunkCount(plan) + 1 + (baseUrl ? sitemapFileCount(pages) : 0);
}

/**
 * Every file of the site, one at a time, so a large archive never sits in memory as pages.
 * `bodyOf` reads each release's body once (see `bodyReader` in src/core/export/bodies.ts).
 * Long lists are paginated (paging.ts); the search index and sitemaps come as UTF-8 chunks
 * made while they are written.
 */
export function* siteFiles(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string = (r) => r.body): Generator<SiteFile> {
  // Every HTML page but 404.html, in the order written: the sitemap lists them.
  const pages: string[] = [];
  for (const file of contentFiles(plan, baseUrl, bodyOf)) {
    if (file.path.endsWith('.html') && file.path !== '404.html') pages.push(file.path);
    yield file;
  }
  if (baseUrl) yield* sitemapFiles(baseUrl, pages);
  yield { path: 'robots.txt', content: robotsTxt(baseUrl) };
}

/** The site but its sitemap and robots.txt. */
function* contentFiles(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string): Generator<SiteFile> {
  yield* staticAssets();
  yield { path: 'index.html', content: indexPage(plan, baseUrl) };
  yield { path: 'years/index.html', content: overviewPage(plan, 'years', baseUrl) };
  yield { path: 'partners/index.html', content: overviewPage(plan, 'partners', baseUrl) };
  yield { path: 'feeds/index.html', content: feedsPage(plan, baseUrl) };
  for (const r of plan.releases) yield { path: plan.pageOf(r), content: releasePage(plan, r, baseUrl, bodyOf(r)) };
  // Lists of at most PAGE_SIZE releases a page (paging.ts): no page grows with the archive.
  for (const y of plan.years) {
    for (let n = 1; n <= pageCount(y.releases.length); n++) yield { path: pagePath(`years/${y.year}`, n), content: yearPage(plan, y, baseUrl, n) };
  }
  for (const p of plan.partners) {
    for (let n = 1; n <= pageCount(p.releases.length); n++) yield { path: pagePath(`partners/${p.slug}`, n), content: partnerPage(plan, p, baseUrl, n) };
  }
  yield { path: '404.html', content: notFoundPage(plan, baseUrl) };
  const site = { name: plan.settings.name, lang: plan.settings.lang, baseUrl, pageOf: plan.pageOf };
  for (const lang of plan.langs) {
    const inLang = plan.releases.filter((r) => r.lang === lang);
    yield { path: `feeds/${lang}.xml`, content: atomFeed(site, lang, inLang) };
    yield { path: `feeds/${lang}.json`, content: jsonFeed(site, lang, inLang) };
  }
  yield { path: 'search/fold.js', content: foldScript() };
  yield { path: 'search/meta.js', content: searchMeta(plan) };
  yield* searchChunks(plan);
}
