import { statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { today } from '../../core/dates.js';
import { SiteDir, checkSiteTarget, MARKER, yieldEvery } from '../../core/export/site-dir.js';
import { planSite } from '../../core/export/site-plan.js';
import { fileStamps, referencedStamp } from '../../core/export/stamps.js';
import { listReleases, type Filters } from '../../core/filters.js';
import { MediaLibrary } from '../../core/media/library.js';
import { shownPath } from '../../core/paths.js';
import { siteKey } from '../../render/html/page-key.js';
import { siteFileCount, siteFiles } from '../../render/html/site.js';
import { quickSiteFiles } from '../../render/html/site-update.js';
import { bodiesAhead } from '../../render/markdown-ahead.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
import { archivePrefix } from '../options.js';

// `export --format html`, loaded with its modules at once (one by one, each waited for its file's read).

/** An earlier export's marker under this size is a small site's (see the heap flags below). */
const SMALL_MARKER = 8 * 1024 * 1024;

/** A one-line progress bar on stderr, only on a terminal: pipes and CI logs stay clean. */
function progress(ctx: Context, count: () => number): { tick(): void; done(): void } {
  // Counted only for a terminal: counting plans the events pages, which a quick update never makes.
  const total = ctx.stderr.isTTY ? count() : 0;
  if (total < 200) return { tick() {}, done() {} };
  let n = 0;
  let last = 0;
  const draw = () => {
    const width = 30;
    // The count is an estimate (the search shards are known only once the index is built).
    const all = Math.max(n, total);
    const filled = Math.round((n / all) * width);
    ctx.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${n}/${all} files`);
  };
  return {
    tick() {
      n++;
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        draw();
      }
    },
    done() {
      draw();
      ctx.stderr.write('\n');
    },
  };
}

/** Exports the (filtered) releases of the archive in `dir` as a static site in `out`, or updates an earlier export there. */
export async function exportHtml(ctx: Context, dir: string, out: string, filters: Filters, baseUrl: string | undefined): Promise<void> {
  // Refuse a bad --out before the (possibly long) load.
  const target = await checkSiteTarget(out, dir);
  // V8 lets the heap grow to about twice what survived its last full collection before the
  // next one. Pages, bodies and keys made per release survive a few young collections (they
  // wait for their writes), so at 100k releases ~250 MB of the 680 MB peak was garbage
  // awaiting collection; at 1.2 times the peak stays under 512 MB, at no measured cost in time.
  // An update of a site under ~40k releases (its marker is 2 MB at 10k) loads the archive at
  // V8's own pace of heap growth: at 20% the load alone took ~10 full collections (10k
  // update: 0.92x CPU in turns); its peak stays far below 512 MB. Larger sites keep 20% throughout.
  const small = target === 'previous' && (statSync(path.join(out, MARKER), { throwIfNoEntry: false })?.size ?? SMALL_MARKER) < SMALL_MARKER;
  if (!small) v8.setFlagsFromString('--heap-growing-percent=20');
  // The releases, their plan and the pages' inputs live only in here: the commit that
  // follows runs without them (at 100k releases ~150 MB a marker rewrite need not sit on).
  const build = async () => {
    let stamps: Map<string, string> | undefined;
    const archive = await openArchive(ctx, dir, archivePrefix(ctx, dir), (index) => {
      stamps = fileStamps(index);
    });
    const releases = listReleases(archive.releases, filters, archive.registry, { sort: 'date', reverse: false });
    const plan = planSite(archive, releases);
    // From ~50k releases the heap's growth between full collections is what tips the peak
    // over 512 MB: 10% there (100k fresh export: 513-531 → 493 MB); smaller archives keep 20%.
    if (releases.length >= 50_000) v8.setFlagsFromString('--heap-growing-percent=10');
    else if (small) v8.setFlagsFromString('--heap-growing-percent=20');
    // Keyed by the releases' own path strings: the index's copies (~10 MB at 100k releases) are let go.
    const stampOf = stamps && new Map(plan.releases.map((r) => [r.path, stamps!.get(r.path)]));
    stamps = undefined;
    const base = baseUrl ?? archive.settings.baseUrl;
    // An earlier export made with the same tool, settings and base URL is updated: pages
    // whose inputs are unchanged are neither made nor written (see docs/export.md).
    const site = await SiteDir.open(out, dir, siteKey(archive.settings, base));
    const bar = progress(ctx, () => siteFileCount(plan, base));
    const pause = yieldEvery(100);
    try {
      const library = new MediaLibrary(archive.dir);
      const extras = {
        mediaOf: (r: (typeof plan.releases)[number], body: string) => library.ofRelease(r, body),
        today: today(ctx.now),
        stampOf: stampOf && ((p: string) => stampOf.get(p)),
        memory: site,
        earlierDir: site.updating ? site.out : undefined,
        refStamp: (p: string) => referencedStamp(library.rootDir, p),
      };
      // A fresh export reads and renders bodies ahead on a thread of their own; an update reads few.
      const bodies = bodiesAhead(archive.dir, site.updating ? [] : plan.releases);
      try {
        // Files kept from the earlier export are not yielded (see SiteMemory in site.ts); when
        // only bodies changed, the earlier export's facts spare keying every file again.
        const files = quickSiteFiles(plan, base, bodies.bodyOf, extras) ?? siteFiles(plan, base, bodies.bodyOf, extras);
        for (const file of files) {
          if (file.from) site.place(file.path, file.from);
          else {
            site.write(file.path, file.content, file.key);
            bar.tick();
          }
          await (site.room() ?? pause());
        }
      } finally {
        await bodies.close();
      }
      bar.done();
    } catch (e) {
      await site.abort();
      throw e;
    }
    return { site, count: releases.length };
  };
  const { site, count } = await build();
  const { kept, left } = await site.commit();
  if (kept.length)
    ctx.stderr.write(
      `kept ${kept.length} file(s) you added to the old site: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}\n`,
    );
  if (left) ctx.stderr.write(`some files of the old site were left in ${left}: they were not written by releases\n`);
  ctx.stderr.write(`exported ${count} release(s) to ${shownPath(ctx.cwd, out)}/index.html\n`);
}
