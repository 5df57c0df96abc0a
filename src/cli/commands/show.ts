import path from 'node:path';
import type { Command } from 'commander';
import { ReleasesError } from '../../core/errors.js';
import type { ReleaseQuery } from '../../core/store/lookup.js';
import { formatNames, showFormats } from '../../render/formats.js';
import { location } from '../../render/issues.js';
import type { Context } from '../context.js';
import { findRelease } from '../load.js';
import { addArchiveOption, formatOption, stdoutTarget } from '../options.js';

/** What an argument may name: an id, or a file relative to the archive or to here. */
function queryFor(ref: string, dir: string, ctx: Context): ReleaseQuery {
  const asPath = path.relative(dir, path.resolve(ctx.cwd, ref)).split(path.sep).join('/');
  return { id: ref, paths: [ref.replace(/\\/g, '/').replace(/^\.\//, ''), asPath] };
}

/** `releases show ID|PATH`: one release, whole. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('show')
    .description('show one release, by id or file path')
    .argument('<id|path>', 'the release id (its file name without .md) or its file')
    .addOption(formatOption(formatNames(showFormats), 'text'));
  addArchiveOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  releases show 2018-10-18-national-coordinator-at-third-international-conference
  releases show archive/2018/2018-10-18-national-coordinator-at-third-international-conference.md --format json`,
  );
  cmd.action(async (ref: string, opts) => {
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    const found = await findRelease(ctx, dir, queryFor(ref, dir, ctx), target.prefix);
    if (found.release) {
      showFormats[opts.format as keyof typeof showFormats](found.release, target);
      return;
    }
    if (found.refused) {
      throw new ReleasesError(
        `${location(found.refused, target.prefix)}: ${found.refused.message}`,
        1,
        `this file cannot be read; run releases check for every problem in it`,
        found.refused.file,
      );
    }
    throw new ReleasesError(
      `no release with the id or file "${ref}"`,
      1,
      found.near ? `did you mean ${found.near}?` : 'run releases list to see the ids',
    );
  });
}
