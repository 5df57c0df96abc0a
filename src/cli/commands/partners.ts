import type { Command } from 'commander';
import { countPartners } from '../../core/partners.js';
import { formatNames, partnerFormats } from '../../render/formats.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
import { addArchiveOption, formatOption, stdoutTarget } from '../options.js';

/** `releases partners`: the registry's partners and the names seen in releases, with counts. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('partners')
    .description('list partners from the registry and the releases, with release counts')
    .addOption(formatOption(formatNames(partnerFormats), 'table'));
  addArchiveOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  releases partners
  releases partners --format json`,
  );
  cmd.action(async (opts) => {
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    const archive = await openArchive(ctx, dir, target.prefix);
    partnerFormats[opts.format as keyof typeof partnerFormats](countPartners(archive.releases, archive.registry), target);
  });
}
