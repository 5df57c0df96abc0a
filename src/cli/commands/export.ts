import path from 'node:path';
import { Option, type Command } from 'commander';
import { ReleasesError, usageError } from '../../core/errors.js';
import { listReleases } from '../../core/filters.js';
import { shownPath } from '../../core/paths.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
import { addArchiveOption, addFilterOptions, archivePrefix, readFilters } from '../options.js';

const FORMATS = ['json', 'ndjson', 'html', 'ics'];

const shown = (ctx: Context, p: string) => shownPath(ctx.cwd, p);

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
      await (await import('./export-html.js')).exportHtml(ctx, dir, out!, filters, baseUrl);
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
    const archive = await openArchive(ctx, dir, archivePrefix(ctx, dir));
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
