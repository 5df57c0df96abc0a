import { randomBytes } from 'node:crypto';
import { promises as fs, renameSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from '../errors.js';
import { clearLeftovers, deadBuild, heartbeat, withLock } from './leftovers.js';

/** The file that marks a folder as written by `releases export`; it lists every file written. */
export const MARKER = '.releases-export';
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

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** True when `p` is `dir` or lies below it, symbolic links resolved (for paths not yet created too). */
export async function pathInside(p: string, dir: string): Promise<boolean> {
  return inside(await realOrResolved(p), await realOrResolved(dir));
}

/** Says whether `out` may receive a site; refuses (touching nothing) when it may not. */
export async function checkSiteTarget(out: string, archiveDir: string): Promise<TargetState> {
  const real = await realOrResolved(out);
  const archive = await realOrResolved(archiveDir);
  if (path.dirname(real) === real) throw new ReleasesError(`--out ${out} is the root folder: refusing to export there`, 1, 'pass a folder of its own, e.g. --out site');
  if (inside(real, archive)) throw new ReleasesError(`--out ${out} is inside the archive folder ${archiveDir}: the site's pages would be read back as releases`, 1, 'write the site outside the archive, e.g. --out site', out);
  if (inside(archive, real)) throw new ReleasesError(`--out ${out} holds the archive folder ${archiveDir}: refusing to replace it`, 1, 'write the site into a folder of its own, e.g. --out site', out);
  const stats = await fs.lstat(out).catch(() => null);
  if (!stats) return 'absent';
  if (!stats.isDirectory()) throw new ReleasesError(`--out ${out} exists and is not a folder: nothing was written`, 1, 'pass a new or empty folder, or an earlier export', out);
  const names = await fs.readdir(out);
  if (names.length === 0) return 'empty';
  if (names.includes(MARKER)) return 'previous';
  throw new ReleasesError(`--out ${out} is not empty and holds no earlier export (no ${MARKER} file): nothing was touched`, 1, 'pass a new or empty folder, or the folder of an earlier export', out);
}

async function listedFiles(dir: string): Promise<string[]> {
  const text = await fs.readFile(path.join(dir, MARKER), 'utf8').catch(() => '');
  try {
    const files = (JSON.parse(text) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && !f.split('/').includes('..')) : [];
  } catch {
    return [];
  }
}

async function walk(dir: string, rel = ''): Promise<{ files: string[]; dirs: string[] }> {
  const out = { files: [] as string[], dirs: [] as string[] };
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      const sub = await walk(dir, p);
      out.files.push(...sub.files);
      out.dirs.push(...sub.dirs, p);
    } else out.files.push(p);
  }
  return out;
}

/**
 * Gives the new site the files the user added to the old one (a `CNAME`, say) before the
 * swap, as hard links (copies where links fail), so that no moment exists at which the
 * site in place lacks them. Files the new site writes itself stay with the old one.
 */
async function carryOver(old: string, fresh: string): Promise<{ carried: string[]; conflicts: boolean }> {
  const ours = new Set([...(await listedFiles(old)), MARKER]);
  const carried: string[] = [];
  let conflicts = false;
  for (const f of (await walk(old)).files) {
    if (ours.has(f)) continue;
    const dest = path.join(fresh, f);
    if (await fs.lstat(dest).catch(() => null)) { conflicts = true; continue; }
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.link(path.join(old, f), dest).catch(() => fs.cp(path.join(old, f), dest, { verbatimSymlinks: true }));
    carried.push(f);
  }
  return { carried, conflicts };
}

/** Clears a replaced export: deletes the files it lists and the user's files already carried over. */
async function retire(old: string, carried: string[], conflicts: boolean): Promise<string | null> {
  const gone = new Set([...(await listedFiles(old)), MARKER, ...carried]);
  const { files, dirs } = await walk(old);
  for (const f of files) if (gone.has(f)) await fs.rm(path.join(old, f), { force: true });
  for (const d of dirs) await fs.rmdir(path.join(old, d)).catch(() => undefined);
  let left = conflicts;
  if (!left) await fs.rmdir(old).catch(() => { left = true; });
  return left ? old : null;
}

/**
 * Puts back a site that a run killed between its two renames left aside: `out` is gone and
 * an old site with our marker waits next to it.
 */
async function recoverSwap(out: string): Promise<void> {
  if (await fs.lstat(out).catch(() => null)) return;
  const parent = path.dirname(out);
  const prefix = `.${path.basename(out)}.releases-old-`;
  const olds = (await fs.readdir(parent)).filter((n) => n.startsWith(prefix));
  for (const name of olds) {
    if (await fs.lstat(path.join(parent, name, MARKER)).catch(() => null)) {
      await fs.rename(path.join(parent, name), out);
      return;
    }
  }
}

/**
 * Builds a site in a temporary folder next to `out`, then swaps it into place. Until
 * `commit`, `out` is never touched, so a failed or killed export leaves the old site as it was.
 */
export class SiteDir {
  private readonly files: string[] = [];
  private readonly dirs = new Map<string, Promise<unknown>>();

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
    await withLock(SiteDir.lockOf(resolved), () => recoverSwap(resolved));
    const temp = path.join(parent, `.${base}.releases-tmp-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(temp).catch((e) => { throw writeError(temp, e, 'nothing was changed'); });
    await fs.writeFile(path.join(temp, BUILDING), '').catch((e) => { throw writeError(temp, e, 'nothing was changed'); });
    const site = new SiteDir(resolved, temp, archiveDir);
    site.stopHeartbeat = heartbeat(path.join(temp, BUILDING));
    return site;
  }

  /** Writes one file of the site (path relative to the site root, `/` separators). */
  async write(rel: string, content: string | Uint8Array): Promise<void> {
    const abs = path.join(this.temp, rel);
    const dir = path.dirname(abs);
    // One mkdir per folder, shared by the writes running at the same time.
    let made = this.dirs.get(dir);
    if (!made) this.dirs.set(dir, (made = fs.mkdir(dir, { recursive: true })));
    try {
      await made;
      await fs.writeFile(abs, content);
    } catch (e) {
      throw writeError(path.join(this.out, rel), e, 'the previous export is unchanged');
    }
    this.files.push(rel);
  }

  /** Puts the finished site in place of `out`. Returns the user's files carried over from the old site. */
  async commit(): Promise<{ kept: string[]; left: string | null }> {
    await this.write(MARKER, `${JSON.stringify({ tool: 'releases', files: [...this.files].sort() }, null, 1)}\n`);
    this.files.pop();
    this.stopHeartbeat();
    // Two exports into one folder take turns here: each swap sees the other's finished site.
    const swapped = await withLock(SiteDir.lockOf(this.out), () => this.swap());
    if (!swapped.old) return { kept: swapped.kept, left: null };
    return { kept: swapped.kept, left: await retire(swapped.old, swapped.kept, swapped.conflicts) };
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
