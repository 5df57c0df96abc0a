import type { Archive } from '../archive.js';
import type { Issue } from '../types.js';
import { compareIssues, refusedDuplicate } from '../validate.js';
import type { Database } from './sqlite.js';

// The files a read command skips, and why: told on stderr by list, show and search alike.

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first error of each file that is not among `listed`, in issue order. */
export function firstErrors(sorted: Issue[], listed: (file: string) => boolean): Issue[] {
  const seen = new Set<string>();
  return sorted.filter((i) => {
    if (i.severity !== 'error' || seen.has(i.file) || listed(i.file)) return false;
    seen.add(i.file);
    return true;
  });
}

/** The first error of each file of a loaded archive that is not among its releases. */
export function skippedInArchive(archive: Archive): Issue[] {
  // Most archives have no file in error: then no set of every path is made.
  if (!archive.issues.some((i) => i.severity === 'error')) return [];
  const listed = new Set(archive.releases.map((r) => r.path));
  return firstErrors(archive.issues, (f) => listed.has(f));
}

/**
 * Every error of the files the index's readers skip, sorted: unreadable files (their stored
 * issues), the later files of a duplicated id, and the settings' or registry's (`config`).
 * Two indexed queries: the rows without an id, and the ids held by more than one row.
 */
export function refusedInIndex(db: Database, config: Issue[]): Issue[] {
  const refused: Issue[] = config.filter((i) => i.severity === 'error');
  for (const json of db
    .prepare('SELECT docs.issues FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.rid IS NULL AND docs.issues IS NOT NULL')
    .pluck()
    .iterate() as IterableIterator<string>) {
    for (const i of (JSON.parse(json) as Issue[]).sort(compareIssues)) if (i.severity === 'error') refused.push(i);
  }
  const dupRows = db
    .prepare('SELECT rid, path FROM files WHERE rid IN (SELECT rid FROM files WHERE rid IS NOT NULL GROUP BY rid HAVING count(*) > 1)')
    .raw()
    .all() as [string, string][];
  const groups = new Map<string, string[]>();
  for (const [id, path] of dupRows) {
    const group = groups.get(id);
    if (group) group.push(path);
    else groups.set(id, [path]);
  }
  for (const [id, paths] of groups) {
    const [first, ...rest] = paths.sort(byPath);
    for (const p of rest) refused.push(refusedDuplicate(id, p, first));
  }
  return refused.sort(compareIssues);
}
