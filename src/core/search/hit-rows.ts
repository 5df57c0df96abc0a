import type { ArchivedRelease, ArchiveSettings, TranslationRef } from '../types.js';
import { archived, readRelease } from '../store/documents.js';
import type { Database } from '../store/sqlite.js';

// A release's row with the first path holding its id (a later file with the same id is a duplicate).
const ROWS =
  'SELECT files.rowid, files.path, docs.result, (SELECT MIN(f.path) FROM files f WHERE f.rid = files.rid) ' +
  'FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.rowid IN (SELECT value FROM json_each(?))';
const SIBLINGS = 'SELECT tkey, rid, lang, path FROM files WHERE tkey IN (SELECT value FROM json_each(?)) AND rid IS NOT NULL ORDER BY path';

/**
 * Reads releases of the index by rowid, many at a time: one statement for the rows and
 * one for the translations of them all, instead of three for each release. A rowid gives
 * null when its file could not be read as a release or its id is a duplicate's.
 */
export function hitLoader(db: Database, settings: ArchiveSettings): (rowids: number[]) => (ArchivedRelease | null)[] {
  const rows = db.prepare(ROWS).raw();
  const siblings = db.prepare(SIBLINGS).raw();
  return (rowids) => {
    const byRowid = new Map<number, [string, string | null, string | null]>();
    for (const [rowid, path, json, first] of rows.all(JSON.stringify(rowids)) as [number, string, string | null, string | null][])
      byRowid.set(rowid, [path, json, first]);
    const releases = rowids.map((rowid) => {
      const [path, json, first] = byRowid.get(rowid) ?? ['', null, null];
      if (json === null) return null; // unreadable
      const r = readRelease(path, json);
      return first === r.path ? r : null;
    });
    const keys = [...new Set(releases.flatMap((r) => (r?.translationKey ? [r.translationKey] : [])))];
    const byKey = new Map<string, [string, string | null, string][]>();
    if (keys.length) {
      for (const [key, id, lang, path] of siblings.all(JSON.stringify(keys)) as [string, string, string | null, string][]) {
        let list = byKey.get(key);
        if (!list) byKey.set(key, (list = []));
        list.push([id, lang, path]);
      }
    }
    return releases.map((r) => {
      if (!r) return null;
      const seen = new Set<string>();
      const out: TranslationRef[] = [];
      for (const [id, lang, path] of r.translationKey ? (byKey.get(r.translationKey) ?? []) : []) {
        if (path === r.path || seen.has(id)) continue;
        seen.add(id);
        out.push({ lang: lang ?? settings.lang, id });
      }
      out.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : 1));
      return archived(r, settings, out);
    });
  };
}
