import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, promises as fs, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from '../errors.js';
import { clearLeftovers, deadBuild, heartbeat, withLock } from './leftovers.js';
import { MARKER, carryOver, retire, settleOlds } from './old-site.js';
import { isInside } from '../paths.js';
import { linkOrCopy, type PlacedSource } from '../media/place.js';

export { MARKER };
/** Marks a temporary build folder, so a later run may clear one left by a killed export. */
const BUILDING = '.releases-building';

type TargetState = 'absent' | 'empty' | 'previous';

async function realOrResolved(p: string): Promise<string> {
  // The nearest existing ancestor decides where a path really is (symbolic links resolved).
  let head = path.resolve(p);
  const tail: string[] = [];
  for (;;) {
    const real = await fs.realpath(head).catch(() => null);
    if (real) return path.join(real, ...tail.reverse());
    const parent = path.dirname(head);
    if (parent === head) return path.resolve(p);
    tail.push(path.basename(head));
    head = parent;
  }
}

/** True when `p` is `dir` or lies below it, symbolic links resolved (for paths not yet created too). */
export async function pathInside(p: string, dir: string): Promise<boolean> {
  return isInside(await realOrResolved(dir), await realOrResolved(p));
}

/** Says whether `out` may receive a site; refuses (touching nothing) when it may not. */
export async function checkSiteTarget(out: string, archiveDir: string): Promise<TargetState> {
  const real = await realOrResolved(out);
  const archive = await realOrResolved(archiveDir);
  if (path.dirname(real) === real) throw new ReleasesError(`--out ${out} is the root folder: refusing to export there`, 1, 'pass a folder of its own, e.g. --out site');
  if (isInside(archive, real)) throw new ReleasesError(`--out ${out} is inside the archive folder ${archiveDir}: the site's pages would be read back as releases`, 1, 'write the site outside the archive, e.g. --out site', out);
  if (isInside(real, archive)) throw new ReleasesError(`--out ${out} holds the archive folder ${archiveDir}: refusing to replace it`, 1, 'write the site into a folder of its own, e.g. --out site', out);
  const stats = await fs.lstat(out).catch(() => null);
  if (!stats) return 'absent';
  if (!stats.isDirectory()) throw new ReleasesError(`--out ${out} exists and is not a folder: nothing was written`, 1, 'pass a new or empty folder, or an earlier export', out);
  const names = await fs.readdir(out);
  if (names.length === 0) return 'empty';
  if (names.includes(MARKER)) return 'previous';
  throw new ReleasesError(`--out ${out} is not empty and holds no earlier export (no ${MARKER} file): nothing was touched`, 1, 'pass a new or empty folder, or the folder of an earlier export', out);
}

function writeChunks(file: string, chunks: Iterable<Uint8Array>): void {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A function to await after each file written: once `ms` have passed since the last pause it
 * lets timers and I/O run (the lock's heartbeat, which other runs watch, and the progress bar).
 */
export function yieldEvery(ms: number): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last < ms) return undefined;
    return new Promise<void>((resolve) => setImmediate(() => { last = Date.now(); resolve(); }));
  };
}

/**
 * Builds a site in a temporary folder next to `out`, then swaps it into place. Until
 * `commit`, `out` is never touched, so a failed or killed export leaves the old site as it was.
 */
export class SiteDir {
  private readonly files: string[] = [];
  private readonly made = new Set<string>();

  private stopHeartbeat: () => void = () => undefined;

  private constructor(readonly out: string, readonly temp: string, private readonly archiveDir: string) {}

  private static lockOf(out: string): string {
    return path.join(path.dirname(out), `.${path.basename(out)}.releases-lock`);
  }

