import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pageProblems } from '../helpers/a11y.js';
import { axeViolations } from '../helpers/axe.js';
import { fixtureProject, runCli } from '../helpers/cli.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';

/** Every file under `dir`, relative, with `/` separators. */
function walk(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`],
  );
}

describe.skipIf(!hasChromium)('site pages in Chromium: charts, pagination, dark mode, sitemap', () => {
  let browser: Browser;
  let tmp: string;
  const sites = { small: '', large: '' };
  const url = (site: string, rel: string) => pathToFileURL(path.join(site, rel)).href;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'releases-site-pages-'));
    // The fixture (7 releases, 2018–2022), with a base URL: canonical links, sitemap.xml.
    sites.small = path.join(tmp, 'small');
    const r = await runCli(['export', '--format', 'html', '--out', sites.small, '--base-url', 'https://example.org/archive/'], {
      cwd: fixtureProject('export-site'),
    });
    expect(r.code, r.stderr).toBe(0);
    // 1,500 synthetic releases over 22 years: paginated partner pages, a dense timeline.
    const { generate } = await import('../../bench/generate.js' as string);
    await generate({ count: 1500, out: path.join(tmp, 'a1500') });
    sites.large = path.join(tmp, 'large');
    const g = await runCli(['export', '--format', 'html', '--archive', path.join(tmp, 'a1500'), '--out', sites.large], { cwd: tmp });
    expect(g.code, g.stderr).toBe(0);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function open(site: string, rel: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    // bypassCSP lets axe-core be injected; the site's own scripts are all 'self' anyway.
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
    await page.goto(url(site, rel));
    return page;
  }

  it('passes axe (WCAG 2.1 AA) and our contrast, landmark, name and heading checks in light and dark', { timeout: 180_000 }, async () => {
    const pages = [
      [sites.small, 'index.html'],
      [sites.small, 'r/2019-03-05-bashkepunim-rajonal.html'],
      [sites.small, 'years/2018.html'],
      [sites.small, 'partners/index.html'],
      [sites.small, 'search.html'],
      [sites.small, 'events/index.html'],
      [sites.large, 'index.html'],
      [sites.large, 'partners/partner-176/2.html'],
    ] as const;
    for (const scheme of ['light', 'dark'] as const) {
      for (const [site, rel] of pages) {
        const page = await open(site, rel, 1280, scheme);
        // Open the charts' tables too: their text is checked like the rest.
        await page.$$eval('details', (ds) => {
          for (const d of ds) d.setAttribute('open', '');
        });
        expect(await page.evaluate(pageProblems), `${scheme} ${rel}`).toEqual([]);
        expect(await axeViolations(page), `axe, ${scheme} ${rel}`).toEqual([]);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(bg, scheme).toBe(scheme === 'dark' ? 'rgb(22, 23, 27)' : 'rgb(253, 253, 252)');
        await page.close();
      }
    }
    // The checker itself finds what it looks for: grey on white, text outside the landmarks.
    const bad = await open(sites.small, 'feeds/index.html', 1280);
    await bad.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'faint';
      p.style.color = '#aaa';
      document.querySelector('main')!.append(p);
      document.body.append(Object.assign(document.createElement('div'), { textContent: 'stray' }));
    });
    const found = await bad.evaluate(pageProblems);
    expect(found.some((x) => x.startsWith('color-contrast') && x.includes('"faint"'))).toBe(true);
    expect((await axeViolations(bad)).some((x) => x.startsWith('color-contrast'))).toBe(true);
    expect(found).toContain('region: "stray" is outside every landmark');
    await bad.close();
    // 404.html without a base URL (links from the root), in the archive's language.
    const page = await open(sites.large, '404.html', 390, 'dark');
    expect(await page.evaluate(pageProblems)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('mk');
    await page.click('main a[href="index.html"]');
    expect(await page.title()).toBe('Bench archive');
    await page.close();
  });

  it('draws chart text at 12 px or more at 1280 and 390 px, year labels never overlapping', { timeout: 180_000 }, async () => {
    for (const site of [sites.small, sites.large]) {
      for (const width of [1280, 390]) {
        const page = await open(site, 'index.html', width);
        const labels = await page.$$eval('.chart svg text', (texts) =>
          texts
            .filter((t) => t.getClientRects().length > 0)
            .map((t) => {
              const box = t.getBoundingClientRect();
              const ctm = (t as SVGGraphicsElement).getScreenCTM()!;
              return {
                text: t.textContent,
                cls: t.getAttribute('class'),
                size: parseFloat(getComputedStyle(t).fontSize) * ctm.a,
                height: box.height,
                left: box.left,
                right: box.right,
              };
            }),
        );
        const where = `${path.basename(site)} at ${width}px`;
        expect(labels.filter((l) => l.cls?.startsWith('year')).length, where).toBeGreaterThanOrEqual(site === sites.small ? 5 : 4);
        expect(labels.filter((l) => l.cls === 'tick').length, where).toBeGreaterThanOrEqual(3);
        for (const l of labels) {
          expect(l.size, `${where}: ${l.text}`).toBeGreaterThanOrEqual(12);
          expect(l.height, `${where}: ${l.text}`).toBeGreaterThanOrEqual(12);
          expect(l.left, `${where}: ${l.text}`).toBeGreaterThanOrEqual(0);
          expect(l.right, `${where}: ${l.text}`).toBeLessThanOrEqual(width);
        }
        const years = labels.filter((l) => l.cls?.startsWith('year'));
        for (let i = 1; i < years.length; i++)
          expect(years[i]!.left, `${where}: ${years[i]!.text}`).toBeGreaterThan(years[i - 1]!.right + 4);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
        await page.close();
      }
    }
  });

  it('gives each bar its count and a link to the year page that lists the month', { timeout: 180_000 }, async () => {
    const page = await open(sites.small, 'index.html', 1280);
    const bars = await page.$$eval('.timeline svg a', (as) =>
      as.map((a) => ({ href: a.getAttribute('href'), title: a.querySelector('title')?.textContent })),
    );
    expect(bars).toContainEqual({ href: 'years/2018.html', title: 'октомври 2018: 2' });
    expect(bars.map((b) => b.title)).toEqual(['октомври 2018: 2', 'март 2019: 2', 'јануари 2020: 1', 'јуни 2021: 1', 'април 2022: 1']);
    await page.click('.timeline svg a[href="years/2021.html"] .hit', { force: true });
    expect(await page.textContent('h1')).toBe('Соопштенија од 2021');
    await page.goBack();
    // The table alternative: a row per year, the same numbers, links to the years.
    await page.click('.timeline summary');
    expect(await page.$$eval('.timeline table tbody tr', (rows) => rows.map((r) => r.lastElementChild!.textContent))).toEqual([
      '1',
      '1',
      '1',
      '2',
      '2',
    ]);
    const partners = await page.$$eval('.partners-chart table th[scope="row"] a', (as) => as.map((a) => a.getAttribute('href')));
    expect(partners[0]).toBe('partners/osce-skopje.html');
    await page.close();
  });

  it('pages a long partner list with rel prev/next and a visible pager', { timeout: 180_000 }, async () => {
    const page = await open(sites.large, 'partners/partner-176.html', 390);
    const first = await page.$$eval('main .releases li a', (as) => as.map((a) => a.getAttribute('href')));
    expect(first).toHaveLength(100);
    expect(await page.$('link[rel="prev"]')).toBeNull();
    expect(await page.getAttribute('link[rel="next"]', 'href')).toBe('../partners/partner-176/2.html');
    await page.click('.pagination >> nth=0 >> a[rel="next"]');
    expect(page.url()).toBe(url(sites.large, 'partners/partner-176/2.html'));
    expect(await page.getAttribute('.pagination a[aria-current="page"] >> nth=0', 'href')).toBe('../../partners/partner-176/2.html');
    expect(await page.getAttribute('link[rel="prev"]', 'href')).toBe('../../partners/partner-176.html');
    const second = await page.$$eval('main .releases li a', (as) => as.map((a) => a.getAttribute('href')!.replace('../../', '../')));
    expect(second.filter((h) => first.includes(h))).toEqual([]);
    // Follow rel=next to the end: every page exists, the last has no next.
    let pages = 2;
    for (let next = await page.$('link[rel="next"]'); next; next = await page.$('link[rel="next"]')) {
      await page.goto(new URL((await next.getAttribute('href'))!, page.url()).href);
      expect(await page.$$eval('main .releases li', (l) => l.length)).toBeGreaterThan(0);
      pages++;
    }
    expect(await page.textContent('.lead')).toContain(`${pages} од ${pages}`);
    expect(await page.$('.pagination a[rel="next"]')).toBeNull();
    await page.close();
  });

  it('lists every HTML page in a valid sitemap.xml named by robots.txt, canonical links on every page', { timeout: 180_000 }, async () => {
    const files = walk(sites.small);
    const html = files.filter((f) => f.endsWith('.html') && f !== '404.html').sort();
    const xml = readFileSync(path.join(sites.small, 'sitemap.xml'), 'utf8');
    expect(readFileSync(path.join(sites.small, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/archive/sitemap.xml\n');
    const page = await open(sites.small, 'index.html', 1280);
    const locs = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return ['parsererror'];
      if (doc.documentElement.namespaceURI !== 'http://www.sitemaps.org/schemas/sitemap/0.9' || doc.documentElement.localName !== 'urlset')
        return ['bad root'];
      return [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((l) => l.textContent!);
    }, xml);
    expect(locs.sort()).toEqual(html.map((f) => `https://example.org/archive/${f}`));
    for (const f of html) {
      const text = readFileSync(path.join(sites.small, f), 'utf8');
      expect(text, f).toContain(`<link rel="canonical" href="https://example.org/archive/${f}">`);
    }
    expect(walk(sites.large)).not.toContain('sitemap.xml');
    await page.close();
  });
});
