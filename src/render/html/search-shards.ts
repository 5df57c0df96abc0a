/**
 * Encoding of the site's term table into shards (format: src/core/search/site-format.ts),
 * shared by a fresh build (search-terms.ts) and a patch of an earlier export (search-patch.ts),
 * so both give the same bytes for the same table.
 */

/** A posting line longer than this gets a file of its own (`p/<n>`), so its shard stays small. */
export const OWN_FILE = 4096;
/** A shard larger than this is split by one more letter of its terms' prefix. */
export const SHARD_LIMIT = 20_000;

/** The sizes that decide the shards (tests make them small to reach every branch with few releases). */
export interface ShardLimits {
  ownFile: number;
  shard: number;
  /**
   * Characters of patched long lines (those with a file of their own) held in memory rather
   * than read and merged again when written (search-patch.ts); none when absent.
   */
  kept?: number;
}

/** The sizes of the site's search data: long lines kept up to 8 MB (all of them at 10k releases, ~5 MB). */
export const LIMITS: ShardLimits = { ownFile: OWN_FILE, shard: SHARD_LIMIT, kept: 8_000_000 };

/** The shards of a table: keys, then the shards' [terms, lines] and the long lines' files, made as they are read. */
export interface EncodedTable {
  keys: string[];
  /** The shards in order; null for shard n when `skip(n)` (its text is not made). */
  shards(skip?: (n: number) => boolean): Generator<[string, string] | null>;
  /** The long lines, each between the `before` and `after` that `wrap` gives for its number; null for line n when `skip(n)`. */
  own(wrap?: (n: number) => [string, string], skip?: (n: number) => boolean): Generator<string | null>;
  /** Where each shard's terms start (term positions, in order). */
  starts: number[];
  /** The term of each long line's own file, in order. */
  owners: number[];
  /**
   * Set by a patch of an earlier export's table (search-patch.ts): true for a shard or long
   * line whose file in the earlier export has the bytes this table would give it.
   */
  same?: { shard(n: number): boolean; own(n: number): boolean };
}

/** The posting lines of a sorted term table, by the terms' positions. */
export interface LineSource {
  /** Characters of line i. */
  length(i: number): number;
  /** Entries (documents) of line i. */
  count(i: number): number;
  /** The text of line i, between `before` and `after` when given (one string made, not three). */
  text(i: number, before?: string, after?: string): string;
}

/** Sorted terms (code-unit order) split into shards of at most about SHARD_LIMIT bytes by their prefixes; texts made shard by shard. */
export function encodeTable(terms: string[], lines: LineSource, limits: ShardLimits = LIMITS): EncodedTable {
  const ownFile = new Int32Array(terms.length).fill(-1);
  const owners: number[] = [];
  for (let i = 0; i < terms.length; i++) if (lines.length(i) > limits.ownFile) ownFile[i] = owners.push(i) - 1;
  const pointer = (i: number) => `@${ownFile[i]}:${lines.count(i)}`;
  const sizes = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) sizes[i] = terms[i].length + (ownFile[i] < 0 ? lines.length(i) : pointer(i).length) + 2;
  const groups: { key: string; from: number; to: number }[] = [];
  split(terms, sizes, 0, terms.length, 0, '', groups, limits.shard);
  return {
    keys: groups.map((g) => g.key),
    starts: groups.map((g) => g.from),
    owners,
    // Each group is the contiguous run of terms whose longest key is its own (see split).
    *shards(skip) {
      for (let n = 0; n < groups.length; n++) {
        const g = groups[n];
        if (skip?.(n)) {
          yield null;
          continue;
        }
        const texts: string[] = [];
        for (let i = g.from; i < g.to; i++) texts.push(ownFile[i] < 0 ? lines.text(i) : pointer(i));
        yield [terms.slice(g.from, g.to).join('\n'), texts.join('\n')];
      }
    },
    *own(wrap, skip) {
      for (let n = 0; n < owners.length; n++) {
        const i = owners[n];
        yield skip?.(n) ? null : wrap ? lines.text(i, ...wrap(n)) : lines.text(i);
      }
    },
  };
}

/** Splits terms[from, to) (all starting with `key`) by one more letter while they are too large. */
function split(
  terms: string[],
  sizes: Float64Array,
  from: number,
  to: number,
  depth: number,
  key: string,
  out: { key: string; from: number; to: number }[],
  limit: number,
): void {
  let size = 0;
  for (let i = from; i < to; i++) size += sizes[i];
  if (depth > 0 && (size <= limit || allShorter(terms, from, to, depth))) {
    out.push({ key, from, to });
    return;
  }
  let i = from;
  // Terms exactly as long as the key stay in the key's own shard.
  if (depth > 0 && terms[i] === key) {
    out.push({ key, from: i, to: i + 1 });
    i++;
  }
  while (i < to) {
    const next = terms[i].slice(0, depth + 1);
    let j = i + 1;
    while (j < to && terms[j].startsWith(next)) j++;
    split(terms, sizes, i, j, depth + 1, next, out, limit);
    i = j;
  }
}

function allShorter(terms: string[], from: number, to: number, depth: number): boolean {
  for (let i = from; i < to; i++) if (terms[i].length > depth) return false;
  return true;
}
