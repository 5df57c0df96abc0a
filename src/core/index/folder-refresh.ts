import { statSync } from 'node:fs';
import type { FoundFile } from '../files.js';
import { toRow } from './rows.js';
import { DIR, FILE, listFolder } from './scan.js';
import type { ArchiveIndex, RefreshStats } from './store.js';

/**
 * Brings the index up to date by folder mtimes only (`add`): folders whose mtime is
 * unchanged are trusted whole; a changed folder is listed again and only its own files are
 * stat'ed and compared with the index rows under it. Costs a `stat` per folder plus the
 * changed folders' files, not a look at the whole file table (at 100k files that was ~2 s
 * after every add, which changes its folder). Returns null, having done nothing, when a
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
  const inFolder = db.prepare('SELECT path, size, mtime FROM files WHERE path >= ? AND path < ?').raw();
  const atRoot = db.prepare("SELECT path, size, mtime FROM files WHERE instr(path, '/') = 0").raw();
  for (const { path: p, mtime } of changed) {
    const prefix = p ? `${p}/` : '';
    const entries = listFolder(p ? `${root}/${p}` : root);
    if (entries.some(([name, kind]) => (kind === DIR ? !known.has(prefix + name) : kind !== FILE))) return null;
    const rows = new Map<string, [number, number]>();
    for (const [path, size, m] of (p ? inFolder.all(prefix, `${prefix}\uffff`) : atRoot.all()) as [string, number, number][]) {
      if (!path.slice(prefix.length).includes('/')) rows.set(path, [size, m]);
    }
    const present = new Set<string>();
    for (const [name, kind] of entries) {
      if (kind !== FILE) continue;
      const rel = prefix + name;
      const absolute = `${root}/${rel}`;
      const st = statSync(absolute, { throwIfNoEntry: false });
      if (!st?.isFile()) continue;
      present.add(rel);
      const row = rows.get(rel);
      if (!row || row[0] !== st.size || row[1] !== st.mtimeMs) fresh.push({ path: rel, absolute, size: st.size, mtimeMs: st.mtimeMs });
    }
    for (const path of rows.keys()) if (!present.has(path)) gone.push(path);
    listings.push([p, mtime, JSON.stringify(entries)]);
  }
  const { parseFromDisk } = fresh.length ? await import('./read.js') : { parseFromDisk: null };
  index.replace(fresh.map((file) => toRow(file, parseFromDisk!(file))), gone);
  const save = db.prepare('UPDATE dirs SET mtime = ?, listing = ? WHERE path = ?');
  db.transaction(() => {
    for (const [p, mtime, listing] of listings) save.run(mtime, listing, p);
    // The stored fingerprint hashes folder mtimes too: the next full check recomputes it.
    db.exec("DELETE FROM meta WHERE key = 'fingerprint'");
  }).immediate();
  return { parsed: fresh.length, removed: gone.length, files: count() };
}
