import type { Command } from 'commander';
import { ReleasesError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { addArchiveOption, addCacheDirOption, readCacheDir } from '../options.js';

/** `releases index [--rebuild]`: brings the search index up to date (every command does this anyway). */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('index')
    .description('bring the search index up to date (commands do this themselves; --rebuild starts afresh)')
    .option('--rebuild', 'delete the index and build it again from the files');
  addArchiveOption(cmd);
  addCacheDirOption(cmd);
  cmd.addHelpText(
    'after',
    `
The index is a cache of the Markdown files (which stay the only source of truth) kept in
.releases/ next to the archive: keep that folder out of version control.

Examples:
  releases index
  releases index --rebuild`,
  );
  cmd.action(async (opts) => {
    const dir = ctx.archiveDir(opts.archive);
    const { assertArchiveDir } = await import('../../core/archive.js');
    await assertArchiveDir(dir);
    const { withIndex } = await import('../../core/store/session.js');
    const started = Date.now();
    const { value, warnings } = await withIndex(
      dir,
      { cacheDir: readCacheDir(ctx, opts.cacheDir), env: ctx.env, rebuild: Boolean(opts.rebuild) },
      async (index) => {
        if (!index) return null;
        const stats = await index.refresh(dir);
        // The whole index, search text included (other commands leave that to the first search).
        await (await import('../../core/store/text-index.js')).ensureText(index.db, dir);
        return { stats, file: index.file };
      },
    );
    for (const w of warnings) ctx.stderr.write(`warning ${w}\n`);
    if (!value && warnings.length > 0) {
      throw new ReleasesError('the search index was not brought up to date', 1, 'see the warning above');
    }
    if (!value) {
      throw new ReleasesError(
        'the search index needs better-sqlite3, which cannot be loaded here (or RELEASES_INDEX=off is set)',
        1,
        'run npm rebuild better-sqlite3 (it compiles the native part); search still works without it, only slower',
      );
    }
    const secs = ((Date.now() - started) / 1000).toFixed(2);
    const { stats, file } = value;
    ctx.stdout.write(`${stats.files} file(s) indexed: ${stats.parsed} read anew, ${stats.removed} removed, in ${secs} s\n${file}\n`);
  });
}
