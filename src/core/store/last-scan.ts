import { Fingerprint } from './fingerprint.js';
import type { DirListing } from './scan.js';

// The sizes and mtimes of the scan whose fingerprint the index stores, in scan order (NaN
// for an entry that was not a release file), kept beside it as meta 'scan'. A later scan
// whose folder listings are the stored ones lists the same paths in the same order, so
// the files that changed are the positions whose numbers differ: neither the index's
// file table nor a path per file is then loaded (after an edit of one release at 10k,
// that was most of what `list` paid beyond an unchanged archive's check).

/** The stored form of a scan's numbers: sizes then mtimes, as float64. */
export function encodeScan(sizes: number[], mtimes: number[]): Buffer {
  const n = sizes.length;
  const all = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    all[i] = sizes[i];
    all[n + i] = mtimes[i];
  }
  return Buffer.from(all.buffer, all.byteOffset, all.byteLength);
}

/**
 * The positions of the files whose size or mtime changed since the stored scan, given this
 * scan's numbers and folder listings; null when the stored scan cannot say (none, damaged,
 * another count, or it does not hash with these listings to the stored fingerprint), or
 * when an entry became or stopped being a release file: the caller then compares paths.
 */
export function movedSince(
  stored: unknown,
  print: string | undefined,
  dirs: Map<string, DirListing>,
  sizes: number[],
  mtimes: number[],
): number[] | null {
  const n = sizes.length;
  if (!print || !(stored instanceof Uint8Array) || stored.byteLength !== 16 * n) return null;
  const last = new Float64Array(2 * n);
  new Uint8Array(last.buffer).set(stored);
  const h = new Fingerprint();
  for (let i = 0; i < n; i++) if (!Number.isNaN(last[i])) h.file(last[i], last[n + i]);
  if (h.end(dirs) !== print) return null;
  const moved: number[] = [];
  for (let i = 0; i < n; i++) {
    const was = Number.isNaN(last[i]);
    if (was !== Number.isNaN(sizes[i])) return null;
    if (!was && (last[i] !== sizes[i] || last[n + i] !== mtimes[i])) moved.push(i);
  }
  return moved;
}
