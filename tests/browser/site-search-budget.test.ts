import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/core/archive.js';
import { planSite } from '../../src/core/export/site-plan.js';
import { listReleases, NO_FILTERS } from '../../src/core/filters.js';
import { searchEngineScript } from '../../src/render/html/search-bundle.js';
import { SearchCollector } from '../../src/render/html/search-data.js';
import { searchPage } from '../../src/render/html/search-page.js';
import { syntheticArchive } from '../helpers/hostile.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';

/**
 * The first-load budget of the site's search at 10,000 synthetic releases (bench/generate.js),
 * by the sizes of the files the page loads, not by timings: before the first keystroke the
 * search page loads at most 50 KB of script and search data, whatever the archive's size, and
 * a query loads only the shards and fragments it needs. Only the search page and its files
 * are written (the same writer as `export`), which keeps the test to a minute or two.
 * RELEASES_BUDGET_ARCHIVE=DIR reuses an archive generated before.
 */
const FIRST_LOAD = 50 * 1024;
/** Pagefind 1.6 loaded 244–292 KB per query at 10k releases (issue 10); we stay well under. */
const PER_QUERY = 200 * 1024;
const ASSETS = path.resolve(__dirname, '../../src/render/html/assets');

async function writeSearchSite(archiveDir: string, site: string): Promise<void> {
  const archive = await loadArchive(archiveDir);
  const plan = planSite(archive, listReleases(archive.releases, NO_FILTERS, archive.registry, { sort: 'date', reverse: false }));
  const put = (rel: string, content: string) => {
    mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    writeFileSync(path.join(site, rel), content);
  };
  put('search.html', searchPage(plan, null));
  put('assets/search-engine.js', searchEngineScript());
  for (const name of ['search.js', 'site.css']) copyFileSync(path.join(ASSETS, name), path.join(site, 'assets', name));
  const collector = new SearchCollector(plan);
  for (const r of plan.releases) {
    const f = collector.add(r, r.body);
    if (f) put(f.path, f.content);
  }
  for (const f of collector.files()) put(f.path, f.content);
}

describe.skipIf(!hasChromium)('the search budget of a 10,000-release site', () => {
  it('loads at most 50 KB before the first keystroke, and a query only what it needs', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'releases-budget-'));
    try {
      let archiveDir = process.env.RELEASES_BUDGET_ARCHIVE;
      if (!archiveDir) await syntheticArchive((archiveDir = path.join(root, 'archive')), 10_000);
      const site = path.join(root, 'site');
      await writeSearchSite(archiveDir, site);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const loaded = new Map<string, number>();
        page.on('request', (r) => {
          const file = fileURLToPath(r.url().replace(/[?#].*$/, ''));
          loaded.set(path.relative(site, file), statSync(file).size);
        });
        const settled = () =>
          page.waitForFunction(
            () => {
              const r = document.getElementById('results')!;
              return (
                r.getAttribute('aria-busy') === 'false' &&
                r.getAttribute('data-state') === new URLSearchParams(window.location.search).toString()
              );
            },
            undefined,
            { timeout: 60_000 },
          );
        await page.goto(pathToFileURL(path.join(site, 'search.html')).href);
        await settled();
        const scripts = [...loaded].filter(([f]) => f.endsWith('.js'));
        const first = scripts.reduce((n, [, size]) => n + size, 0);
        console.log(`first load: ${scripts.map(([f, s]) => `${f} ${s} B`).join(', ')}; total ${first} B`);
        expect(first).toBeLessThanOrEqual(FIRST_LOAD);
        for (const q of ['petrevski', 'соработка', 'bashkëpunim', 'cooperation']) {
          const before = new Set(loaded.keys());
          await page.fill('#q', q);
          await settled();
          expect(await page.$$eval('#results .excerpt', (x) => x.length)).toBeGreaterThan(0);
          const bytes = [...loaded].filter(([f]) => !before.has(f)).reduce((n, [, size]) => n + size, 0);
          console.log(`query ${q}: ${bytes} B (${[...loaded.keys()].filter((f) => !before.has(f)).length} files)`);
          expect(bytes).toBeLessThanOrEqual(PER_QUERY);
        }
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 900_000);
});
