import type { ArchiveIndex } from '../store/store.js';

/**
 * Each release file's size and mtime as the index holds them after its refresh (one query,
 * no `stat`): the stamp a release page's key starts from. A file edited since is parsed
 * anew by the refresh, so its stamp is new too.
 */
export function fileStamps(index: ArchiveIndex): Map<string, string> {
  const out = new Map<string, string>();
  const rows = index.db.prepare('SELECT path, size, mtime FROM files').raw().iterate() as IterableIterator<[string, number, number]>;
  for (const [path, size, mtime] of rows) out.set(path, `${size}:${mtime}`);
  return out;
}
