import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { listReleases } from '../../core/filters.js';
import { pipeChunks } from '../../core/pipe.js';
import { keepOutput, outputFile, outputKey, readOutput } from '../../core/store/output-cache.js';
import { formatNames, releaseFormats } from '../../render/formats.js';
import type { Context } from '../context.js';
import { skippedInArchive } from '../../core/store/skipped.js';
import { openArchiveOr } from '../load.js';
import { addArchiveOption, addFilterOptions, formatOption, readFilters, readLimit, stdoutTarget } from '../options.js';

/** `releases list`: releases and events by period, partner, person, tag, place and language. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('list')
    .description('list releases, newest period first')
    .addOption(new Option('--sort <key>', 'sort by').choices(['date', 'title']).default('date'))
    .option('--reverse', 'reverse the order')
    .option('--limit <n>', 'show at most N releases')
    .addOption(formatOption(formatNames(releaseFormats), 'table'));
  addFilterOptions(cmd);
  addArchiveOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  releases list --from 2018 --partner osce
  releases list --from 16.10.2018 --to 16.10.2018      # events running that day
  releases list --person petrevski --format json`,
  );
  cmd.action(async (opts) => {
    const filters = readFilters(opts);
    const limit = readLimit(opts.limit);
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    const format = opts.format as keyof typeof releaseFormats;
    // Everything the output depends on besides the index and the settings (see output-cache.ts).
    const parts = [
      codeStamp(),
      'list',
      dir,
      format,
      opts.sort,
      Boolean(opts.reverse),
      limit ?? null,
      filters,
      target.width ?? null,
      ctx.color.stdout,
    ];
    let kept: { file: string; key: string } | null = null;
    const opened = await openArchiveOr(ctx, dir, target.prefix, undefined, (index) => {
      const key = outputKey(index, parts);
      if (!key) return null;
      kept = { file: outputFile(index), key };
      return readOutput(kept.file, key);
    });
    if (opened.short) {
      await opened.short.writeTo(ctx.stdout as never);
      if (format === 'table') ctx.stderr.write(`${opened.short.counts[0]} of ${opened.short.counts[1]} release(s)\n`);
      return;
    }
    const archive = opened.archive;
    const found = listReleases(archive.releases, filters, archive.registry, { sort: opts.sort, reverse: Boolean(opts.reverse), limit });
    const chunks = releaseFormats[format](found, target);
    const counts = [found.length, archive.releases.length];
    // Kept only when nothing was told of skipped files: a later run from the cache tells nothing either.
    const keep = kept as { file: string; key: string } | null;
    const cache = keep && skippedInArchive(archive).length === 0 ? keepOutput(keep.file, keep.key, counts, chunks) : chunks;
    await pipeChunks(cache, ctx.stdout as never);
    if (format === 'table') ctx.stderr.write(`${counts[0]} of ${counts[1]} release(s)\n`);
  });
}

/**
 * Which build of the program this is: the file this code runs from and its size and mtime.
 * Bundled, the name of its chunk carries a hash of its code and of the chunks it imports.
 */
function codeStamp(): string {
  const file = fileURLToPath(import.meta.url);
  const st = statSync(file, { throwIfNoEntry: false });
  return `${file} ${st?.size ?? 0} ${st?.mtimeMs ?? 0}`;
}
