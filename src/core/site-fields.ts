import { parseDate } from './dates.js';
import type { FrontMatter } from './frontmatter.js';
import type { CalendarDate } from './types.js';

// Zola keeps every field of its own under [extra] and its taxonomies under [taxonomies];
// an archive written for Zola keeps ours there. A field at the top level always wins.

/** Our fields as Zola keeps them, taken when the top level does not have them. */
const FROM_TAXONOMIES = ['partners', 'people', 'tags'];
const FROM_EXTRA = ['id', 'event', 'partners', 'people', 'tags', 'lang', 'summary', 'translation_key'];

function table(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = Object.hasOwn(data, key) ? data[key] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The front matter with the fields Zola keeps in `[taxonomies]` (partners, people, tags)
 * and `[extra]` (any of our fields but title and date) brought to the top level, where the
 * top level lacks them; their places stay those of the nested fields. The tables themselves
 * are kept as written.
 */
export function withSiteFields(fm: FrontMatter): FrontMatter {
  const moved = new Map<string, string[]>();
  const data = fm.data;
  for (const [source, fields] of [
    ['taxonomies', FROM_TAXONOMIES],
    ['extra', FROM_EXTRA],
  ] as const) {
    const nested = table(data, source);
    if (!nested) continue;
    for (const field of fields) {
      if (nested[field] === undefined || Object.hasOwn(data, field) || moved.has(field)) continue;
      moved.set(field, [source, field]);
    }
  }
  if (!moved.size) return fm;
  const out: Record<string, unknown> = { ...data };
  for (const [field, [source]] of moved) out[field] = (data[source] as Record<string, unknown>)[field];
  const locate = (path: (string | number)[]) => {
    const from = moved.get(String(path[0]));
    return fm.locate(from ? [...from, ...path.slice(1)] : path);
  };
  return { ...fm, data: out, locate };
}

const PATH_DATE = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/;

/** The date in a Zola `path` such as `2018/10/16/slug` or `inside-rust/2021/07/26/slug`. */
export function dateFromSitePath(path: unknown): CalendarDate | null {
  if (typeof path !== 'string') return null;
  const m = PATH_DATE.exec(path);
  if (!m) return null;
  const read = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  return read.ok ? read.date : null;
}
