import type { FoundFile } from '../files.js';
import { fingerprint, Fingerprint } from './fingerprint.js';
import { encodeScan, movedSince } from './last-scan.js';
import { filesFromListings, scanReleaseFiles, StoredListing, type DirListing } from './scan.js';
import type { Database } from './sqlite.js';
import type { StampFn } from './stamp.js';
import { saveDirs } from './write-rows.js';

/** What changed in an archive since its index was last brought up to date. */
export interface Changes {
  /** Files new or changed since then. */
  changed: FoundFile[];
  /** Whether the index holds paths that are no longer in the archive (then `present` lists every file). */
  stale: boolean;
  present: FoundFile[];
  /** Files in the archive. */
  files: number;
  /** The scan's fingerprint, and its sizes and mtimes (last-scan.ts): stored once the changes are. */
  print: string;
  lastScan?: Buffer;
  /** Stores the folder listings that differ from the index's. */
  saveListings(): void;
}

/**
 * Compares the archive on disk with its index: `files` alone when nothing changed (folder
 * listings that changed are stored on the way), else the `Changes`. Every file is stat'ed,
 * unless `trustFolders` (files in unchanged folders are not; edits made in place are missed).
 */
export function findChanges(db: Database, dir: string, stamp: StampFn, trustFolders: boolean): { files: number } | Changes {
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const stored = meta.get('fingerprint') as string | undefined;
  const storedCount = Number(stored?.split(':')[1] ?? -1);
  // Trusting folders, an unchanged archive is told by its folders' mtimes alone, without their listings.
  if (trustFolders && stored) {
    const dirRows = db.prepare('SELECT path, mtime FROM dirs').raw().all() as [string, number][];
    if (dirRows.length && dirRows.every(([p, m]) => stamp(p ? `${dir}/${p}` : dir)?.mtimeMs === m)) return { files: storedCount };
  }
  const dirs = new Map<string, DirListing>();
  for (const [path, mtime, listing] of db.prepare('SELECT path, mtime, listing FROM dirs').raw().all() as [string, number, string][]) {
    dirs.set(path, new StoredListing(mtime, listing));
  }
  // Every file stat'ed, but on an unchanged archive the index's own list is never loaded:
  // a hash of every path, size and mtime equals the one stored after the last refresh.
  let known: Map<string, [number, number]> | undefined;
  const loadKnown = () => {
    known = new Map();
    for (const [path, size, mtime] of db.prepare('SELECT path, size, mtime FROM files').raw().iterate() as IterableIterator<
      [string, number, number]
    >)
      known.set(path, [size, mtime]);
    return known;
  };
  let scan: { files: FoundFile[]; dirs: Map<string, DirListing>; changed: boolean };
  let print: string;
  let lastScan: Buffer | undefined;
  // Found by position (last-scan.ts), the moved files are the changes, and the index holds every other path.
  let moved: FoundFile[] | undefined;
  if (trustFolders) {
    scan = scanReleaseFiles(dir, { dirs, known: loadKnown(), stamp });
    print = fingerprint(scan.files, scan.dirs);
  } else {
    // Sizes and mtimes only, in plain number arrays: on an unchanged archive nothing is
    // kept per file; otherwise the files are paired with them from the folder listings.
    const sizes: number[] = [];
    const mtimes: number[] = [];
    const quick = scanReleaseFiles(dir, { dirs, stamp, visit: (size, mtime) => void (sizes.push(size), mtimes.push(mtime)) });
    const h = new Fingerprint();
    for (let i = 0; i < sizes.length; i++) if (!Number.isNaN(sizes[i])) h.file(sizes[i], mtimes[i]);
    print = h.end(quick.dirs);
    scan = { ...quick, files: [] };
    if (print !== stored) {
      lastScan = encodeScan(sizes, mtimes);
      const positions = movedSince(meta.get('scan'), stored, quick.dirs, sizes, mtimes);
      if (positions) moved = filesFromListings(dir, quick.dirs, sizes, mtimes, positions);
      else scan.files = filesFromListings(dir, quick.dirs, sizes, mtimes);
    }
  }
  const saveListings = () => {
    if (scan.changed) saveDirs(db, dirs, scan.dirs);
  };
  if (print === stored) {
    saveListings();
    return { files: trustFolders ? scan.files.length : storedCount };
  }
  if (moved) return { changed: moved, stale: false, present: [], files: storedCount, print, lastScan, saveListings };
  const have = known ?? loadKnown();
  const changed = scan.files.filter((file) => {
    const k = have.get(file.path);
    return !(k && k[0] === file.size && k[1] === file.mtimeMs);
  });
  const stale = have.size + changed.filter((f) => !have.has(f.path)).length !== scan.files.length;
  return { changed, stale, present: scan.files, files: scan.files.length, print, lastScan, saveListings };
}