  /** Checks `out`, clears builds left by killed runs and opens a temporary folder. */
  static async open(out: string, archiveDir: string): Promise<SiteDir> {
    await checkSiteTarget(out, archiveDir);
    const resolved = path.resolve(out);
    const parent = path.dirname(resolved);
    const base = path.basename(resolved);
    await fs.mkdir(parent, { recursive: true });
    // Builds of other runs still in progress keep their marker fresh; only dead ones go.
    await clearLeftovers(parent, `.${base}.releases-tmp-`, (abs) => deadBuild(abs, BUILDING));
    await withLock(SiteDir.lockOf(resolved), () => settleOlds(resolved));
    const temp = path.join(parent, `.${base}.releases-tmp-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(temp).catch((e) => { throw writeError(temp, e, 'nothing was changed'); });
    await fs.writeFile(path.join(temp, BUILDING), '').catch((e) => { throw writeError(temp, e, 'nothing was changed'); });
    const site = new SiteDir(resolved, temp, archiveDir);
    site.stopHeartbeat = heartbeat(path.join(temp, BUILDING));
    return site;
  }

  /**
   * Writes one file of the site (path relative to the site root, `/` separators). Synchronous
   * on purpose: for thousands of small pages the promise API costs several times the write
   * itself (10k files of 9 KB: 0.3–0.8 s of CPU written one by one, 1.4–2.3 s with 16
   * promises in flight). Callers yield to the event loop now and then (see `yieldEvery`).
   */
  write(rel: string, content: string | Uint8Array | Iterable<Uint8Array>): void {
    const abs = path.join(this.temp, rel);
    const dir = path.dirname(abs);
    try {
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(abs, content);
      else writeChunks(abs, content);
    } catch (e) {
      throw writeError(path.join(this.out, rel), e, 'the previous export is unchanged');
    }
    this.files.push(rel);
  }

  /** Places a file of the archive in the site (path relative to the site root): hard-linked, else copied. */
  place(rel: string, source: PlacedSource): void {
    const abs = path.join(this.temp, rel);
    try {
      mkdirSync(path.dirname(abs), { recursive: true });
      linkOrCopy(source, abs);
    } catch (e) {
      throw writeError(path.join(this.out, rel), e, 'the previous export is unchanged');
    }
    this.files.push(rel);
  }

  /** Puts the finished site in place of `out`. Returns the user's files carried over from the old site. */
  async commit(): Promise<{ kept: string[]; left: string | null }> {
    this.write(MARKER, `${JSON.stringify({ tool: 'releases', files: [...this.files].sort() }, null, 1)}\n`);
    this.files.pop();
    this.stopHeartbeat();
    // Two exports into one folder take turns here: each swap sees the other's finished site,
    // and the old site is cleared before the next run may look at what lies beside `out`.
    return withLock(SiteDir.lockOf(this.out), async () => {
      const swapped = await this.swap();
      return { kept: swapped.kept, left: swapped.old ? await retire(swapped.old, swapped.kept, swapped.conflicts) : null };
    });
  }

  private async swap(): Promise<{ kept: string[]; old: string | null; conflicts: boolean }> {
    const state = await checkSiteTarget(this.out, this.archiveDir);
    if (state !== 'previous') {
      await fs.rm(path.join(this.temp, BUILDING));
      if (state === 'empty') await fs.rmdir(this.out);
      await fs.rename(this.temp, this.out);
      return { kept: [], old: null, conflicts: false };
    }
    // Still marked as a build folder: a run killed now leaves links a later run may clear.
    const { carried, conflicts } = await carryOver(this.out, this.temp);
    await fs.rm(path.join(this.temp, BUILDING));
    const old = path.join(path.dirname(this.out), `.${path.basename(this.out)}.releases-old-${randomBytes(4).toString('hex')}`);
    // Back to back, with no turn of the event loop between: the moment without a site is
    // two system calls long, so even a kill aimed at it almost never lands there.
    renameSync(this.out, old);
    try {
      renameSync(this.temp, this.out);
    } catch (e) {
      renameSync(old, this.out);
      throw e;
    }
    return { kept: carried, old, conflicts };
  }

  /** Removes the temporary folder (everything in it was written by this run). */
  async abort(): Promise<void> {
    this.stopHeartbeat();
    await fs.rm(this.temp, { recursive: true, force: true });
  }
}
