import { Option, type Command } from 'commander';
import { listReleases } from '../../core/filters.js';
import { pipeChunks } from '../../core/pipe.js';
import { formatNames, releaseFormats } from '../../render/formats.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
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
    const archive = await openArchive(ctx, dir, target.prefix);
    const found = listReleases(archive.releases, filters, archive.registry, { sort: opts.sort, reverse: Boolean(opts.reverse), limit });
    await pipeChunks(releaseFormats[opts.format as keyof typeof releaseFormats](found, target), ctx.stdout as never);
    if (opts.format === 'table') ctx.stderr.write(`${found.length} of ${archive.releases.length} release(s)\n`);
  });
}
