import type { Command } from 'commander';
import { checkArchive } from '../../core/archive.js';
import { formatNames, issueFormats } from '../../render/formats.js';
import type { Context } from '../context.js';
import { addArchiveOption, formatOption, stdoutTarget } from '../options.js';
import { archiveLines } from '../source-lines.js';

/** `releases check`: every problem of every file; exit 1 when there is an error. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('check')
    .description('check every file of the archive; exit 1 when any has an error')
    .addOption(formatOption(formatNames(issueFormats), 'text'));
  addArchiveOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  releases check
  releases check --format github      # annotations in a GitHub Actions run
  releases check --format json | jq '.issues[] | select(.severity == "error")'`,
  );
  cmd.action(async (opts) => {
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    // An index made by an earlier command spares parsing the files it holds unchanged.
    const { IndexedResults } = await import('../../core/store/stored-results.js');
    const stored = await IndexedResults.open(dir, { env: ctx.env });
    let archive: Awaited<ReturnType<typeof checkArchive>>;
    try {
      archive = await checkArchive(dir, stored ?? undefined);
    } finally {
      stored?.close();
    }
    issueFormats[opts.format as keyof typeof issueFormats](archive.issues, archive.fileCount, target, archiveLines(dir));
    if (archive.issues.some((i) => i.severity === 'error')) ctx.exitCode = 1;
  });
}
