import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, promises as fs, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from '../errors.js';
import { clearLeftovers, deadBuild, heartbeat, withLock } from './leftovers.js';
import { type FileContent, writeContent } from './file-body.js';
import { JOURNAL, finishJournal, commitInPlace } from './journal.js';
import { WriteQueue } from './write-queue.js';
import { bytesStamp, type Manifest, manifestText, readManifest } from './manifest.js';
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
  if (path.dirname(real) === real)
    throw new ReleasesError(`--out ${out} is the root folder: refusing to export there`, 1, 'pass a folder of its own, e.g. --out site');
  if (isInside(archive, real))
    throw new ReleasesError(
      `--out ${out} is inside the archive folder ${archiveDir}: the site's pages would be read back as releases`,
      1,
      'write the site outside the archive, e.g. --out site',
      out,
    );
  if (isInside(real, archive))
    throw new ReleasesError(
      `--out ${out} holds the archive folder ${archiveDir}: refusing to replace it`,
      1,
      'write the site into a folder of its own, e.g. --out site',
      out,
    );
  const stats = await fs.lstat(out).catch(() => null);
  if (!stats) return 'absent';
  if (!stats.isDirectory())
    throw new ReleasesError(
      `--out ${out} exists and is not a folder: nothing was written`,
      1,
      'pass a new or empty folder, or an earlier export',
      out,
    );
  const names = await fs.readdir(out);
  if (names.length === 0) return 'empty';
  if (names.includes(MARKER)) return 'previous';
  throw new ReleasesError(
    `--out ${out} is not empty and holds no earlier export (no ${MARKER} file): nothing was touched`,
    1,
    'pass a new or empty folder, or the folder of an earlier export',
    out,
  );
}

/**
 * A function to await after each file written: once `ms` have passed since the last pause it
 * lets timers and I/O run (the lock's heartbeat, which other runs watch, and the progress bar).
 */
export function yieldEvery(ms: number): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = Date.now();
        resolve();
      }),
    );
  };
}

/**
 * Adds the path (`/` separators) of everything below `dir`/`rel` to `into`. Synchronous, one
 * folder read each: at 22k files 0.1 s, where `fs.promises.readdir` with `recursive` took 0.7 s.
 */
