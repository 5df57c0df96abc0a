import { readdirSync, realpathSync } from 'node:fs';
import type { FoundFile } from '../files.js';
import { isInside } from '../paths.js';
import { FOLDER, REGULAR, statStamp, type StampFn } from './stamp.js';

const MD = /\.md$/i;
/** Kinds of folder entries in a `DirListing`. */
export const FILE = 0;
export const DIR = 1;
export const LINK = 2;

/** What a folder held when it was last listed: names of sub-folders and `.md` files, and its mtime. */
export interface DirListing {
  mtime: number;
  readonly entries: [name: string, kind: number][];
  /** How many entries. */
  readonly size: number;
}

/** A listing just read from the folder. */
export function listing(mtime: number, entries: [string, number][]): DirListing {
  return { mtime, entries, size: entries.length };
}

/**
 * A listing as the index stores it (JSON), parsed at each read of `entries` and not kept:
 * held parsed through a scan, the names of 100k files (~10 MB of small objects) were copied
 * by every young-generation GC of the scan (~0.3 s of GC before a search at 100k).
 */
export class StoredListing implements DirListing {
  private count = -1;
  constructor(
    readonly mtime: number,
    private readonly json: string,
  ) {}
  get entries(): [string, number][] {
    const entries = JSON.parse(this.json) as [string, number][];
    this.count = entries.length;
    return entries;
  }
  get size(): number {
    return this.count >= 0 ? this.count : this.entries.length;
  }
}

/** How to scan: the listings of the last scan, and whether to trust folder mtimes for file stats too. */
export interface ScanOptions {
  dirs?: Map<string, DirListing>;
  /**
   * With `known` (size and mtime per path from the index), files in folders whose mtime did
   * not change are not stat'ed: an edit that rewrote a file in place goes unseen. Off by default.
   */
  known?: Map<string, [number, number]>;
  /**
   * Called with each file's size and mtime instead of collecting the files (`files` is then
   * empty): checking an unchanged archive this way keeps no object per file. Called for
   * every file entry of the listings, in order, with NaN for one that is not a release file
   * (a link leading outside, a file gone), so that `filesFromListings` can pair them again.
   */
  visit?: (size: number, mtimeMs: number) => void;
  /** How paths are stat'ed (default `statStamp`). */
  stamp?: StampFn;
}

/** The sub-folders and `.md` files of a folder, by the archive's rules (no `.`/`_` names, no `node_modules`). */
export function listFolder(absDir: string): [string, number][] {
  const out: [string, number][] = [];
  for (const e of readdirSync(absDir, { withFileTypes: true })) {
    const name = e.name;
    const first = name.charCodeAt(0);
    if (first === 46 /* . */ || first === 95 /* _ */) continue;
    if (e.isDirectory()) {
      if (name !== 'node_modules') out.push([name, DIR]);
    } else if (MD.test(name) && (e.isFile() || e.isSymbolicLink())) {
      out.push([name, e.isFile() ? FILE : LINK]);
    }
  }
  return out;
}

/**
 * Lists the release files below `dir` with their size and mtime, by the same rules as
 * `findReleaseFiles` (`**\/*.md`, no `.`/`_` names, no `node_modules`, links only inside the
 * archive, regular files only) but synchronously and without glob matching. A folder whose
 * mtime equals the one in `dirs` is not read again: adding, removing or renaming a file
 * always changes its folder's mtime. Every file is still stat'ed (an edit in place changes
 * only the file), unless `known` is given.
 */
export function scanReleaseFiles(
  dir: string,
  o: ScanOptions = {},
): { files: FoundFile[]; dirs: Map<string, DirListing>; changed: boolean } {
  const root = realpathSync(dir);
  const files: FoundFile[] = [];
  const dirs = new Map<string, DirListing>();
  let changed = false;
  const stamp = o.stamp ?? statStamp;
  const walk = (absDir: string, relDir: string) => {
    const st = stamp(absDir);
    if (!st || st.kind !== FOLDER) return;
    const mtime = st.mtimeMs;
    const old = o.dirs?.get(relDir);
    const same = old !== undefined && old.mtime === mtime;
    let entries: [string, number][];
    if (same) {
      entries = old.entries;
    } else {
      changed = true;
      try {
        entries = listFolder(absDir);
      } catch {
        return; // fast-glob (suppressErrors) skips folders it cannot read; so do we.
      }
    }
    dirs.set(relDir, same ? old : listing(mtime, entries));
    const prefix = `${absDir}/`;
    for (const [name, kind] of entries) {
      const absolute = prefix + name;
      if (o.visit && kind === FILE) {
        const fst = stamp(absolute);
        if (fst && fst.kind === REGULAR) o.visit(fst.size, fst.mtimeMs);
        else o.visit(NaN, NaN);
        continue;
      }
      const rel = relDir ? `${relDir}/${name}` : name;
      if (kind === DIR) {
        walk(absolute, rel);
        continue;
      }
      const trusted = same && kind === FILE ? o.known?.get(rel) : undefined;
      if (trusted) {
        files.push({ path: rel, absolute, size: trusted[0], mtimeMs: trusted[1] });
        continue;
      }
      if (kind === LINK) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          o.visit?.(NaN, NaN);
          continue;
        }
        if (!isInside(root, target)) {
          o.visit?.(NaN, NaN);
          continue;
        }
      }
      const fst = stamp(absolute);
      if (fst && fst.kind === REGULAR) {
        if (o.visit) o.visit(fst.size, fst.mtimeMs);
        else files.push({ path: rel, absolute, size: fst.size, mtimeMs: fst.mtimeMs });
      } else {
        o.visit?.(NaN, NaN);
      }
    }
  };
  walk(dir.replace(/[/\\]+$/, '') || dir, '');
  if (o.dirs && o.dirs.size !== dirs.size) changed = true;
  return { files, dirs, changed };
}

/**
 * The files of a `visit` scan, from its folder listings and the sizes and mtimes it
 * visited, in the same order: the files the scan found, without a second `stat` of each.
 * Given `only` (ascending positions in the visit order), just the files at those positions.
 */
export function filesFromListings(
  dir: string,
  dirs: Map<string, DirListing>,
  sizes: number[],
  mtimes: number[],
  only?: number[],
): FoundFile[] {
  const files: FoundFile[] = [];
  let i = 0;
  let next = 0;
  const walk = (absDir: string, relDir: string) => {
    const listing = dirs.get(relDir);
    if (!listing) return; // the scan could not read it either
    for (const [name, kind] of listing.entries) {
      if (only && next >= only.length) return;
      if (kind !== DIR && only && only[next] !== i) {
        i++;
        continue;
      }
      const rel = relDir ? `${relDir}/${name}` : name;
      const absolute = `${absDir}/${name}`;
      if (kind === DIR) {
        walk(absolute, rel);
        continue;
      }
      next++;
      const size = sizes[i];
      const mtimeMs = mtimes[i++];
      if (!Number.isNaN(size)) files.push({ path: rel, absolute, size, mtimeMs });
    }
  };
  walk(dir.replace(/[/\\]+$/, '') || dir, '');
  return files;
}
