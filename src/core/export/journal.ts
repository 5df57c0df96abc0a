import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeRel } from './manifest.js';

/**
 * The journal of an update written in place (in `--out`): which files of the build folder
 * beside it go into the site, and which files of the site go. It exists from the moment
 * every new file is complete in the build folder until the last of them is in place, so a
 * run killed in between leaves a list a later run follows to the end.
 */
export const JOURNAL = '.releases-journal';

interface Journal {
  /** The build folder, a sibling of `--out` (its name only). */
  build: string;
  /** Files moved from the build folder into the site, the marker last. */
  move: string[];
  /** Files of the site removed (before the marker moves). */
  remove: string[];
}

function readJournal(out: string): Journal | null {
  let text: string;
  try {
    text = readFileSync(path.join(out, JOURNAL), 'utf8');
  } catch {
    return null;
  }
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    const list = (x: unknown) => (Array.isArray(x) ? x.filter(safeRel) : []);
    if (typeof j.build !== 'string' || j.build.includes('/') || j.build.includes('\\') || !j.build.startsWith('.'))
      return { build: '', move: [], remove: [] };
    return { build: j.build, move: list(j.move), remove: list(j.remove) };
  } catch {
    // Torn journals cannot exist (it is renamed into place whole); this one was edited by hand.
    return { build: '', move: [], remove: [] };
  }
}

function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Already moved by the run that was killed (or by an earlier try of this one).
    if (code === 'ENOENT' && !statSync(path.dirname(to), { throwIfNoEntry: false })) {
      mkdirSync(path.dirname(to), { recursive: true });
      moveInto(from, to);
    } else if (code !== 'ENOENT') throw e;
  }
}

/**
 * Carries out a journal: every move (a file already moved is skipped), every removal, then
 * the journal and the build folder go. Synchronous, with no turn of the event loop: the site
 * is a mix of old and new pages (each page whole) for as long as a few renames take.
 */
function apply(out: string, j: Journal): void {
  const build = path.join(path.dirname(out), j.build);
  if (j.build) {
    for (const f of j.remove) {
      rmSync(path.join(out, f), { force: true });
      // Folders left empty go too (a site's folders hold only its own files and the user's).
      try {
        rmdirSync(path.dirname(path.join(out, f)));
      } catch {
        /* not empty */
      }
    }
    for (const f of j.move) moveInto(path.join(build, f), path.join(out, f));
  }
  // The build folder before the journal: a run killed in between leaves the journal, and the
  // next run's moves find their files gone (moved) and only clear up.
  if (j.build) rmSync(build, { recursive: true, force: true });
  rmSync(path.join(out, JOURNAL), { force: true });
}

/** Finishes the update a killed run left half done in `out` (call under the lock). */
export function finishJournal(out: string): boolean {
  // A journal still being written: the update never began.
  rmSync(path.join(out, `${JOURNAL}.tmp`), { force: true });
  const j = readJournal(out);
  if (j) apply(out, j);
  return j !== null;
}

/**
 * Puts the files of `build` (a folder beside `out`) named in `move` into the site and
 * removes `remove`; the marker must be the last of `move`. Call under the lock.
 */
export function commitInPlace(out: string, build: string, move: string[], remove: string[]): void {
  const j: Journal = { build: path.basename(build), move, remove };
  const temp = path.join(out, `${JOURNAL}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(j)}\n`);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  // The journal appears whole or not at all: before it, the site is the old one and the
  // build folder is left over; after it, the next run finishes the update.
  renameSync(temp, path.join(out, JOURNAL));
  apply(out, j);
}