function namesBelow(dir: string, rel: string, into: Set<string>): void {
  for (const e of readdirSync(rel ? path.join(dir, rel) : dir, { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    into.add(p);
    if (e.isDirectory()) namesBelow(dir, p, into);
  }
}

/** Files written on the thread pool at once (it has 4 threads unless UV_THREADPOOL_SIZE says otherwise). */
const WRITES_AT_ONCE = 8;

/** Past this many files to write or remove, an update builds a whole new site and swaps it in. */
const IN_PLACE_MAX = 1000;

/**
 * Writes a site. A fresh site (or one whose site-wide inputs changed) is built in a
 * temporary folder next to `out`, then swapped into place: until `commit`, `out` is never
 * touched. An earlier export by the same tool with the same site key is updated instead:
 * files whose key or bytes are unchanged are kept as they are, the others are written into
 * the temporary folder, and `commit` moves them in under a journal (see journal.ts).
 */
export class SiteDir {
  private readonly files: string[] = [];
  private readonly stamps = new Map<string, string>();
  /** Files in the temporary folder (an update writes only the changed ones). */
  private readonly written: string[] = [];
  private readonly made = new Set<string>();
  private readonly refs = new Map<string, readonly string[]>();

  private stopHeartbeat: () => void = () => undefined;
  private readonly queue = new WriteQueue(WRITES_AT_ONCE);
  private readonly put = (abs: string, data: string | Uint8Array) =>
    this.queue.push(abs, data, (e) =>
      writeError(path.join(this.out, path.relative(this.temp, abs)), e, 'the previous export is unchanged'),
    );

  private constructor(
    readonly out: string,
    readonly temp: string,
    private readonly archiveDir: string,
    private readonly site: string | null,
    /** The earlier export being updated: its marker's hash, manifest and files on disk. */
    private readonly prev: { text: string; manifest: Manifest; present: Set<string> } | null,
  ) {}

  private static lockOf(out: string): string {
    return path.join(path.dirname(out), `.${path.basename(out)}.releases-lock`);
  }

  /** True when this run updates an earlier export in place rather than building a whole site. */
  get updating(): boolean {
    return this.prev !== null;
  }

  /**
   * Checks `out`, finishes or clears what killed runs left, and opens a temporary folder.
   * `site` is the key of the site-wide inputs; without it every file is written.
   */
  static async open(out: string, archiveDir: string, site: string | null = null): Promise<SiteDir> {
    await checkSiteTarget(out, archiveDir);
    const resolved = path.resolve(out);
    const parent = path.dirname(resolved);
    const base = path.basename(resolved);
    await fs.mkdir(parent, { recursive: true });
    await withLock(SiteDir.lockOf(resolved), async () => {
      // A killed update first (its journal names a build folder that must not be cleared).
      finishJournal(resolved);
      await settleOlds(resolved);
      // Builds of other runs still in progress keep their marker fresh; only dead ones go.
      await clearLeftovers(parent, `.${base}.releases-tmp-`, (abs) => deadBuild(abs, BUILDING));
    });
    const prev = site === null ? null : await SiteDir.previous(resolved, archiveDir, site);
    const temp = path.join(parent, `.${base}.releases-tmp-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(temp).catch((e) => {
      throw writeError(temp, e, 'nothing was changed');
    });
    await fs.writeFile(path.join(temp, BUILDING), '').catch((e) => {
      throw writeError(temp, e, 'nothing was changed');
    });
    const dir = new SiteDir(resolved, temp, archiveDir, site, prev);
    dir.stopHeartbeat = heartbeat(path.join(temp, BUILDING));
    return dir;
  }

  /** The earlier export in `out` made with the same site key, with the files it still holds. */
  private static async previous(out: string, archiveDir: string, site: string): Promise<SiteDir['prev']> {
    if ((await checkSiteTarget(out, archiveDir)) !== 'previous') return null;
    const text = await fs.readFile(path.join(out, MARKER), 'utf8').catch(() => '');
    const manifest = readManifest(text);
    if (!manifest || manifest.site !== site) return null;
    // Names only (a few folder reads): a page deleted by hand is written again. Folders'
    // names come too; no file of the site has a folder's name.
    const present = new Set<string>();
    try {
      namesBelow(out, '', present);
    } catch {
      present.clear();
    }
    // The marker's hash, not its text (10 MB at 100k releases), tells at commit whether another run replaced it.
    return { text: bytesStamp(text), manifest, present };
  }

  /**
   * True when the earlier export holds `rel` made from inputs of this key; without a key,
   * when it holds `rel` as a file of the archive placed in the site.
   */
  holds(rel: string, key?: string): boolean {
    const was = this.prev?.manifest.stamps.get(rel);
    if (was === undefined || !this.prev!.present.has(rel)) return false;
    return key === undefined ? was.startsWith('m:') : was === `k:${key}`;
  }

  /** Like `holds`, and then the earlier export's `rel` is part of the new site as it is. */
  keep(rel: string, key?: string): boolean {
    if (!this.holds(rel, key)) return false;
    this.files.push(rel);
    this.stamps.set(rel, this.prev!.manifest.stamps.get(rel)!);
    return true;
  }

  /** The archive files the earlier export's release page `rel` referred to, when its marker recorded them. */
  refsOf(rel: string): readonly string[] | undefined {
    const refs = this.prev?.manifest.refs;
    if (!refs || !this.prev!.manifest.stamps.get(rel)?.startsWith('k:')) return undefined;
    return refs.get(rel) ?? [];
  }

  /** Records the archive files release page `rel` refers to, in the new marker. */
  noteRefs(rel: string, refs: readonly string[]): void {
    if (refs.length) this.refs.set(rel, refs);
  }

  /**
   * Writes one file of the site (path relative to the site root, `/` separators); `key`
   * names its inputs (see `keep`), else the file is known by its bytes. Synchronous on
   * purpose: for thousands of small pages the promise API costs several times the write
   * itself (10k files of 9 KB: 0.3–0.8 s of CPU written one by one, 1.4–2.3 s with 16
   * promises in flight). Callers yield to the event loop now and then (see `yieldEvery`).
   */
  write(rel: string, content: FileContent, key?: string): void {
    const abs = path.join(this.temp, rel);
    const dir = path.dirname(abs);
    const prev = this.prev;
    const same = prev ? (stamp: string) => prev.manifest.stamps.get(rel) === stamp && prev.present.has(rel) : undefined;
    try {
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      const done = writeContent(abs, content, key === undefined && this.site !== null, same, this.put);
      const stamp = key === undefined ? done.stamp : `k:${key}`;
      if (stamp) this.stamps.set(rel, stamp);
      if (done.wrote) this.written.push(rel);
    } catch (e) {
      throw writeError(path.join(this.out, rel), e, 'the previous export is unchanged');
    }
    this.files.push(rel);
  }

  /**
   * Places a file of the archive in the site (path relative to the site root): hard-linked,
   * else copied. Known by its bytes' hash: an update keeps an unchanged one as it is.
   */
  place(rel: string, source: PlacedSource & { sha256?: string }): void {
    const stamp = `m:${source.sha256 ?? `${source.dev}:${source.ino}`}`;
    this.files.push(rel);
    this.stamps.set(rel, stamp);
    if (this.prev && this.prev.manifest.stamps.get(rel) === stamp && this.prev.present.has(rel)) return;
    const abs = path.join(this.temp, rel);
    try {
      if (!this.made.has(path.dirname(abs))) {
        mkdirSync(path.dirname(abs), { recursive: true });
        this.made.add(path.dirname(abs));
      }
      linkOrCopy(source, abs);
    } catch (e) {
      throw writeError(path.join(this.out, rel), e, 'the previous export is unchanged');
    }
    this.written.push(rel);
  }

  /**
   * Undefined while fewer than WRITES_AT_ONCE files are being written, else a promise that
   * resolves when one is done (it rejects with the first write that failed). Await it after
   * each `write`.
   */
  room(): Promise<void> | undefined {
    return this.queue.room();
  }

  /** How many files this run wrote (an update writes only the changed ones). */
  get writtenCount(): number {
    return this.written.length;
  }

  /** Puts the finished site in place of `out`. Returns the user's files carried over from the old site. */
  async commit(): Promise<{ kept: string[]; left: string | null }> {
    await this.queue.drain().catch(async (e) => {
      await this.abort();
      throw e;
    });
    const marker = manifestText(this.files, this.site, this.stamps, this.refs);
    try {
      writeFileSync(path.join(this.temp, MARKER), marker);
    } catch (e) {
      await this.abort();
      throw writeError(path.join(this.out, MARKER), e, 'the previous export is unchanged');
    }
    this.stopHeartbeat();
    // Two exports into one folder take turns here: each swap sees the other's finished site,
    // and the old site is cleared before the next run may look at what lies beside `out`.
    return withLock(SiteDir.lockOf(this.out), async () => {
      finishJournal(this.out);
      if (this.prev) {
        const done = await this.update(marker);
        if (done) return done;
      }
      const swapped = await this.swap();
      return { kept: swapped.kept, left: swapped.old ? await retire(swapped.old, swapped.kept, swapped.conflicts) : null };
    });
  }

  /** Updates the earlier export in place; null when the change is too large for that (then it is swapped). */
  private async update(marker: string): Promise<{ kept: string[]; left: null } | null> {
    const prev = this.prev!;
    const now = await fs.readFile(path.join(this.out, MARKER), 'utf8').catch(() => null);
    if (now === null || bytesStamp(now) !== prev.text) {
      await fs.rm(this.temp, { recursive: true, force: true });
      throw new ReleasesError(
        `another export changed ${this.out} while this one ran: this run changed nothing`,
        1,
        'run the export again',
        this.out,
      );
    }
    const ours = new Set(this.files);
    const remove = [...prev.manifest.stamps.keys()].filter((f) => !ours.has(f) && prev.present.has(f));
    // Files of the user's (a `CNAME`) stay where they are; one where a new page must go is
    // kept by swapping instead, which leaves the old site with it beside `out`.
    const users = [...prev.present].filter(
      (f) => !prev.manifest.stamps.has(f) && f !== MARKER && !statSync(path.join(this.out, f), { throwIfNoEntry: false })?.isDirectory(),
    );
    const clash = this.written.some((f) => prev.present.has(f) && !prev.manifest.stamps.has(f));
    if (clash || this.written.length + remove.length > IN_PLACE_MAX) {
      // A whole new site: the kept files are linked into it, and it is swapped in as a fresh one is.
      const written = new Set(this.written);
      for (const f of this.files) {
        if (written.has(f)) continue;
        const dest = path.join(this.temp, f);
        if (!this.made.has(path.dirname(dest))) {
          mkdirSync(path.dirname(dest), { recursive: true });
          this.made.add(path.dirname(dest));
        }
        try {
          linkSync(path.join(this.out, f), dest);
        } catch (e) {
          await fs.rm(this.temp, { recursive: true, force: true });
          throw writeError(path.join(this.out, f), e, 'the previous export is unchanged');
        }
      }
      return null;
    }
    if (bytesStamp(marker) !== prev.text || remove.length || this.written.length) {
      try {
        commitInPlace(this.out, this.temp, [...this.written, MARKER], remove);
      } catch (e) {
        // The journal could not be written (a full disk): nothing was moved yet.
        if (!existsSync(path.join(this.out, JOURNAL))) {
          await fs.rm(this.temp, { recursive: true, force: true });
          throw writeError(path.join(this.out, JOURNAL), e, 'the previous export is unchanged');
        }
        throw writeError(this.out, e, 'the next export finishes this one');
      }
    }
    await fs.rm(this.temp, { recursive: true, force: true });
    return { kept: users.sort(), left: null };
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
    await this.queue.settle();
    await fs.rm(this.temp, { recursive: true, force: true });
  }
}
