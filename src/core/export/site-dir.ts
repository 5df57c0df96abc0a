import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeError } from '../errors.js';
import { linkOrCopy, type PlacedSource } from '../media/place.js';
import { type EarlierSite, readEarlier } from './earlier-site.js';
import { type FileContent, type FileSink, writeContent } from './file-body.js';
import { FirstWritesHere } from './first-writes.js';
import { finishJournal } from './journal.js';
import { heartbeat, withLock } from './leftovers.js';
import { manifestChunks, writeMarker } from './manifest.js';
import { MARKER, retire } from './old-site.js';
import { BUILDING, buildFolder, folderFor, lockOf, settle, swapIn, updateInPlace } from './site-commit.js';
import { SiteRecord } from './site-record.js';
import { checkSiteTarget } from './site-target.js';
import { WriteQueue } from './write-queue.js';

export { MARKER };
export { checkSiteTarget, pathInside } from './site-target.js';
export { yieldEvery } from './pace.js';

/** Files handed to the writer thread and not yet written, at most (write-queue.ts). */
const WRITES_AT_ONCE = 256;
/** An update writes this many files on the main thread before it starts the writer thread. */
const UPDATE_WRITES_HERE = 64;

/**
 * Writes a site. A fresh site (or one whose site-wide inputs changed) is built in a
 * temporary folder next to `out`, then swapped into place: until `commit`, `out` is never
 * touched. An earlier export by the same tool with the same site key is updated instead:
 * files whose key or bytes are unchanged are kept as they are, the others are written into
 * the temporary folder, and `commit` moves them in under a journal (see journal.ts).
 */
export class SiteDir extends SiteRecord {
  /** Files in the temporary folder (an update writes only the changed ones). */
  readonly written: string[] = [];
  readonly made = new Set<string>();
  private fileSet: Set<string> | undefined;

  private stopHeartbeat: () => void = () => undefined;
  private readonly queue = new WriteQueue(WRITES_AT_ONCE);
  private readonly failed = (abs: string, e: unknown) =>
    writeError(path.join(this.out, path.relative(this.temp, abs)), e, 'the previous export is unchanged');
  private readonly sink: FileSink = new FirstWritesHere(
    {
      stage: (data) => this.queue.stage(data),
      write: (abs) => this.queue.pushStaged(abs, (e) => this.failed(abs, e)),
    },
    this.prev ? UPDATE_WRITES_HERE : 0,
    this.failed,
  );

  private constructor(
    readonly out: string,
    readonly temp: string,
    private readonly archiveDir: string,
    private readonly site: string | null,
    /** The earlier export being updated: its marker's hash, manifest and files on disk. */
    prev: EarlierSite | null,
  ) {
    super(prev);
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
    await fs.mkdir(path.dirname(resolved), { recursive: true });
    await withLock(lockOf(resolved), () => settle(resolved));
    const prev = site === null ? null : await readEarlier(resolved, archiveDir, site);
    const temp = await buildFolder(resolved);
    const dir = new SiteDir(resolved, temp, archiveDir, site, prev);
    dir.stopHeartbeat = heartbeat(path.join(temp, BUILDING));
    return dir;
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
    const prev = this.prev;
    const same = prev ? (stamp: string) => prev.manifest.stamps.get(rel) === stamp && prev.present.has(rel) : undefined;
    try {
      folderFor(this.made, abs);
      const done = writeContent(abs, content, key === undefined && this.site !== null, same, this.sink);
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
      folderFor(this.made, abs);
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

  /** True when `rel` is a file of the new site (so far). */
  inSite(rel: string): boolean {
    // With a site key every file has a stamp: no set of 200k names beside the list.
    if (this.site !== null) return this.stamps.has(rel);
    this.fileSet ??= new Set(this.files);
    return this.fileSet.has(rel);
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
    let marker: string;
    try {
      marker = writeMarker(path.join(this.temp, MARKER), manifestChunks(this.files, this.site, this.stamps, this.refs, this.facts));
    } catch (e) {
      await this.abort();
      throw writeError(path.join(this.out, MARKER), e, 'the previous export is unchanged');
    }
    this.stopHeartbeat();
    // Two exports into one folder take turns here: each swap sees the other's finished site,
    // and the old site is cleared before the next run may look at what lies beside `out`.
    return withLock(lockOf(this.out), async () => {
      finishJournal(this.out);
      if (this.prev) {
        const done = await updateInPlace(this, this.prev, marker);
        if (done) return done;
      }
      const swapped = await swapIn(this, this.archiveDir);
      return { kept: swapped.kept, left: swapped.old ? await retire(swapped.old, swapped.kept, swapped.conflicts) : null };
    });
  }

  /** Removes the temporary folder (everything in it was written by this run). */
  async abort(): Promise<void> {
    this.stopHeartbeat();
    await this.queue.settle();
    await fs.rm(this.temp, { recursive: true, force: true });
  }
}
