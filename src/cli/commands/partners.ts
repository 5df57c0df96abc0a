import type { Command } from 'commander';
import { countPartners, type PartnerCount } from '../../core/partners.js';
import type { RenderTarget } from '../../render/formats.js';
import { layout } from '../../render/table.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
import { addArchiveOption, formatOption, stdoutTarget } from '../options.js';

/** Renderers of the partner list, by `--format` name. */
export const partnerFormats = {
  table: (ps: PartnerCount[], t: RenderTarget) =>
    t.write(layout(['ID', 'NAME', 'RELEASES', 'ALIASES'], ps.map((p) => [p.id ?? t.s.dim('(not in registry)'), p.name, String(p.releases), p.aliases.join(', ')]), { width: t.width, flex: 3, max: [24, 40, 8, 200], shrink: [1] }, t.s)),
  json: (ps: PartnerCount[], t: RenderTarget) => t.write(`${JSON.stringify(ps, null, 2)}\n`),
};

/** `releases partners`: the registry's partners and the names seen in releases, with counts. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('partners')
    .description('list partners from the registry and the releases, with release counts')
    .addOption(formatOption(Object.keys(partnerFormats), 'table'));
  addArchiveOption(cmd);
  cmd.addHelpText('after', `
Examples:
  releases partners
  releases partners --format json`);
  cmd.action(async (opts) => {
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    const archive = await openArchive(ctx, dir, target.prefix);
    partnerFormats[opts.format as keyof typeof partnerFormats](countPartners(archive.releases, archive.registry), target);
  });
}
