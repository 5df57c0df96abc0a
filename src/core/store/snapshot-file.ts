import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Strings } from '../interned.js';
import type { FileResult, Issue, Release } from '../types.js';
import { deserialize, type ReleaseFields } from './documents.js';
import { SNAPSHOT_SUFFIX } from './open.js';
import { encodeSnapshot } from './snapshot.js';
import { decodeSnapshot, fileBytes, snapshotHeader } from './snapshot-read.js';
import type { ArchiveIndex } from './store.js';

// Every stored parse result is also kept in one file beside the index (snapshot.ts), read
// with one system call instead of a page at a time through SQLite. It is exact: it names
// the index (meta 'token') and the generation it was taken at; rows written since carry a
// later generation (files.gen) and replace their paths' entries; a removal since (meta
// 'removed') or many changed rows make the loader read every row and take a new snapshot.

/** Rows changed since the snapshot above which it is taken again. */
export const RETAKE_FROM = 500;

/** Every stored release (made by `make`, bodies left to it) and every file's issues, in no particular order. */
export interface StoredArchive {
  releases: Release[];
  issues: Issue[];
}

type Row = [path: string, release: string | null, issues: string | null];

/**
 * The stored releases and issues, from the snapshot and the rows changed since when it
 * describes this index, else from every row (then a new snapshot is written). Call
 * `refresh` first so that they match the files. One read transaction: a snapshot of the
 * database, so another process's write cannot fall between the reads. `retakeFrom`: see RETAKE_FROM.
 */
export function loadStored(index: ArchiveIndex, make: (...fields: ReleaseFields) => Release, retakeFrom = RETAKE_FROM): StoredArchive {
  const db = index.db;
  const file = index.file + SNAPSHOT_SUFFIX;
  return db.transaction((): StoredArchive => {
    const meta = new Map(
      db.prepare("SELECT key, value FROM meta WHERE key IN ('token', 'generation', 'removed')").raw().all() as [string, string][],
    );
    const token = meta.get('token');
    const generation = Number(meta.get('generation') ?? 0);
    const removed = Number(meta.get('removed') ?? 0);
    const fd = token ? openSnapshot(file) : null;
    if (fd !== null) {
      try {
        const bytes = fileBytes(fd, fstatSync(fd).size);
        const h = readable(() => snapshotHeader(bytes));
        if (h && h.token === token && h.generation <= generation && removed <= h.generation) {
          const changed = db
            .prepare(
              'SELECT files.path, docs.result, docs.issues FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.gen > ? LIMIT ?',
            )
            .raw()
            .all(h.generation, retakeFrom + 1) as Row[];
          const skip = changed.length ? new Set(changed.map((r) => r[0])) : undefined;
          const stored = changed.length <= retakeFrom ? readable(() => decodeSnapshot(bytes, h, make, skip)) : null;
          if (stored) {
            for (const [path, release, issues] of changed) add(stored, deserialize(path, release, issues, make));
            return stored;
          }
        }
      } finally {
        closeSync(fd);
      }
    }
    const results = index.results(make).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (token) writeSnapshot(file, encodeSnapshot(results, token, generation));
    const stored: StoredArchive = { releases: [], issues: [] };
    const strings = new Strings();
    for (const result of results) add(stored, result, strings);
    return stored;
  })();
}

/** What `read` gives, or null when the snapshot file turns out damaged (cut short, not JSON where it should be). */
function readable<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Adds a file's release and issues; with `strings`, the release's repeated strings are shared (read from rows, each is its own copy). */
function add(to: StoredArchive, result: FileResult, strings?: Strings): void {
  for (const i of result.issues) to.issues.push(i);
  const r = result.release;
  if (!r) return;
  if (strings) {
    strings.all(r.partners);
    strings.all(r.people);
    strings.all(r.tags);
    r.date = strings.one(r.date);
    if (r.lang) r.lang = strings.one(r.lang);
    if (r.event) {
      r.event.start = strings.one(r.event.start);
      r.event.end = strings.one(r.event.end);
      if (r.event.location) r.event.location = strings.one(r.event.location);
    }
  }
  to.releases.push(r);
}

function openSnapshot(file: string): number | null {
  try {
    return openSync(file, 'r');
  } catch {
    return null;
  }
}

/**
 * Replaces the snapshot file in one rename (a reader sees the old or the new one, never
 * half of one). A snapshot that cannot be written (disk full, read-only folder) is no
 * error: the next load reads the rows again.
 */
function writeSnapshot(file: string, parts: Iterable<Uint8Array>): void {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const part of parts) for (let at = 0; at < part.length; ) at += writeSync(fd, part, at);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Left for the next snapshot's writer to overwrite, under another name: harmless.
    }
  }
}
