import { promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { Issue } from './types.js';

/** A release file found in the archive, with what is needed to tell whether it changed. */
export interface FoundFile {
  /** Path relative to the archive folder, with `/` separators. */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lists the release files below `dir`: `**\/*.md`, skipping names that start with `.` or
 * `_`. Symbolic links are followed only when they stay inside the archive; FIFOs, sockets
 * and devices are never opened (reading a FIFO would hang).
 */
export async function findReleaseFiles(dir: string): Promise<{ files: FoundFile[]; issues: Issue[] }> {
  const root = await fs.realpath(dir);
  const entries = await fg('**/*.md', {
    cwd: dir, dot: false, onlyFiles: false, followSymbolicLinks: false, stats: true,
    caseSensitiveMatch: false, ignore: ['**/_*', '**/_*/**', '**/node_modules/**'], suppressErrors: true,
  });
  const files: FoundFile[] = [];
  const issues: Issue[] = [];
  const skip = (rel: string, code: string, message: string, hint: string) =>
    issues.push({ file: rel, severity: 'warning', code, message, hint });
  for (const entry of entries) {
    const rel = entry.path;
    const absolute = path.join(dir, rel);
    let stats = entry.stats!;
    if (stats.isSymbolicLink()) {
      const target = await fs.realpath(absolute).catch(() => null);
      if (!target || !isInside(root, target)) {
        skip(rel, 'link-outside', target ? 'a symbolic link to a file outside the archive: not followed' : 'a symbolic link that leads nowhere (or in a loop): not followed', 'copy the file into the archive instead of linking to it');
        continue;
      }
      stats = await fs.stat(target);
    }
    if (stats.isDirectory()) continue;
    if (!stats.isFile()) {
      skip(rel, 'not-a-file', 'not a regular file (a pipe, socket or device): not read', 'remove it from the archive');
      continue;
    }
    files.push({ path: rel, absolute, size: stats.size, mtimeMs: stats.mtimeMs });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, issues };
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
