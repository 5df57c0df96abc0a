import { utf8Chunks } from '../../core/export/utf8.js';
import type { SiteFile } from './site-file.js';
import { absoluteUrl, esc } from './escape.js';

/** URLs a sitemap file may hold (sitemaps.org); past it `sitemap.xml` becomes an index. */
export const SITEMAP_MAX = 50_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** How many files `sitemapFiles` writes for `pages` pages. */
export function sitemapFileCount(pages: number): number {
  return pages <= SITEMAP_MAX ? 1 : 1 + Math.ceil(pages / SITEMAP_MAX);
}

function* urlset(baseUrl: string, paths: string[]): Generator<string> {
  yield `${HEAD}<urlset xmlns="${NS}">\n`;
  // A line per page, gathered a few hundred at a time: 50,000 URLs are ~4 MB.
  for (let from = 0; from < paths.length; from += 500) {
    yield paths
      .slice(from, from + 500)
      .map((p) => `<url><loc>${esc(absoluteUrl(baseUrl, p))}</loc></url>\n`)
      .join('');
  }
  yield '</urlset>\n';
}

/**
 * `sitemap.xml` listing every page, in the order the site writes them (deterministic); past
 * SITEMAP_MAX pages it is a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, …
 * No `lastmod`: the export knows when a release happened, not when its page changed.
 */
export function* sitemapFiles(baseUrl: string, paths: string[]): Generator<SiteFile> {
  if (paths.length <= SITEMAP_MAX) {
    yield { path: 'sitemap.xml', content: utf8Chunks(urlset(baseUrl, paths)) };
    return;
  }
  const parts: string[] = [];
  for (let from = 0, n = 1; from < paths.length; from += SITEMAP_MAX, n++) {
    const name = `sitemap-${n}.xml`;
    parts.push(name);
    yield { path: name, content: utf8Chunks(urlset(baseUrl, paths.slice(from, from + SITEMAP_MAX))) };
  }
  yield {
    path: 'sitemap.xml',
    content: `${HEAD}<sitemapindex xmlns="${NS}">\n${parts.map((p) => `<sitemap><loc>${esc(absoluteUrl(baseUrl, p))}</loc></sitemap>\n`).join('')}</sitemapindex>\n`,
  };
}

/** `robots.txt`: everything may be crawled; the sitemap named when there is a base URL. */
export function robotsTxt(baseUrl: string | null): string {
  return `User-agent: *\nAllow: /\n${baseUrl ? `Sitemap: ${absoluteUrl(baseUrl, 'sitemap.xml')}\n` : ''}`;
}
