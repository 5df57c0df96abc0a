import { statSync } from 'node:fs';
import type { FoundFile } from '../files.js';
import { toRow } from './rows.js';
import { DIR, FILE, listFolder } from './scan.js';
import type { ArchiveIndex, RefreshStats } from './store.js';

/**
 * Brings the index up to date by folder mtimes only (`add`): a folder whose mtime changed
 * is listed again, its new names parsed and its vanished names dropped; files that stay
 * are trusted, like every file of an unchanged folder (an in-place edit is seen by the
 * next read command: the stored fingerprint is dropped, so it checks every file). Costs a
 * `stat` per folder and a listing of the changed ones, not a look at the whole file table
 * (at 100k files that was ~2 s after every add, which changes its folder). Returns null, having done nothing, when a
 * folder appeared or vanished, a changed folder holds a link, or there is no index yet:
 * the caller then runs the general `refresh`.
 */
export async function refreshChangedFolders(index: ArchiveIndex, dir: string): Promise<RefreshStats | null> {
  const db = index.db;
  const root = dir.replace(/[/\\]+$/, '') || dir;
  const folders = db.prepare('SELECT path, mtime FROM dirs').raw().all() as [string, number][];
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'fingerprint'").pluck().get() as string | undefined;
  const count = () => db.prepare('SELECT count(*) FROM files').pluck().get() as number;
  if (!folders.length) return null;
  const known = new Set(folders.map(([p]) => p));
  const changed: { path: string; mtime: number }[] = [];
  for (const [p, mtime] of folders) {
    const st = statSync(p ? `${root}/${p}` : root, { throwIfNoEntry: false });
    if (!st?.isDirectory()) return null;
    if (st.mtimeMs !== mtime) changed.push({ path: p, mtime: st.mtimeMs });
  }
  if (!changed.length) return { parsed: 0, removed: 0, files: stored ? Number(stored.split(':')[1]) : count() };

  const fresh: FoundFile[] = [];
  const gone: string[] = [];
  const listings: [string, number, string][] = [];
  const previous = db.prepare('SELECT listing FROM dirs WHERE path = ?').pluck();
  for (const { path: p, mtime } of changed) {
    const prefix = p ? `${p}/` : '';
    const entries = listFolder(p ? `${root}/${p}` : root);
    if (entries.some(([name, kind]) => (kind === DIR ? !known.has(prefix + name) : kind !== FILE))) return null;
    const listing = JSON.stringify(entries);
    listings.push([p, mtime, listing]);
    const storedListing = previous.get(p) as string;
    if (listing === storedListing) continue; // same names (a file came and went): nothing to parse or drop
    const before = new Map((JSON.parse(storedListing) as [string, number][]).filter(([, kind]) => kind !== DIR));
    for (const [name, kind] of entries) {
      if (kind !== FILE) continue;
      const was = before.get(name);
      before.delete(name);
      if (was === FILE) continue; // still there: trusted, like the files of unchanged folders
      const rel = prefix + name;
      const absolute = `${root}/${rel}`;
      const st = statSync(absolute, { throwIfNoEntry: false });
      if (st?.isFile()) fresh.push({ path: rel, absolute, size: st.size, mtimeMs: st.mtimeMs });
    }
    for (const name of before.keys()) gone.push(prefix + name);
  }
  const { parseFromDisk } = fresh.length ? await import('./read.js') : { parseFromDisk: null };
  index.replace(
    fresh.map((file) => toRow(file, parseFromDisk!(file))),
    gone,
  );
  const save = db.prepare('UPDATE dirs SET mtime = ?, listing = ? WHERE path = ?');
  db.transaction(() => {
    for (const [p, mtime, listing] of listings) save.run(mtime, listing, p);
    // The stored fingerprint hashes folder mtimes too: the next full check recomputes it.
    db.exec("DELETE FROM meta WHERE key = 'fingerprint'");
  }).immediate();
  return { parsed: fresh.length, removed: gone.length, files: count() };
}
