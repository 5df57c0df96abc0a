import path from 'node:path';
import type { Command } from 'commander';
import type { Archive } from '../../core/archive.js';
import { ReleasesError } from '../../core/errors.js';
import { distance } from '../../core/registry.js';
import type { ArchivedRelease } from '../../core/types.js';
import { formatNames, showFormats } from '../../render/formats.js';
import { location } from '../../render/issues.js';
import type { Context } from '../context.js';
import { openArchive } from '../load.js';
import { addArchiveOption, formatOption, stdoutTarget } from '../options.js';

/** The release an argument names: its id, or its file (relative to the archive or to here). */
function findRelease(archive: Archive, ctx: Context, ref: string): ArchivedRelease | string {
  const byId = archive.releases.find((r) => r.id === ref);
  if (byId) return byId;
  const asPath = path.relative(archive.dir, path.resolve(ctx.cwd, ref)).split(path.sep).join('/');
  const candidates = [ref.replace(/\\/g, '/').replace(/^\.\//, ''), asPath];
  const byPath = archive.releases.find((r) => candidates.includes(r.path));
  if (byPath) return byPath;
  const refused = archive.issues.find((i) => i.severity === 'error' && candidates.includes(i.file));
  return refused ? refused.file : '';
}

/** `releases show ID|PATH`: one release, whole. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('show')
    .description('show one release, by id or file path')
    .argument('<id|path>', 'the release id (its file name without .md) or its file')
    .addOption(formatOption(formatNames(showFormats), 'text'));
  addArchiveOption(cmd);
  cmd.addHelpText('after', `
Examples:
  releases show 2018-10-18-national-coordinator-at-third-international-conference
  releases show archive/2018/2018-10-18-national-coordinator-at-third-international-conference.md --format json`);
  cmd.action(async (ref: string, opts) => {
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    const archive = await openArchive(ctx, dir, target.prefix);
    const found = findRelease(archive, ctx, ref);
    if (typeof found !== 'string') {
      showFormats[opts.format as keyof typeof showFormats](found, target);
      return;
    }
    if (found) {
      const first = archive.issues.find((i) => i.file === found && i.severity === 'error')!;
      throw new ReleasesError(`${location(first, target.prefix)}: ${first.message}`, 1, `this file cannot be read; run releases check for every problem in it`, found);
    }
    const near = archive.releases.map((r) => ({ id: r.id, d: distance(r.id.slice(0, ref.length + 8), ref) })).sort((a, b) => a.d - b.d)[0];
    throw new ReleasesError(`no release with the id or file "${ref}"`, 1, near && near.d <= Math.max(3, ref.length / 3) ? `did you mean ${near.id}?` : 'run releases list to see the ids');
  });
}
