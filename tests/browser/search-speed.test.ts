import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/browser.js';

/**
 * Search latency on a large export, measured in Chromium and printed (speed goals live in
 * `npm run bench`, not in assertions). Needs an exported site:
 *   node bench/generate.js --count 10000 --out /tmp/b10k
 *   releases export --format html --archive /tmp/b10k --out /tmp/site10k
 *   RELEASES_SEARCH_SITE=/tmp/site10k npx vitest run tests/browser/search-speed.test.ts
 */
const SITE = process.env.RELEASES_SEARCH_SITE;
const reason = !SITE
  ? 'RELEASES_SEARCH_SITE is not set (see the comment at the top)'
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing`
    : '';
if (reason) console.warn(`search speed test skipped: ${reason}`);

describe.skipIf(Boolean(reason))('search speed on a large export', () => {
  it('prints how soon the box answers and how soon results with excerpts show', async () => {
    const browser = await launchChromium();
    try {
      const report: Record<string, number> = {};
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(pathToFileURL(path.join(SITE!, 'search.html')).href);
      await page.waitForFunction(() => document.getElementById('results')!.getAttribute('aria-busy') === 'false', undefined, {
        timeout: 60_000,
      });
      report['search page usable after navigation (ms)'] = Date.now() - t0;
      for (const [round, queries] of [
        ['cold', ['petrevski', 'соработка', 'bashkëpunim', 'cooperation']],
        ['warm', ['petrevski', 'соработка', 'bashkëpunim', 'cooperation']],
      ] as const) {
        for (const q of queries) {
          const ms = await page.evaluate(async (x) => {
            const input = document.getElementById('q') as HTMLInputElement;
            const results = document.getElementById('results')!;
            const wanted = new URLSearchParams({ q: x }).toString();
            // Resolves on the attribute change that makes `ok` true: no polling delay in the figure.
            const until = (ok: () => boolean) =>
              new Promise<void>((resolve) => {
                if (ok()) return resolve();
                const watch = new MutationObserver(() => ok() && (watch.disconnect(), resolve()));
                watch.observe(results, { attributes: true });
              });
            input.value = '';
            input.dispatchEvent(new Event('input'));
            await until(() => results.getAttribute('data-state') === '');
            const start = performance.now();
            input.value = x;
            input.dispatchEvent(new Event('input'));
            await until(() => results.getAttribute('data-state') === wanted && results.getAttribute('aria-busy') === 'false');
            return performance.now() - start;
          }, q);
          report[`${round}: ${q} → results with excerpts (ms)`] = Math.round(ms);
        }
      }
      console.log(JSON.stringify(report, null, 2));
      expect(await page.$$eval('#results .excerpt', (x) => x.length)).toBeGreaterThan(0);
      await page.close();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
