import { statSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ReleasesError, usageError } from '../../core/errors.js';
import { listReleases } from '../../core/filters.js';
import { shownPath } from '../../core/paths.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
import { addArchiveOption, addFilterOptions, readFilters } from '../options.js';

const FORMATS = ['json', 'ndjson', 'html', 'ics'];
/** An earlier export's marker under this size is a small site's (see the heap flags below). */
const SMALL_MARKER = 8 * 1024 * 1024;

const shown = (ctx: Context, p: string) => shownPath(ctx.cwd, p);

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

/** `releases export`: JSON or NDJSON for scripts and CI, or a static HTML site. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('export')
    .description('export releases as JSON, NDJSON, a static HTML site, or their events as an iCalendar file')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('json'))
    .option('--out <path>', 'file (json, ndjson, ics) or folder (html) to write; json, ndjson and ics go to stdout without it')
    .option(
      '--base-url <url>',
      'absolute URL the site will be published at (feeds, canonical links, ics URL and UIDs); default: base_url in archive.yml',
    );
  addFilterOptions(cmd);
  addArchiveOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  releases export --format ndjson > releases.ndjson
  releases export --format json --from 2018 --out releases-2018.json
  releases export --format html --out site --base-url https://example.org/releases/
  releases export --format ics --from 2024 --partner OSCE --out events.ics

--format ics writes one all-day event per release that has an event (DTEND is the day
after its end), linked to its page when a base URL is set; UIDs are <id>@<host of the
base URL, or "releases">, the same in every export.`,
  );
  cmd.action(async (opts) => {
    const filters = readFilters(opts);
    if (opts.format === 'html' && !opts.out)
      throw usageError(
        '--format html writes a folder: --out DIR is missing',
        'add --out site (a new or empty folder, or an earlier export)',
      );
    const baseUrl: string | undefined = opts.baseUrl;
    if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl))
      throw usageError(
        `--base-url ${JSON.stringify(baseUrl)} is not an absolute http(s) URL`,
        'write it like https://example.org/releases/',
      );
    const dir = ctx.archiveDir(opts.archive);
    const out = opts.out ? path.resolve(ctx.cwd, opts.out) : undefined;
    if (opts.format === 'html') {
      // V8 lets the heap grow to about twice what survived its last full collection before the
      // next one. Pages, bodies and keys made per release survive a few young collections (they
      // wait for their writes), so at 100k releases ~250 MB of the 680 MB peak was garbage
      // awaiting collection; at 1.2 times the peak stays under 512 MB, at no measured cost in time.
      // Loaded side by side: one after the other, each waited for its file's read.
      const [
        v8,
        { SiteDir, checkSiteTarget, yieldEvery, MARKER },
        { fileStamps, referencedStamp },
        { planSite },
        { siteFiles, siteFileCount },
        { quickSiteFiles },
        { siteKey },
        { bodiesAhead },
        { today },
        { MediaLibrary },
      ] = await Promise.all([
        import('node:v8'),
        import('../../core/export/site-dir.js'),
        import('../../core/export/stamps.js'),
        import('../../core/export/site-plan.js'),
        import('../../render/html/site.js'),
        import('../../render/html/site-update.js'),
        import('../../render/html/page-key.js'),
        import('../../render/markdown-ahead.js'),
        import('../../core/dates.js'),
        import('../../core/media/library.js'),
      ]);
      // Refuse a bad --out before the (possibly long) load.
      const target = await checkSiteTarget(out!, dir);
      // An update of a site under ~40k releases (its marker is 2 MB at 10k) loads the archive at
      // V8's own pace of heap growth: at 20% the load alone took ~10 full collections (10k
      // update: 0.92x CPU in turns); its peak stays far below 512 MB. Larger sites keep 20% throughout.
      const small =
        target === 'previous' && (statSync(path.join(out!, MARKER), { throwIfNoEntry: false })?.size ?? SMALL_MARKER) < SMALL_MARKER;
      if (!small) v8.setFlagsFromString('--heap-growing-percent=20');
      // The releases, their plan and the pages' inputs live only in here: the commit that
      // follows runs without them (at 100k releases ~150 MB a marker rewrite need not sit on).
      const build = async () => {
        let stamps: Map<string, string> | undefined;
        const archive = await openArchive(ctx, dir, '', (index) => {
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
        const site = await SiteDir.open(out!, dir, siteKey(archive.settings, base));
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
      ctx.stderr.write(`exported ${count} release(s) to ${shown(ctx, out!)}/index.html\n`);
      return;
    }
    if (out && /\.md$/i.test(out)) {
      const { pathInside } = await import('../../core/export/site-dir.js');
      // Every later command would read the export back as a (broken) release.
      if (await pathInside(out, dir))
        throw new ReleasesError(
          `--out ${opts.out} is a .md file inside the archive folder ${dir}: it would be read back as a release; nothing was written`,
          1,
          `write the export outside the archive, e.g. --out releases.${opts.format}`,
          opts.out,
        );
    }
    const archive = await openArchive(ctx, dir);
    const releases = listReleases(archive.releases, filters, archive.registry, { sort: 'date', reverse: false });
    const { writeExportFile } = await import('../../core/export/stream.js');
    const { pipeChunks } = await import('../../core/pipe.js');
    let chunks: Iterable<string>;
    let written = `${releases.length} release(s)`;
    if (opts.format === 'ics') {
      const { planSite } = await import('../../core/export/site-plan.js');
      const { calendarReleases, icsCalendar } = await import('../../render/ics.js');
      // URLs name the pages of the whole archive's site, whatever the filters leave out.
      const { pageOf } = planSite(archive, archive.releases);
      chunks = icsCalendar({ name: archive.settings.name, baseUrl: baseUrl ?? archive.settings.baseUrl, pageOf }, releases);
      written = `${calendarReleases(releases).length} event(s)`;
    } else {
      const { exportJsonChunks, exportNdjsonChunks } = await import('../../render/export-entry.js');
      const bodyOf = (await import('../../core/export/bodies.js')).bodyReader(archive.dir);
      const library = new (await import('../../core/media/library.js')).MediaLibrary(archive.dir);
      const mediaOf = (r: (typeof releases)[number], body: string) => library.ofRelease(r, body).files;
      chunks = opts.format === 'ndjson' ? exportNdjsonChunks(releases, bodyOf, mediaOf) : exportJsonChunks(releases, bodyOf, mediaOf);
    }
    if (out) {
      await writeExportFile(out, chunks);
      ctx.stderr.write(`exported ${written} to ${shown(ctx, out)}\n`);
    } else {
      await pipeChunks(chunks, ctx.stdout as never);
    }
  });
}
