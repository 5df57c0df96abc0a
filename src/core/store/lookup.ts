import type { Archive } from '../archive.js';
import { distance } from '../distance.js';
import type { ArchivedRelease, ArchiveSettings, Issue, TranslationRef } from '../types.js';
import { compareNewestFirst } from '../validate.js';
import { archived, readBody, readRelease } from './documents.js';
import { cachedArchiveConfig } from './archive-config.js';
import { firstErrors, refusedInIndex, skippedInArchive } from './skipped.js';
import type { ArchiveIndex } from './store.js';

/** What `show` asks for: a release by id, or by one of the paths its argument may mean. */
export interface ReleaseQuery {
  id: string;
  paths: string[];
}

/** The answer to a `ReleaseQuery`, the same whether the archive was loaded or looked up in the index. */
export interface LookupResult {
  release: ArchivedRelease | null;
  /** When no release is found but one of the paths is a file that cannot be read: its first error. */
  refused: Issue | null;
  /** Otherwise, the id closest to the query (close enough to suggest), if any. */
  near: string | null;
  /** The first error of each file a read command skips, sorted by file. */
  skipped: Issue[];
}

/** How far an id may be from the query to be suggested; ids are compared by their first characters. */
const within = (ref: string) => Math.max(3, ref.length / 3);
const idDistance = (id: string, ref: string) => distance(id.slice(0, ref.length + 8), ref);
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Looks a release up in a loaded archive (used without the index). */
export function lookUpInArchive(archive: Archive, q: ReleaseQuery): LookupResult {
  const skipped = skippedInArchive(archive);
  const release = archive.releases.find((r) => r.id === q.id) ?? archive.releases.find((r) => q.paths.includes(r.path)) ?? null;
  if (release) return { release, refused: null, near: null, skipped };
  const refused = archive.issues.find((i) => i.severity === 'error' && q.paths.includes(i.file)) ?? null;
  if (refused) return { release, refused, near: null, skipped };
  let near: { id: string; d: number } | null = null;
  for (const r of archive.releases) {
    const d = idDistance(r.id, q.id);
    if (!near || d < near.d) near = { id: r.id, d };
  }
  return { release, refused, near: near && near.d <= within(q.id) ? near.id : null, skipped };
}

/**
 * Looks a release up in the index (call `refresh` first), reading only the rows it needs:
 * the rows of its id, of its translation key and of duplicated ids, and the files that
 * could not be read. It links the release as `linkArchive` would: among files sharing an
 * id the first by path keeps it, translations are the kept releases with its key.
 */
export function lookUpInIndex(index: ArchiveIndex, dir: string, q: ReleaseQuery): LookupResult {
  const config = cachedArchiveConfig(index, dir);
  // One read transaction: a snapshot, so another process's write cannot move rows between the queries.
  return index.db.transaction(() => lookUp(index, dir, q, config.settings, config.issues))();
}

function lookUp(index: ArchiveIndex, dir: string, q: ReleaseQuery, settings: ArchiveSettings, configIssues: Issue[]): LookupResult {
  const db = index.db;
  const withId = db.prepare('SELECT path FROM files WHERE rid = ?').pluck();
  const rowAt = db.prepare('SELECT files.rid, docs.result FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.path = ?').raw();
  const keepers = new Map<string, string | undefined>();
  const keeper = (id: string) => {
    // Remembered: the translations of a release can share one duplicated id many times over.
    if (!keepers.has(id)) keepers.set(id, (withId.all(id) as string[]).sort(byPath)[0]);
    return keepers.get(id);
  };
  const kept = (path: string): string | null => {
    const row = rowAt.get(path) as [string | null, string | null] | undefined;
    return row && row[0] !== null && row[1] !== null && keeper(row[0]) === path ? row[1] : null;
  };
  const root = dir.replace(/[/\\]+$/, '') || dir;
  const link = (path: string, json: string): ArchivedRelease => {
    const r = readRelease(path, json);
    r.body = readBody(`${root}/${path}`, r.bodyLine);
    return archived(r, settings, r.translationKey === null ? [] : translations(index, settings, r.translationKey, path, keeper));
  };

  const refusedIssues = refusedInIndex(db, configIssues);
  const skipped = firstErrors(refusedIssues, () => false);

  const own = keeper(q.id);
  let release = own === undefined ? null : link(own, (rowAt.get(own) as [string, string])[1]);
  if (!release) {
    const found = q.paths.flatMap((p) => {
      const json = kept(p);
      return json === null ? [] : [link(p, json)];
    });
    release = found.sort(compareNewestFirst)[0] ?? null;
  }
  if (release) return { release, refused: null, near: null, skipped };
  const refused = refusedIssues.find((i) => q.paths.includes(i.file)) ?? null;
  if (refused) return { release, refused, near: null, skipped };
  return { release, refused, near: nearestId(index, q.id, (p, json) => archived(readRelease(p, json), settings, [])), skipped };
}

/** The kept releases sharing `key`, other than the one at `self`, as `linkArchive` lists them. */
function translations(
  index: ArchiveIndex,
  settings: ArchiveSettings,
  key: string,
  self: string,
  keeper: (id: string) => string | undefined,
): TranslationRef[] {
  const rows = index.db.prepare('SELECT rid, lang, path FROM files WHERE tkey = ? AND rid IS NOT NULL').raw().all(key) as [
    string,
    string | null,
    string,
  ][];
  return rows
    .filter(([id, , path]) => path !== self && keeper(id) === path)
    .map(([id, lang]) => ({ lang: lang ?? settings.lang, id }))
    .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The kept id closest to `ref`, when close enough; ties go to the newest release, as in
 * the list of a loaded archive. Only ids, and the rows of tied ones, are read.
 */
function nearestId(index: ArchiveIndex, ref: string, place: (path: string, json: string) => ArchivedRelease): string | null {
  const keepers = new Map<string, string>();
  for (const [id, path] of index.db.prepare('SELECT rid, path FROM files WHERE rid IS NOT NULL').raw().iterate() as IterableIterator<
    [string, string]
  >) {
    const k = keepers.get(id);
    if (k === undefined || path < k) keepers.set(id, path);
  }
  let best = within(ref);
  let tied: string[] = [];
  for (const [id, path] of keepers) {
    const d = distance(id.slice(0, ref.length + 8), ref, best);
    if (d < best) [best, tied] = [d, [path]];
    else if (d === best) tied.push(path);
  }
  if (!tied.length) return null;
  const json = index.db.prepare('SELECT docs.result FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.path = ?').pluck();
  return tied.map((p) => place(p, json.get(p) as string)).sort(compareNewestFirst)[0].id;
}
