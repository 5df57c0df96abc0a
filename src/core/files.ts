import { realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { isInside } from './paths.js';
import type { Issue } from './types.js';

/** A release file found in the archive, with what is needed to tell whether it changed. */
export interface FoundFile {
  /** Path relative to the archive folder, with `/` separators. */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the release files below `dir`: `**\/*.md` (any case), skipping names that start
 * with `.` or `_` and `node_modules` folders. Symbolic links are followed only when they
 * stay inside the archive (and never into folders); FIFOs, sockets and devices are never
 * opened (reading a FIFO would hang). fast-glob's synchronous API with one `stat` per
 * file: at 100k files its asynchronous API with `stats: true` took several times longer.
 */
export async function findReleaseFiles(dir: string): Promise<{ files: FoundFile[]; issues: Issue[] }> {
  const root = realpathSync(dir);
  const files: FoundFile[] = [];
  const issues: Issue[] = [];
  const skip = (rel: string, code: string, message: string, hint: string) =>
    issues.push({ file: rel, severity: 'warning', code, message, hint });
  const visit = (rel: string, absolute: string, entry: Dirent) => {
    let stats: Stats | undefined;
    if (entry.isSymbolicLink()) {
      let target: string | null = null;
      try {
        target = realpathSync(absolute);
      } catch {
        /* broken or looping */
      }
      if (!target || !isInside(root, target)) {
        skip(
          rel,
          'link-outside',
          target
            ? 'a symbolic link to a file outside the archive: not followed'
            : 'a symbolic link that leads nowhere (or in a loop): not followed',
          'copy the file into the archive instead of linking to it',
        );
        return;
      }
      stats = statSync(target, { throwIfNoEntry: false });
    } else {
      stats = statSync(absolute, { throwIfNoEntry: false });
    }
    if (!stats || stats.isDirectory()) return;
    if (!stats.isFile()) {
      skip(rel, 'not-a-file', 'not a regular file (a pipe, socket or device): not read', 'remove it from the archive');
      return;
    }
    files.push({ path: rel, absolute, size: stats.size, mtimeMs: stats.mtimeMs });
  };
  // fast-glob lists (skipping dot names itself), one stat per file tells size and mtime.
  const entries = fg.sync('**/*.md', {
    cwd: dir,
    dot: false,
    onlyFiles: false,
    objectMode: true,
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
    ignore: ['**/_*', '**/_*/**', '**/node_modules/**'],
    suppressErrors: true,
  });
  for (const entry of entries) visit(entry.path, path.join(dir, entry.path), entry.dirent as Dirent);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, issues };
}
