import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { exportFixtureSite } from '../helpers/site-search.js';
import { hasChromium, launchChromium, watchedPage } from '../helpers/browser.js';

/** Waits until the results show the search the URL holds. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const r = document.getElementById('results')!;
    return (
      r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') === new URLSearchParams(window.location.search).toString()
    );
  });
}

const hrefs = (page: Page) =>
  page.$$eval('#results li > a', (as) => as.map((a) => a.getAttribute('href')!.replace(/^r\/\d{4}-\d{2}-\d{2}-|\.html$/g, '')));

describe.skipIf(!hasChromium)('the site search in Chromium (mk, sq, en fixture, from file://)', { timeout: 120_000 }, () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof exportFixtureSite>>;
  const url = (rel: string) => {
    const [file, query] = rel.split('?');
    return pathToFileURL(path.join(site.site, file)).href + (query ? `?${query}` : '');
  };

  beforeAll(async () => {
    site = await exportFixtureSite('search-multilingual');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    site?.remove();
  });

  it('finds a word only in a body, typed in Latin for Cyrillic text, with the match marked in the excerpt', async () => {
    const { page, problems, loaded } = await watchedPage(browser, { site: site.site });
    await page.goto(url('search.html'));
    await settled(page);
    const before = [...loaded.keys()].filter((f) => f.startsWith('search/'));
    expect(before).toEqual(['search/meta.js']);
    await page.fill('#q', 'dzhamija');
    await settled(page);
    expect(await hrefs(page)).toEqual(['verski-zaednici']);
    expect(await page.$$eval('#results .excerpt mark', (m) => m.map((x) => x.textContent))).toEqual(['џамијата']);
    expect(await page.textContent('#results .excerpt')).toContain('Претставници од џамијата');
    expect(await page.textContent('#status')).toBe('1 резултат');
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
    // Only the shard of the word and the fragment of the one hit were loaded.
    expect([...loaded.keys()].filter((f) => f.startsWith('search/') && !before.includes(f)).map((f) => f.replace(/\d+/, 'N'))).toEqual([
      'search/w/N.js',
      'search/x/N.js',
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the query and filters in the URL: bookmarks open them, Back returns to them', async () => {
    const { page, problems } = await watchedPage(browser, { site: site.site });
    await page.goto(url('search.html?q=konferencija&lang=mk'));
    await settled(page);
    expect(await page.inputValue('#q')).toBe('konferencija');
    expect(await page.inputValue('#f-lang')).toBe('mk');
    const first = await hrefs(page);
    expect([...first].sort()).toEqual(['konferencija-ohrid', 'konferencija-skopje']);
    await page.fill('#q', 'соработка');
    await settled(page);
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('соработка')}&lang=mk`);
    const second = await hrefs(page);
    expect(second[0]).toBe('konferencija-ohrid');
    await page.selectOption('#f-year', '2019');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2019');
    expect(await hrefs(page)).toEqual(['sorabotki-so-opshtini']);
    await page.goBack();
    await settled(page);
    expect(await page.inputValue('#f-year')).toBe('');
    expect(await hrefs(page)).toEqual(second);
    await page.goBack();
    await settled(page);
    expect(await page.inputValue('#q')).toBe('konferencija');
    expect(await hrefs(page)).toEqual(first);
    await page.goForward();
    await settled(page);
    expect(await page.inputValue('#q')).toBe('соработка');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('combines filters with text, and filters alone list releases newest first', async () => {
    const { page, problems } = await watchedPage(browser, { site: site.site });
    await page.goto(url('search.html?q=' + encodeURIComponent('конференција') + '&partner=eu'));
    await settled(page);
    expect((await hrefs(page)).sort()).toEqual(['konferenca-tirane', 'konferencija-skopje']);
    await page.fill('#f-from', '2022-01-01');
    await page.dispatchEvent('#f-from', 'change');
    await settled(page);
    expect(await hrefs(page)).toEqual(['konferencija-skopje']);
    await page.goto(url('search.html?partner=eu&lang=en'));
    await settled(page);
    expect(await hrefs(page)).toEqual(['returnees', 'eu-strategy']);
    await page.goto(url('search.html?person=' + encodeURIComponent('стојановска')));
    await settled(page);
    expect(await hrefs(page)).toEqual(['prevencija-vo-uchilishta']);
    await page.goto(url('search.html?q=dialog&tag=youth'));
    await settled(page);
    expect(await hrefs(page)).toEqual(['youth-dialogue']);
    // The CLI's overlap rule: a release whose event spans the range's start is in it.
    await page.goto(url('search.html?from=2018-10-17&to=2018-10-17'));
    await settled(page);
    expect((await hrefs(page)).sort()).toEqual(['conference-ohrid', 'konferencija-ohrid']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows ten results, then more on demand, from the keyboard', async () => {
    const { page, problems } = await watchedPage(browser, { site: site.site });
    await page.goto(url('search.html?lang=mk'));
    await settled(page);
    expect(await page.textContent('#status')).toBe('13 резултати');
    expect(await page.$$eval('#results li', (l) => l.length)).toBe(10);
    await page.focus('#more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#results li').length === 13);
    expect(await page.isHidden('#more')).toBe(true);
    // Focus moves to the first new result, so a keyboard user reads on from there.
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('#results li > a')[10])).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has a search box in the header of every page that leads to the results', async () => {
    const { page, problems } = await watchedPage(browser, { site: site.site });
    await page.goto(url('r/2021-09-09-verski-zaednici.html'));
    await page.fill('#site-q', 'petrevski');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/search\.html\?q=petrevski$/);
    await settled(page);
    expect((await hrefs(page)).sort()).toEqual(['conference-ohrid', 'konferenca-ohri', 'konferencija-ohrid']);
    expect(await page.$$eval('#results mark', (m) => m.map((x) => x.textContent))).toEqual(
      expect.arrayContaining(['Петревски', 'Petrevski']),
    );
    await page.goto(url('index.html'));
    await page.fill('#q', 'ОБСЕ');
    await page.selectOption('#f-year', '2020');
    await page.press('#q', 'Enter');
    await page.waitForURL(/search\.html\?/);
    await settled(page);
    expect((await hrefs(page)).sort()).toEqual(['border-security', 'sredba-obse']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows text from the data as text, never as markup', async () => {
    const { page, problems } = await watchedPage(browser, { site: site.site });
    await page.goto(url('search.html?q=' + encodeURIComponent('<b>x</b> "onerror=')));
    await settled(page);
    expect(await page.$$eval('#results b, #results img', (x) => x.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
