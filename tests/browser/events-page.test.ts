import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';
import { hasChromium, launchChromium, watchedPage } from '../helpers/browser.js';

// RELEASES_SCREENSHOTS=docs/screenshots keeps the screenshots (the README's); a temp folder otherwise.
const SHOTS = process.env.RELEASES_SCREENSHOTS;

const OHRID = '../r/2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na.html';
const XSS = '../r/2022-05-02-xss.html';

describe.skipIf(!hasChromium)('events page in Chromium', () => {
  let browser: Browser;
  let site: string;
  let shots: string;
  const url = (rel: string) => pathToFileURL(path.join(site, rel)).href;

  beforeAll(async () => {
    const project = fixtureProject('export-site');
    const root = mkdtempSync(path.join(tmpdir(), 'releases-events-'));
    site = path.join(root, 'site');
    shots = SHOTS ? path.resolve(SHOTS) : path.join(root, 'shots');
    mkdirSync(shots, { recursive: true });
    // On 5 March 2019 the Tetovo meeting (4–5 March) is on, the 2022 event still to come.
    const r = await runCli(['export', '--format', 'html', '--out', site], { cwd: project, now: new Date('2019-03-05T09:00:00Z') });
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (site) rmSync(path.dirname(site), { recursive: true, force: true });
  });

  async function open(width: number, rel = 'events/index.html'): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await watchedPage(browser, { width });
    await page.goto(url(rel));
    return { page, problems };
  }

  /** A screenshot of the whole page: the viewport grown to it, as `fullPage` leaves lazily drawn parts blank. */
  async function shoot(page: Page, name: string): Promise<void> {
    const width = page.viewportSize()!.width;
    await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: path.join(shots, name) });
  }

  /** The width of one day column of the grid holding `bar`, and the bar's own box. */
  async function barAndDay(page: Page, selector: string): Promise<{ bar: DOMRect; day: number; visible: boolean }> {
    return page.$eval(selector, (el) => {
      const week = el.parentElement!.getBoundingClientRect();
      const bar = el.getBoundingClientRect();
      return {
        bar: bar.toJSON() as DOMRect,
        day: week.width / 7,
        visible: bar.width > 0 && bar.height > 0 && bar.right <= window.innerWidth + 0.5,
      };
    });
  }

  it('shows months newest first, multi-day events as spans, past and upcoming, at 1280 px', async () => {
    const { page, problems } = await open(1280);
    expect(await page.getAttribute('html', 'lang')).toBe('mk');
    expect(await page.$$eval('.month h2', (hs) => hs.map((h) => h.textContent))).toEqual([
      'мај 2022',
      'април 2022',
      'март 2019',
      'октомври 2018',
    ]);
    // The Ohrid conference, 15–18 October 2018 (Monday to Thursday): one bar four days wide.
    const ohrid = await barAndDay(page, `#m-2018-10 .bar[href="${OHRID}"]`);
    expect(ohrid.visible).toBe(true);
    expect(ohrid.bar.width).toBeGreaterThan(ohrid.day * 3.5);
    expect(ohrid.bar.width).toBeLessThan(ohrid.day * 4.1);
    // 28 April – 1 May 2022 crosses a month: it ends April's grid and starts May's.
    expect(await page.getAttribute(`#m-2022-04 .bar[href="${XSS}"]`, 'class')).toMatch(/\bto\b/);
    expect(await page.getAttribute(`#m-2022-05 .bar[href="${XSS}"]`, 'class')).toMatch(/\bfrom\b/);
    // Past, ongoing and upcoming, relative to the day of the export, in words for everyone.
    expect(await page.textContent('#upcoming-h')).toBe('Претстојни настани');
    expect(
      await page.$$eval('section[aria-labelledby="upcoming-h"] li', (lis) =>
        lis.map((li) => [li.className, li.querySelector('.status')!.textContent]),
      ),
    ).toEqual([
      ['ongoing', 'Во тек'],
      ['ongoing', 'Во тек'],
      ['upcoming', 'Претстои'],
    ]);
    expect(await page.getAttribute(`#m-2018-10 .bar[href="${OHRID}"]`, 'class')).toMatch(/\bpast\b/);
    // The grid is for the eye; every event is in a list with its dates in words and as datetime.
    expect(await page.getAttribute('#m-2018-10 .cal', 'aria-hidden')).toBe('true');
    expect(await page.$$eval('#m-2018-10 ol.events li time', (ts) => ts.map((t) => [t.getAttribute('datetime'), t.textContent]))).toEqual([
      ['2018-10-15', '15–18 October 2018'],
      ['2018-10-15', '15–18 октомври 2018'],
    ]);
    await shoot(page, 'events-desktop.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('links each event to its release, from the list and from its bar, and offers the .ics', async () => {
    const { page, problems } = await open(1280);
    await page.click(`#m-2018-10 ol.events a[href="${OHRID}"]`);
    await page.waitForLoadState('load');
    expect(decodeURI(page.url())).toMatch(/r\/2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na\.html$/);
    expect(await page.textContent('h1')).toMatch(/^Учество на Националниот координатор/);
    await page.goBack({ waitUntil: 'load' });
    await page.click(`#m-2022-05 .bar[href="${XSS}"]`);
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/r\/2022-05-02-xss\.html$/);
    await page.goto(url('events/index.html'));
    const ics = await page.getAttribute('link[rel="alternate"][type="text/calendar"]', 'href');
    expect(ics).toBe('calendar.ics');
    expect(await page.getAttribute('.ics a', 'href')).toBe('calendar.ics');
    const cal = new ICAL.Component(ICAL.parse(readFileSync(path.join(site, 'events', ics!), 'utf8')));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(5);
    // Every language has its page and calendar, reached from the scope links and the banner.
    const scopes = await page.$$eval('nav[aria-label="Јазик"] a', (as) => as.map((a) => a.getAttribute('href')));
    expect(scopes).toEqual(['index.html', 'mk.html', 'en.html', 'sq.html']);
    for (const s of scopes) expect(existsSync(path.join(site, 'events', s!)), s!).toBe(true);
    await page.goto(url('index.html'));
    await page.click('.banner a[href="events/index.html"]');
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/events\/index\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone: no sideways scroll, the spans still visible', async () => {
    const { page, problems } = await open(390, 'events/index.html');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const ohrid = await barAndDay(page, `#m-2018-10 .bar[href="${OHRID}"]`);
    expect(ohrid.visible).toBe(true);
    expect(ohrid.bar.width).toBeGreaterThan(ohrid.day * 3.5);
    expect(await page.isVisible(`#m-2018-10 ol.events a[href="${OHRID}"]`)).toBe(true);
    await shoot(page, 'events-phone.png');
    const sq = await open(390, 'events/sq.html');
    expect(await sq.page.getAttribute('html', 'lang')).toBe('sq');
    expect(await sq.page.textContent('h1')).toBe('Ngjarjet: Shqip');
    expect(await sq.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect([...problems, ...sq.problems]).toEqual([]);
    await page.close();
    await sq.page.close();
  });
});
