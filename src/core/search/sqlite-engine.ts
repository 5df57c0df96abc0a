import type { Filters } from '../filters.js';
import type { Registry } from '../registry.js';
import { typoBudget } from './query.js';
import type { ArchivedRelease, ArchiveSettings, TranslationRef } from '../types.js';
import { compareNewestFirst } from '../validate.js';
import { archived, readBody, readRelease, WEIGHTS } from '../store/documents.js';
import { bonusExpressions, IndexVocabulary, matchExpression } from './fts.js';
import {
  BONUS,
  BONUS_SCALE,
  originalWord,
  planFilter,
  planSearch,
  preferred,
  type SearchHit,
  type SearchOutcome,
  type SearchPlan,
} from './plan.js';
import type { ArchiveIndex } from '../store/store.js';

/** What a search over the index needs besides the query. */
export interface SearchContext {
  flags: Filters;
  settings: ArchiveSettings;
  registry: Registry;
  /** At most this many hits (all when undefined). */
  limit?: number;
  /** The archive folder: the bodies of the hits shown are read from their files. */
  dir: string;
}

/**
 * Searches the SQLite index: FTS5 finds and ranks (BM25, title and partners weighing
 * more than the body), then each candidate passes the exact filters. Only the hits shown
 * are read back from their stored JSON when no filter needs every candidate.
 */
export function searchIndex(index: ArchiveIndex, query: string, c: SearchContext): SearchOutcome {
  const db = index.db;
  const vocab = new IndexVocabulary(db);
  const plan = planSearch(query, c.flags, c.registry, vocab);
  const { match, exclude } = matchExpression(plan, c.registry);
  const accept = planFilter(plan, c.registry);
  const firstWithId = db.prepare('SELECT path FROM files WHERE rid = ? ORDER BY path LIMIT 1').pluck();
  const siblings = db.prepare('SELECT rid, lang, path FROM files WHERE tkey = ? AND rid IS NOT NULL ORDER BY path').raw();
  const translations = (r: { path: string; translationKey: string | null }): TranslationRef[] => {
    if (!r.translationKey) return [];
    const seen = new Set<string>();
    const out: TranslationRef[] = [];
    for (const [id, lang, path] of siblings.all(r.translationKey) as [string, string | null, string][]) {
      if (path === r.path || seen.has(id)) continue;
      seen.add(id);
      out.push({ lang: lang ?? c.settings.lang, id });
    }
    return out.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : 1));
  };
  const load = (path: string, json: string | null): ArchivedRelease | null => {
    if (json === null) return null; // unreadable
    const r = readRelease(path, json);
    if (firstWithId.get(r.id) !== r.path) return null; // a duplicate id
    return archived(r, c.settings, translations(r));
  };

  const ranked = plan.positive.length > 0;
  const filtering =
    plan.filters.partners.length + plan.filters.tags.length + plan.filters.people.length + plan.langs.length > 0 ||
    Boolean(plan.filters.from || plan.filters.to || plan.filters.location);
  const hits: SearchHit[] = [];
  let total = 0;
  if (match && ranked) {
    const order = rankedRows(index, plan, match, c.settings.lang);
    const byRowid = db
      .prepare('SELECT files.path, docs.result FROM docs JOIN files ON files.rowid = docs.rowid WHERE docs.rowid = ?')
      .raw();
    for (const [rowid, score] of order) {
      if (!filtering && c.limit !== undefined && hits.length >= c.limit) break;
      const r = load(...(byRowid.get(rowid) as [string, string | null]));
      if (!r || !accept(r)) continue;
      total++;
      if (c.limit === undefined || hits.length < c.limit) hits.push({ release: r, score: Number(score.toPrecision(4)) });
    }
    if (!filtering && c.limit !== undefined && hits.length >= c.limit) total = order.length;
  } else {
    // Nothing to rank: candidates are every release (or those the name filters pre-select), newest first.
    const excluded = new Set(exclude ? (db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck().all(exclude) as number[]) : []);
    const rows = match
      ? db
          .prepare(
            'SELECT fts.rowid, files.path, docs.result FROM fts JOIN docs ON docs.rowid = fts.rowid JOIN files ON files.rowid = fts.rowid WHERE fts MATCH ?',
          )
          .raw()
          .iterate(match)
      : db
          .prepare(
            'SELECT files.rowid, files.path, docs.result FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.rid IS NOT NULL',
          )
          .raw()
          .iterate();
    const found: ArchivedRelease[] = [];
    for (const [rowid, path, json] of rows as IterableIterator<[number, string, string | null]>) {
      if (excluded.has(rowid)) continue;
      const r = load(path, json);
      if (r && accept(r)) found.push(r);
    }
    found.sort(compareNewestFirst);
    total = found.length;
    for (const release of found.slice(0, c.limit ?? found.length)) hits.push({ release, score: 0 }); // no push(...): 100k+ arguments overflow the stack
  }
  // Read from the file when the snippet is made, and not kept: a query of only field terms
  // in json gives every match (67k at 100k), whose bodies together would not fit in memory.
  for (const h of hits) {
    const r = h.release;
    Object.defineProperty(r, 'body', {
      enumerable: true,
      configurable: true,
      get: () => readBody(`${c.dir}/${r.path}`, r.bodyLine),
      set: (value: string) => Object.defineProperty(r, 'body', { value, enumerable: true, writable: true, configurable: true }),
    });
  }
  return { hits, total, plan, suggestions: total === 0 ? suggest(index, plan, vocab, c.dir) : [] };
}

