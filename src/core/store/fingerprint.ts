import type { FoundFile } from '../files.js';
import type { DirListing } from './scan.js';

const mix = new Float64Array(1);
const words = new Uint32Array(mix.buffer);

/**
 * A hash of every folder's path and mtime and every file's size and mtime, in scan order,
 * with the file count: equal hashes, unchanged archive. File paths need no hashing: a
 * folder whose mtime is unchanged holds the same names (adding, removing or renaming a
 * file changes it), and hashing 100k path strings cost more than the rest of the check.
 */
export function fingerprint(files: FoundFile[], dirs: Map<string, DirListing>): string {
  const h = new Fingerprint();
  for (const f of files) h.file(f.size, f.mtimeMs);
  return h.end(dirs);
}

/** The fingerprint computed as files are found (see `fingerprint`). */
export class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;
  private count = 0;
  private add(x: number): void {
    mix[0] = x;
    this.a = Math.imul(this.a ^ words[0], 16777619) ^ Math.imul(this.b, 31);
    this.b = Math.imul(this.b ^ words[1], 0x5bd1e995) ^ (this.a >>> 13);
  }
  file(size: number, mtimeMs: number): void {
    this.add(size);
    this.add(mtimeMs);
    this.count++;
  }
  end(dirs: Map<string, DirListing>): string {
    for (const [path, d] of dirs) {
      for (let i = 0; i < path.length; i++) this.add(path.charCodeAt(i));
      this.add(d.mtime);
      this.add(d.size);
    }
    return `${(this.a >>> 0).toString(16)}${(this.b >>> 0).toString(16)}:${this.count}`;
  }
}
