import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/core/export/site-plan.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { labelTiers, niceScale, timelineChart } from '../../src/render/html/charts.js';
import { indexPage, notFoundPage, partnerPage, yearPage } from '../../src/render/html/pages.js';
import { PAGE_SIZE, pageCount, pagePath, pagerNumbers } from '../../src/render/html/paging.js';
import { siteFileCount, siteFiles } from '../../src/render/html/site.js';
import { robotsTxt, SITEMAP_MAX, sitemapFiles } from '../../src/render/html/sitemap.js';
import { ui } from '../../src/render/html/strings.js';
import { textOf } from '../helpers/content.js';
import { archived, registry, settings } from '../helpers/release.js';

function release(n: number, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const date = `2018-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  return archived({ id: `r${n}`, title: `Release ${n}`, date, partners: ['ОБСЕ'] }, over);
}
const byDate = (rs: ArchivedRelease[]) =>
  [...rs].sort((a, b) => (a.period.start < b.period.start ? 1 : a.period.start > b.period.start ? -1 : a.path < b.path ? -1 : 1));
const hrefs = (html: string) => [...html.matchAll(/<li><a href="([^"]*r\/[^"]+)">/g)].map((m) => m[1]);

describe('pagination', () => {
  const plan = planSite({ settings, registry }, byDate(Array.from({ length: 237 }, (_, i) => release(i))));
  const year = plan.years[0]!;

  it('splits a year into pages of PAGE_SIZE that list every release once, in order', () => {
    const total = pageCount(year.releases.length);
    expect(total).toBe(3);
    const pages = Array.from({ length: total }, (_, i) => yearPage(plan, year, null, i + 1));
    const listed = pages.flatMap((html, i) => hrefs(html).map((h) => h.replace(i ? '../../' : '../', '')));
    expect(listed).toEqual(year.releases.map((r) => plan.pageOf(r)));
    expect(hrefs(pages[0]!)).toHaveLength(PAGE_SIZE);
    expect(hrefs(pages[2]!)).toHaveLength(37);
  });

  it('links pages with rel prev/next, in <head> and in a visible pager, with paths relative to each page', () => {
    const first = yearPage(plan, year, 'https://example.org/site/', 1);
    const middle = yearPage(plan, year, 'https://example.org/site/', 2);
    const last = yearPage(plan, year, null, 3);
    expect(first).toContain('<link rel="canonical" href="https://example.org/site/years/2018.html">');
    expect(first).toContain('<link rel="next" href="../years/2018/2.html">');
    expect(first).not.toContain('rel="prev"');
    expect(middle).toContain('<link rel="canonical" href="https://example.org/site/years/2018/2.html">');
    expect(middle).toContain('<link rel="prev" href="../../years/2018.html">');
    expect(middle).toContain('<link rel="next" href="../../years/2018/3.html">');
    expect(middle).toContain('<a href="../../years/2018/2.html" aria-current="page">2</a>');
    expect(middle).toContain('<link rel="stylesheet" href="../../assets/site.css">');
    expect(middle).toContain('<title>Соопштенија од 2018 (Страница 2 од 3) — Архива</title>');
    expect(last).toContain('<a href="../../years/2018/2.html" rel="prev">← Понови</a>');
    expect(last).not.toContain('rel="next"');
    expect(last).not.toContain('rel="canonical"');
    const partner = partnerPage(plan, plan.partners[0]!, null, 2);
    expect(partner).toContain('<link rel="prev" href="../../partners/osce-skopje.html">');
  });

  it('keeps one page for short lists, with no pager', () => {
    const small = planSite({ settings, registry }, [release(1)]);
    expect(yearPage(small, small.years[0]!, null)).not.toMatch(/rel="(prev|next)"|class="pagination"/);
  });

  it('shows the first, the last and two pages around the current one', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(6, 45)).toEqual([1, 0, 4, 5, 6, 7, 8, 0, 45]);
    expect(pagerNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagePath('years/2015', 1)).toBe('years/2015.html');
    expect(pagePath('years/2015', 12)).toBe('years/2015/12.html');
  });
});

describe('charts', () => {
  it('use a nice scale: 1, 2 or 5 × 10ⁿ steps, at most five, never below 0–5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (max) => {
        const { top, step } = niceScale(max);
        expect(top).toBeGreaterThanOrEqual(Math.max(max, 5));
        expect(top / step).toBeLessThanOrEqual(5);
        expect(top % step).toBe(0);
        expect(String(step)).toMatch(/^[125]0*$/);
      }),
    );
    expect(niceScale(1)).toEqual({ top: 5, step: 1 });
    expect(niceScale(92)).toEqual({ top: 100, step: 20 });
  });

  it('label every year that fits: all of 5 years, every 5th of 22 on a phone', () => {
    expect([2018, 2019, 2020, 2021, 2022].map((y) => labelTiers(y, 5))).toEqual(Array(5).fill('t-n t-m t-w'));
    expect(labelTiers(2015, 22)).toContain('t-n');
    expect(labelTiers(2016, 22)).not.toContain('t-n');
    expect(labelTiers(2017, 22)).toBe('t-w');
  });

  it('draw a timeline without viewBox, each bar titled with its count and linked to its year', () => {
    const t = ui('en');
    const html = timelineChart(
      [
        { month: '2018-10', count: 3 },
        { month: '2018-11', count: 0 },
        { month: '2018-12', count: 1 },
      ],
      t,
      'en',
      {
        month: (m) => `years/${m.slice(0, 4)}.html#${m}`,
        year: (y) => `years/${y}.html`,
      },
    );
    expect(html).not.toContain('viewBox');
    expect(html).toContain('<a href="years/2018.html#2018-10" tabindex="-1"><title>October 2018: 3</title>');
    expect(html).toContain('<title>December 2018: 1</title>');
    expect(html.match(/<title>/g)).toHaveLength(2);
    expect(html.match(/class="tick">/g)).toHaveLength(6); // 0–5
    expect(html).toContain('<svg class="plot by-month" height="200" aria-hidden="true"');
    expect(html).not.toContain('by-year');
    // The table: one row for 2018, January to December, then the total.
    expect(html).toContain('<tr><th scope="row"><a href="years/2018.html">2018</a></th><td>0</td>');
    expect(html).toContain('<td>3</td><td>0</td><td>1</td><td>4</td></tr>');
  });

  it('add a bar per year for phones past ten years', () => {
    const months = Array.from({ length: 11 * 12 }, (_, i) => ({
      month: `${2005 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      count: i % 12 === 0 ? 2 : 0,
    }));
    const html = timelineChart(months, ui('en'), 'en', { month: (m) => `m/${m}`, year: (y) => `years/${y}.html` });
    expect(html).toContain(
      '<figure class="chart timeline dense"><figcaption><span class="by-month">Releases per month</span><span class="by-year">Releases per year</span>',
    );
    expect(html).toContain('<a href="years/2015.html" tabindex="-1"><title>2015: 2</title>');
    expect(html.match(/<title>\d{4}: 2<\/title>/g)).toHaveLength(11);
  });

  it('link each month of the index timeline to the page of its year that lists it', () => {
    const releases = byDate(Array.from({ length: 237 }, (_, i) => release(i)));
    const plan = planSite({ settings, registry }, releases);
    const html = indexPage(plan, null);
    const year = plan.years[0]!;
    const bars = [...html.matchAll(/<a href="(years\/[^"]+)" tabindex="-1">/g)].map((m) => m[1]!);
    const months = plan.months.filter((m) => m.count > 0).map((m) => m.month);
    expect(bars).toHaveLength(months.length);
    bars.forEach((href, i) => {
      const page = Number(/years\/\d{4}\/(\d+)\.html$/.exec(href)?.[1] ?? 1);
      const listed = year.releases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.period.start.slice(0, 7));
      expect(listed, href).toContain(months[i]);
    });
    expect(new Set(bars).size).toBeGreaterThan(1);
    expect(html).toContain('href="partners/osce-skopje.html" tabindex="-1"');
  });
});

describe('sitemap, robots.txt and 404', () => {
  const plan = planSite({ settings, registry }, byDate(Array.from({ length: 150 }, (_, i) => release(i))));

  it('list every HTML page but 404.html in sitemap.xml when there is a base URL', () => {
    const files = [...siteFiles(plan, 'https://example.org/a/')];
    const html = files.map((f) => f.path).filter((p) => p.endsWith('.html') && p !== '404.html');
    const sitemap = textOf(files.find((f) => f.path === 'sitemap.xml')!.content!);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(html.map((p) => `https://example.org/a/${p}`).sort());
    expect(locs).toContain('https://example.org/a/years/2018/2.html');
    expect(textOf(files.find((f) => f.path === 'robots.txt')!.content!)).toBe(
      'User-agent: *\nAllow: /\nSitemap: https://example.org/a/sitemap.xml\n',
    );
    const none = [...siteFiles(plan, null)].map((f) => f.path);
    expect(none).not.toContain('sitemap.xml');
    expect(robotsTxt(null)).toBe('User-agent: *\nAllow: /\n');
  });

  it('counts the files it writes, for the progress bar (search shards are estimated)', () => {
    const near = (count: number, real: number) => Math.abs(count - real) <= Math.ceil(real * 0.2);
    expect(near(siteFileCount(plan, 'https://example.org/'), [...siteFiles(plan, 'https://example.org/')].length)).toBe(true);
    expect(near(siteFileCount(plan, null), [...siteFiles(plan, null)].length)).toBe(true);
    // With a base URL, exactly one more file than without: the sitemap.
    expect(siteFileCount(plan, 'https://example.org/') - siteFileCount(plan, null)).toBe(1);
  });

  it('becomes a sitemap index past 50,000 URLs', () => {
    const paths = Array.from({ length: SITEMAP_MAX * 2 + 1 }, (_, i) => `r/${i}.html`);
    const files = [...sitemapFiles('https://example.org/', paths)];
    expect(files.map((f) => f.path)).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    const index = textOf(files[3]!.content!);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain('<sitemap><loc>https://example.org/sitemap-3.xml</loc></sitemap>');
    expect(textOf(files[0]!.content!).match(/<url>/g)).toHaveLength(SITEMAP_MAX);
    expect(textOf(files[2]!.content!).match(/<url>/g)).toHaveLength(1);
  });

  it('writes a 404 page in the archive language, absolute links with a base URL', () => {
    const html = notFoundPage(plan, 'https://example.org/a');
    expect(html).toContain('<html lang="mk">');
    expect(html).toContain('<h1>Страницата не е најдена</h1>');
    expect(html).toContain('<link rel="stylesheet" href="https://example.org/a/assets/site.css">');
    expect(html).toContain('<a href="https://example.org/a/index.html">Архива</a>');
    expect(html).not.toContain('rel="canonical"');
    expect(notFoundPage(plan, null)).toContain('<a href="search.html">');
  });
});
