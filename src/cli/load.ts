import { assertArchiveDir, loadArchive, type Archive } from '../core/archive.js';
import type { Issue } from '../core/types.js';
import { location } from '../render/issues.js';
import { styler } from '../render/style.js';
import type { Context } from './context.js';

/** The first error of each file that is not among the releases: the files a read command skips. */
export function skippedFiles(archive: Archive): Issue[] {
  const listed = new Set(archive.releases.map((r) => r.path));
  const seen = new Set<string>();
  return archive.issues.filter((i) => {
    if (i.severity !== 'error' || listed.has(i.file) || seen.has(i.file)) return false;
    seen.add(i.file);
    return true;
  });
}

/**
 * Loads the archive for a read command (through the search index's parse cache, when
 * better-sqlite3 is available) and tells, on stderr, which files were skipped
 * because they cannot be read (one line each) and where to look for details.
 */
export async function openArchive(ctx: Context, dir: string, prefix = ''): Promise<Archive> {
  await assertArchiveDir(dir);
  // The index remembers every file's parse result: only new or changed files are read again.
  const { withIndex } = await import('../core/index/session.js');
  const { value: archive, warnings } = await withIndex(dir, { env: ctx.env }, (index) => loadArchive(dir, { cache: index ?? undefined }));
  const s = styler(ctx.color.stderr);
  for (const w of warnings) ctx.stderr.write(`${s.warning('warning')} ${w}\n`);
  const skipped = skippedFiles(archive);
  for (const i of skipped) ctx.stderr.write(`${s.warning('skipped')} ${location(i, prefix)}  ${i.message}\n`);
  if (skipped.length) ctx.stderr.write(`${s.hint(`${skipped.length} file(s) skipped: run releases check for details`)}\n`);
  return archive;
}
