import type { Filters } from '../filters.js';
import type { Registry } from '../registry.js';
import { typoBudget } from './query.js';
import type { ArchivedRelease, ArchiveSettings } from '../types.js';
import { compareNewestFirst } from '../validate.js';
import { readBody, readRelease, WEIGHTS } from '../store/documents.js';
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
import { hitLoader } from './hit-rows.js';

/** Ranked candidates read per statement (see `hitLoader`). */
const CHUNK = 500;

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
  const many = hitLoader(db, c.settings);

  const ranked = plan.positive.length > 0;
  const filtering =
    plan.filters.partners.length + plan.filters.tags.length + plan.filters.people.length + plan.langs.length > 0 ||
    Boolean(plan.filters.from || plan.filters.to || plan.filters.location);
  const hits: SearchHit[] = [];
  let total = 0;
  if (match && ranked) {
    const order = rankedRows(index, plan, match, c.settings.lang);
    // Without filters a limit says how many releases to read; otherwise every candidate is tested.
    const counted = !filtering && c.limit !== undefined;
    for (let at = 0; at < order.length && !(counted && hits.length >= c.limit!); ) {
      const part = order.slice(at, at + (counted ? c.limit! - hits.length : CHUNK));
      at += part.length;
      const releases = many(part.map(([rowid]) => rowid));
      for (let k = 0; k < part.length; k++) {
        const r = releases[k];
        if (!r || !accept(r)) continue;
        total++;
        if (c.limit === undefined || hits.length < c.limit) hits.push({ release: r, score: Number(part[k][1].toPrecision(4)) });
      }
    }
    if (counted && hits.length >= c.limit!) total = order.length;
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
    // The rows' order is kept (ties of compareNewestFirst stay in it); they are read in chunks.
    const ids: number[] = [];
    for (const [rowid] of rows as IterableIterator<[number, string, string | null]>) if (!excluded.has(rowid)) ids.push(rowid);
    const found: ArchivedRelease[] = [];
    for (let at = 0; at < ids.length; at += CHUNK) {
      for (const r of many(ids.slice(at, at + CHUNK))) if (r && accept(r)) found.push(r);
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