/**
 * Every match as [rowid, score], best first: bonus points for where each term matched
 * (BONUS, the script point for a release in a language the query points to), then BM25
 * with column weights; ties by path so the order never varies.
 */
function rankedRows(index: ArchiveIndex, plan: SearchPlan, match: string, defaultLang: string): [number, number][] {
  const db = index.db;
  const rows = db
    .prepare(
      `SELECT fts.rowid, bm25(fts, ${WEIGHTS.join(', ')}), files.path, files.lang FROM fts JOIN files ON files.rowid = fts.rowid WHERE fts MATCH ?`,
    )
    .raw()
    .all(match) as [number, number, string, string | null][];
  const points = new Map<number, number>();
  const ids = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck();
  for (const p of plan.positive) {
    for (const [expr, bonus] of bonusExpressions(p)) {
      for (const rowid of ids.all(`(${match}) AND ${expr}`) as number[]) points.set(rowid, (points.get(rowid) ?? 0) + bonus);
    }
  }
  const script = (lang: string | null) => (plan.prefer.length && preferred(plan, lang ?? defaultLang) ? BONUS.script : 0);
  const scored = rows.map(([rowid, bm25, path, lang]) => ({
    rowid,
    path,
    score: ((points.get(rowid) ?? 0) + script(lang)) * BONUS_SCALE - bm25,
  }));
  scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  return scored.map((r) => [r.rowid, r.score]);
}

/** Up to three archive words close to the query's words, written as in the releases. */
function suggest(index: ArchiveIndex, plan: SearchOutcome['plan'], vocab: IndexVocabulary, dir: string): string[] {
  const firstDoc = index.db
    .prepare(
      'SELECT files.path, docs.result FROM fts JOIN docs ON docs.rowid = fts.rowid JOIN files ON files.rowid = fts.rowid WHERE fts MATCH ? LIMIT 1',
    )
    .raw();
  const out: string[] = [];
  for (const p of plan.positive) {
    if (!p.forms) continue;
    for (const token of vocab.near(p.forms.exact, Math.max(2, typoBudget(p.forms.exact) + 1), 3)) {
      const row = firstDoc.get(`"${token}"`) as [string, string | null] | undefined;
      const release = row?.[1] ? readRelease(row[0], row[1]) : null;
      if (release) release.body = readBody(`${dir}/${release.path}`, release.bodyLine);
      const word = (release && originalWord(release, token)) ?? token;
      if (!out.includes(word)) out.push(word);
    }
  }
  return out.slice(0, 3);
}
