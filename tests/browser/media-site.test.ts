import { existsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { exportFixtureSite } from '../helpers/site-search.js';

describe.skipIf(!hasChromium)('the media fixture site in Chromium', () => {
  let browser: Browser;
  let exported: Awaited<ReturnType<typeof exportFixtureSite>>;
  let site: string;

  beforeAll(async () => {
    exported = await exportFixtureSite('media', (project) => {
      writeFileSync(path.join(project, 'outside.txt'), 'outside\n');
      symlinkSync(path.join(project, 'outside.txt'), path.join(project, 'archive/2022/linked-out.png'));
    });
    site = exported.site;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    exported?.remove();
  });

  it('loads every image of every page, and no link of the site is dead', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const root = pathToFileURL(site).href;
    const queue = [`${root}/index.html`];
    const seen = new Set(queue);
    const dead: string[] = [];
    let images = 0;
    while (queue.length) {
      const url = queue.shift()!;
      await page.goto(url);
      // Scroll each image into view (they load lazily), then wait until all have loaded or failed.
      for (const img of await page.$$('img')) await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
      const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => i.naturalWidth === 0).map((i) => i.getAttribute('src')));
      expect(broken, url).toEqual([]);
      images += await page.$$eval('img', (imgs) => imgs.length);
      // From the attribute: an SVG <a> (the charts' bars) has no string `href` property.
      const links = await page.$$eval('a[href], link[href]', (as) =>
        as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href),
      );
      for (const link of links) {
        const bare = link.replace(/[?#].*$/, '');
        if (!bare.startsWith('file:')) continue;
        const file = fileURLToPath(bare);
        if (!file.startsWith(site)) dead.push(`${url} → ${link} (outside the site)`);
        else if (!existsSync(file) || !statSync(file).isFile()) dead.push(`${url} → ${link}`);
        else if (bare.endsWith('.html') && !seen.has(bare)) {
          seen.add(bare);
          queue.push(bare);
        }
      }
    }
    expect(dead).toEqual([]);
    expect(problems).toEqual([]);
    // The SVG's script never ran: it is shown with <img> only.
    expect(dialogs).toEqual([]);
    expect(images).toBeGreaterThanOrEqual(5);
    expect(seen.size).toBeGreaterThan(5);
  });

  it("shows the release folder's images at their size", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, 'r/2021-06-01-opening.html')).href);
    for (const img of await page.$$('img')) await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const sizes = await page.$$eval('img', (imgs) =>
      imgs.map((i) => [i.getAttribute('src')!.split('/').pop(), i.naturalWidth, i.naturalHeight]),
    );
    expect(sizes).toEqual([
      ['photo.png', 32, 24],
      ['diagram.svg', 60, 40],
      ['logo.png', 16, 16],
    ]);
    expect(await page.title()).not.toBe('svg-script-ran');
    await page.screenshot({ path: path.join(path.dirname(site), 'opening.png'), fullPage: true });
  });
});
