import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, watchedPage } from '../helpers/browser.js';
import { exportFixtureSite } from '../helpers/site-search.js';

describe.skipIf(!hasChromium)('exported site in Chromium', () => {
  let browser: Browser;
  let exported: Awaited<ReturnType<typeof exportFixtureSite>>;
  let site: string;
  const url = (rel: string) => pathToFileURL(path.join(site, rel)).href;

  beforeAll(async () => {
    exported = await exportFixtureSite('export-site');
    site = exported.site;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    exported?.remove();
  });

  /** Types a query on search.html and gives the hits once the list shows that search. */
  async function search(page: Page, query: string): Promise<string[]> {
    // The status is written after the results, by every search: emptied here, it is written
    // again only by a search that reads the input as filled below.
    await page.$eval('#status', (el) => {
      el.textContent = '';
    });
    await page.fill('#q', query);
    await page.waitForFunction(() => {
      const r = document.getElementById('results')!;
      return (
        r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') === new URLSearchParams(window.location.search).toString()
      );
    });
    return page.$$eval('#results li > a', (as) => as.map((a) => a.getAttribute('href')!));
  }

  /** After the load event (image errors and onload handlers have fired): one frame and one more task. */
  const settled = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));

  it('finds releases by Latin, Cyrillic and undotted queries from file://', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(url('search.html'));
    expect(await page.getAttribute('html', 'lang')).toBe('mk');
    expect(await page.isVisible('input[type="search"]#q')).toBe(true);
    expect(await page.textContent('label[for="q"]')).toBeTruthy();

    const petrevski = await search(page, 'petrevski');
    expect(petrevski).toEqual(
      expect.arrayContaining([
        'r/2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na.html',
        'r/2018-10-18-national-coordinator-at-third-international-conference.html',
        'r/2019-03-05-bashkepunim-rajonal.html',
        'r/2019-03-06-regionalna-sorabotka.html',
      ]),
    );
    expect(petrevski).not.toContain('r/2021-06-01-godishen-izveshtaj.html');

    const osce = await search(page, 'ОБСЕ');
    expect(osce).toEqual(
      expect.arrayContaining([
        'r/2018-10-18-national-coordinator-at-third-international-conference.html',
        'r/2019-03-05-bashkepunim-rajonal.html',
        'r/2022-05-02-xss.html',
      ]),
    );
    expect(osce).not.toContain('r/2020-01-10-sredba-vo-skopje.html');

    const sq = await search(page, 'bashkepunim');
    expect(sq[0]).toBe('r/2019-03-05-bashkepunim-rajonal.html');
    expect(await search(page, 'соработ')).toContain('r/2019-03-06-regionalna-sorabotka.html');
    expect(await search(page, 'zzzqqq')).toEqual([]);
    expect(await page.textContent('#status')).toBe('Ниедно соопштение не одговара.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by year, partner and language, over every release', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(url('search.html'));
    const shown = async () => {
      await page.waitForFunction(() => {
        const r = document.getElementById('results')!;
        return (
          r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') === new URLSearchParams(window.location.search).toString()
        );
      });
      return page.$$eval('#results li > a', (l) => l.map((a) => a.getAttribute('href')));
    };
    await page.selectOption('#f-year', '2019');
    expect(await shown()).toHaveLength(2);
    await page.selectOption('#f-lang', 'sq');
    expect(await shown()).toEqual(['r/2019-03-05-bashkepunim-rajonal.html']);
    await page.selectOption('#f-year', '');
    await page.selectOption('#f-lang', '');
    expect(await shown()).toEqual([]);
    await page.selectOption('#f-partner', 'mvr');
    expect(await shown()).toHaveLength(3);
    // A filter narrows search results too.
    await page.selectOption('#f-partner', '');
    await page.selectOption('#f-lang', 'en');
    expect(await search(page, 'petrevski')).toEqual(['r/2018-10-18-national-coordinator-at-third-international-conference.html']);
    expect(problems).toEqual([]);
  });

  it('ranks title matches first and matches prefixes and small typos', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(url('search.html'));
    const petrevski = await search(page, 'petrevski');
    expect(await search(page, 'petrevsky')).toEqual(petrevski); // one letter off
    // The same releases; a Cyrillic query puts the Macedonian one first among equals, as the CLI does.
    const cyrillic = await search(page, 'Петрев');
    expect([...cyrillic].sort()).toEqual([...petrevski].sort());
    expect(cyrillic[0]).toBe('r/2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na.html');
    expect((await search(page, 'bashkepunim'))[0]).toBe('r/2019-03-05-bashkepunim-rajonal.html');
    expect(problems).toEqual([]);
  });

  it('follows partner, year and translation links', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(url('r/2019-03-05-bashkepunim-rajonal.html'));
    expect(await page.getAttribute('html', 'lang')).toBe('sq');
    expect(await page.textContent('.facts')).toContain('4–5 mars 2019');
    const alt = await page.getAttribute('a[hreflang="mk"]', 'href');
    expect(alt).toBe('../r/2019-03-06-regionalna-sorabotka.html');
    await page.click('a[hreflang="mk"]');
    expect(await page.getAttribute('html', 'lang')).toBe('mk');
    expect(await page.textContent('h1')).toContain('Регионална соработка');
    expect(await page.getAttribute('link[rel="alternate"][hreflang="sq"]', 'href')).toBe('../r/2019-03-05-bashkepunim-rajonal.html');
    await page.click('.facts a[href$="partners/osce-skopje.html"]');
    expect(await page.textContent('h1')).toBe('OSCE Mission to Skopje');
    expect(await page.$$eval('.releases li', (l) => l.length)).toBe(5);
    await page.click('nav a[href$="years/index.html"]');
    await page.click('a[href$="years/2018.html"]');
    expect(await page.textContent('h1')).toBe('Соопштенија од 2018');
    await page.click('.releases a[href$="national-coordinator-at-third-international-conference.html"]');
    expect(await page.textContent('.facts')).toContain('15–18 October 2018');
    expect(problems).toEqual([]);
  });

  it('runs no script from a hostile release and shows its text escaped', async () => {
    for (const rel of [
      'r/2022-05-02-xss.html',
      'index.html',
      'search.html',
      'partners/img-src-x-onerror-alert-partner.html',
      'years/2022.html',
    ]) {
      const { page, problems, dialogs } = await watchedPage(browser);
      await page.goto(url(rel));
      await settled(page);
      expect(dialogs, rel).toEqual([]);
      expect(problems, rel).toEqual([]);
      expect(
        await page.$$eval('main script, main svg[onload], main img[onerror], main [onload], a[href^="javascript:"]', (x) => x.length),
        rel,
      ).toBe(0);
      await page.close();
    }
    const { page, dialogs } = await watchedPage(browser);
    await page.goto(url('r/2022-05-02-xss.html'));
    expect(await page.textContent('h1')).toBe('<script>alert("title")</script> Hostile "><svg onload=alert(1)> title');
    expect(await page.textContent('.body')).toContain("<script>alert('body')</script>");
    expect(await page.textContent('.facts')).toContain("<img src=x onerror=alert('partner')>");
    await page.goto(url('search.html'));
    await search(page, 'hostile');
    expect(await page.textContent('#results')).toContain('<script>alert("title")</script>');
    expect(dialogs).toEqual([]);
  }, 120_000);
});
