import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, promises as fs, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from '../errors.js';
import type { EarlierSite } from './earlier-site.js';
import { JOURNAL, commitInPlace, finishJournal } from './journal.js';
import { clearLeftovers, deadBuild } from './leftovers.js';
import { fileBytesStamp } from './manifest.js';
import { MARKER, carryOver, settleOlds } from './old-site.js';
import { checkSiteTarget } from './site-target.js';

/** Marks a temporary build folder, so a later run may clear one left by a killed export. */
export const BUILDING = '.releases-building';

/** Past this many files to write or remove, an update builds a whole new site and swaps it in. */
const IN_PLACE_MAX = 1000;

/** A finished build: the site's folder, the build folder beside it, and what the build holds. */
export interface Build {
  out: string;
  temp: string;
  /** Every file of the new site. */
  files: string[];
  /** The files written into the build folder (the others are kept from the earlier export). */
  written: string[];
  /** Folders of the build folder made so far. */
  made: Set<string>;
  /** True when `rel` is one of `files`. */
  inSite(rel: string): boolean;
}

/** The lock two exports into one `out` take turns on. */
export function lockOf(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.releases-lock`);
}

/** Finishes or clears what killed runs left beside `out` (call under the lock). */
export async function settle(out: string): Promise<void> {
  // A killed update first (its journal names a build folder that must not be cleared).
  finishJournal(out);
  await settleOlds(out);
  // Builds of other runs still in progress keep their marker fresh; only dead ones go.
  await clearLeftovers(path.dirname(out), `.${path.basename(out)}.releases-tmp-`, (abs) => deadBuild(abs, BUILDING));
}

/** A new build folder beside `out`, marked as one. */
export async function buildFolder(out: string): Promise<string> {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.releases-tmp-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(temp).catch((e) => {
    throw writeError(temp, e, 'nothing was changed');
  });
  await fs.writeFile(path.join(temp, BUILDING), '').catch((e) => {
    throw writeError(temp, e, 'nothing was changed');
  });
  return temp;
}

/** Makes the folder of `abs` unless `made` says it was made already. */
export function folderFor(made: Set<string>, abs: string): void {
  const dir = path.dirname(abs);
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

/**
 * Updates the earlier export in place (call under the lock), given the stamp of the new
 * marker written in the build folder; null when the change is too
 * large for that: the kept files are then linked into the build folder, to be swapped in.
 */
export async function updateInPlace(b: Build, prev: EarlierSite, marker: string): Promise<{ kept: string[]; left: null } | null> {
  // Hashed a piece at a time, never held whole (18 MB at 100k releases).
  const now = fileBytesStamp(path.join(b.out, MARKER));
  if (now === null || now !== prev.text) {
    await fs.rm(b.temp, { recursive: true, force: true });
    throw new ReleasesError(
      `another export changed ${b.out} while this one ran: this run changed nothing`,
      1,
      'run the export again',
      b.out,
    );
  }
  const remove = [...prev.manifest.stamps.keys()].filter((f) => !b.inSite(f) && prev.present.has(f));
  // Files of the user's (a `CNAME`) stay where they are; one where a new page must go is
  // kept by swapping instead, which leaves the old site with it beside `out`.
  const users = [...prev.present.others].filter(
    (f) => f !== MARKER && !statSync(path.join(b.out, f), { throwIfNoEntry: false })?.isDirectory(),
  );
  const clash = b.written.some((f) => prev.present.others.has(f));
  if (clash || b.written.length + remove.length > IN_PLACE_MAX) {
    // A whole new site: the kept files are linked into it, and it is swapped in as a fresh one is.
    const written = new Set(b.written);
    for (const f of b.files) {
      if (written.has(f)) continue;
      const dest = path.join(b.temp, f);
      if (!b.made.has(path.dirname(dest))) {
        mkdirSync(path.dirname(dest), { recursive: true });
        b.made.add(path.dirname(dest));
      }
      try {
        linkSync(path.join(b.out, f), dest);
      } catch (e) {
        await fs.rm(b.temp, { recursive: true, force: true });
        throw writeError(path.join(b.out, f), e, 'the previous export is unchanged');
      }
    }
    return null;
  }
  if (marker !== prev.text || remove.length || b.written.length) {
    try {
      commitInPlace(b.out, b.temp, [...b.written, MARKER], remove);
    } catch (e) {
      // The journal could not be written (a full disk): nothing was moved yet.
      if (!existsSync(path.join(b.out, JOURNAL))) {
        await fs.rm(b.temp, { recursive: true, force: true });
        throw writeError(path.join(b.out, JOURNAL), e, 'the previous export is unchanged');
      }
      throw writeError(b.out, e, 'the next export finishes this one');
    }
  }
  await fs.rm(b.temp, { recursive: true, force: true });
  return { kept: users.sort(), left: null };
}

/** Puts the build folder in place of `out` (call under the lock): renamed in, the site it replaces moved aside with the user's files linked across. */
export async function swapIn(b: Build, archiveDir: string): Promise<{ kept: string[]; old: string | null; conflicts: boolean }> {
  const state = await checkSiteTarget(b.out, archiveDir);
  if (state !== 'previous') {
    await fs.rm(path.join(b.temp, BUILDING));
    if (state === 'empty') await fs.rmdir(b.out);
    await fs.rename(b.temp, b.out);
    return { kept: [], old: null, conflicts: false };
  }
  // Still marked as a build folder: a run killed now leaves links a later run may clear.
  const { carried, conflicts } = await carryOver(b.out, b.temp);
  await fs.rm(path.join(b.temp, BUILDING));
  const old = path.join(path.dirname(b.out), `.${path.basename(b.out)}.releases-old-${randomBytes(4).toString('hex')}`);
  // Back to back, with no turn of the event loop between: the moment without a site is
  // two system calls long, so even a kill aimed at it almost never lands there.
  renameSync(b.out, old);
  try {
    renameSync(b.temp, b.out);
  } catch (e) {
    renameSync(old, b.out);
    throw e;
  }
  return { kept: carried, old, conflicts };
}
