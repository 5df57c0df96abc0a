import type { FoundFile } from '../files.js';
import { COLUMNS } from './documents.js';
import type { IndexRow } from './rows.js';
import type { DirListing } from './scan.js';
import type { Database } from './sqlite.js';
import { clearText, hasText } from './text-index.js';

/** What one write did: files removed, and whether it changed the index (bumped its generation). */
export interface Written {
  removed: number;
  bumped: boolean;
}

/**
 * Writes rows (replacing any of the same path), drops `gone` and, given `present`, the
 * files not in it, in one IMMEDIATE transaction (see `ArchiveIndex`).
 */
export function writeRows(db: Database, rows: IndexRow[], present?: FoundFile[], gone: string[] = []): Written {
  const find = db.prepare('SELECT rowid FROM files WHERE path = ?').pluck();
  const dropFile = db.prepare('DELETE FROM files WHERE rowid = ?');
  const dropDoc = db.prepare('DELETE FROM docs WHERE rowid = ?');
  const addDoc = db.prepare('INSERT INTO docs (rowid, result, issues) VALUES (?, ?, ?)');
  const dropText = db.prepare('DELETE FROM fts WHERE rowid = ?');
  const addFile = db.prepare('INSERT INTO files (path, size, mtime, rid, lang, tkey, gen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const addText = db.prepare(`INSERT INTO fts (rowid, ${COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(COLUMNS.length)})`);
  const oldDoc = db.prepare('SELECT result, issues FROM docs WHERE rowid = ?').raw();
  let bumped = false;
  // Whether a read command may show something else: a path added or removed, a parse result or its issues changed.
  let shows = false;
  const drop = (rowid: number) => {
    dropText.run(rowid);
    dropFile.run(rowid);
    dropDoc.run(rowid);
  };
  const bump = () => {
    // Any change voids the stored fingerprint; the generation tells a refresh that ran
    // at the same time that its fingerprint may no longer describe the index.
    db.exec("DELETE FROM meta WHERE key = 'fingerprint'");
    db.exec("INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    bumped = true;
  };
  // A snapshot older than the last removal no longer describes the index (snapshot-file.ts).
  const noteRemoved = (removed: number) => {
    if (removed) db.exec("INSERT OR REPLACE INTO meta (key, value) SELECT 'removed', value FROM meta WHERE key = 'generation'");
    return removed;
  };
  const noteShown = (removed: number) => {
    if (bumped) markShown(db, shows || removed > 0);
    return removed;
  };
  const write = db.transaction(() => {
    if (rows.length) bump();
    // The full-text table, once built, is kept up to date; a row made without its text
    // (parsed while it was not built) leaves it to be built again by the next search.
    let text = hasText(db);
    if (text && rows.some((r) => r.folded === undefined)) {
      clearText(db);
      text = false;
    }
    let removed = 0;
    const gen = rows.length ? Number(db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get()) : 0;
    for (const row of rows) {
      const old = find.get(row.file.path) as number | undefined;
      if (old !== undefined && !shows) shows = !sameDoc(oldDoc.get(old) as [string | null, string | null] | undefined, row);
      else if (old === undefined) shows = true;
      if (old !== undefined) drop(old);
      const { lastInsertRowid: rowid } = addFile.run(row.file.path, row.file.size, row.file.mtimeMs, row.id, row.lang, row.tkey, gen);
      addDoc.run(rowid, row.json.release, row.json.issues);
      if (text && row.folded) addText.run(rowid, ...row.folded);
    }
    for (const path of gone) {
      const old = find.get(path) as number | undefined;
      if (old === undefined) continue;
      if (removed === 0 && !rows.length) bump();
      drop(old);
      removed++;
    }
    if (!present) return noteShown(noteRemoved(removed));
    const keep = new Set(present.map((f) => f.path));
    for (const [rowid, path] of db.prepare('SELECT rowid, path FROM files').raw().all() as [number, string][]) {
      if (!keep.has(path)) {
        if (removed === 0 && !rows.length) bump();
        drop(rowid);
        removed++;
      }
    }
    return noteShown(noteRemoved(removed));
  });
  const removed = write.immediate();
  return { removed, bumped };
}

function sameDoc(old: [string | null, string | null] | undefined, row: IndexRow): boolean {
  return old !== undefined && old[0] === row.json.release && old[1] === row.json.issues;
}

/**
 * Meta 'shown' is `S@G`: at generation G, what read commands show (every path, parse
 * result and issues) is as it was at generation S. A write that leaves them all as they
 * were (an edit of a body) keeps S; a write by code that does not keep 'shown' leaves G
 * behind the generation, and then S is not trusted (see `shownGeneration`).
 */
function markShown(db: Database, changed: boolean): void {
  const gen = Number(db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get());
  const was = parseShown(db.prepare("SELECT value FROM meta WHERE key = 'shown'").pluck().get() as string | undefined);
  const since = !changed && was && was[1] === gen - 1 ? was[0] : gen;
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('shown', ?)").run(`${since}@${gen}`);
}

function parseShown(value: string | undefined): [number, number] | null {
  const m = /^(\d+)@(\d+)$/.exec(value ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The generation since which read commands show the same releases and issues, given meta
 * 'shown' and 'generation': the generation itself when 'shown' is missing or out of date.
 */
export function shownGeneration(shown: string | undefined, generation: string | undefined): string {
  const gen = Number(generation ?? 0);
  const s = parseShown(shown);
  return s && s[1] === gen ? String(s[0]) : String(gen);
}

/** Stores the folder listings that differ from the `old` ones (read from the index) and drops vanished folders. */
export function saveDirs(db: Database, old: Map<string, DirListing>, dirs: Map<string, DirListing>): void {
  const put = db.prepare('INSERT OR REPLACE INTO dirs (path, mtime, listing) VALUES (?, ?, ?)');
  const drop = db.prepare('DELETE FROM dirs WHERE path = ?');
  db.transaction(() => {
    for (const [path, d] of dirs) if (old.get(path)?.mtime !== d.mtime) put.run(path, d.mtime, JSON.stringify(d.entries));
    for (const path of old.keys()) if (!dirs.has(path)) drop.run(path);
  }).immediate();
}
