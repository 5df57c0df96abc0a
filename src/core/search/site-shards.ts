/**
 * Shard keys of the site's search data (format: site-format.ts): the term prefixes that name
 * the shard files `w/<n>`, front-coded in `meta`, and the shard or shards a term or a prefix
 * is in.
 */

/**
 * Sorted keys front-coded, one a line: how many leading characters it shares with the key
 * before (one base-36 digit), then the rest. Half the bytes of a JSON array: the keys are
 * most of what the page loads before the first keystroke.
 */
export function encodeKeys(keys: string[]): string {
  return keys
    .map((k, i) => {
      const prev = i ? keys[i - 1] : '';
      let n = 0;
      while (n < 35 && n < k.length && n < prev.length && k[n] === prev[n]) n++;
      return n.toString(36) + k.slice(n);
    })
    .join('\n');
}

/** The keys of `encodeKeys`. */
export function decodeKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text ? text.split('\n') : [])
    keys.push((keys.length ? keys[keys.length - 1].slice(0, parseInt(line[0], 36)) : '') + line.slice(1));
  return keys;
}

/** The shard of a term: the longest key that starts it (-1 when none does). */
export function shardOf(term: string, keyIndex: Map<string, number>, longest: number): number {
  for (let len = Math.min(longest, term.length); len > 0; len--) {
    const n = keyIndex.get(term.slice(0, len));
    if (n !== undefined) return n;
  }
  return -1;
}

/** The shards that may hold terms starting with `prefix`: its own, and every deeper key under it. */
export function shardsForPrefix(prefix: string, keys: string[], keyIndex: Map<string, number>, longest: number): number[] {
  const out = new Set<number>();
  const own = shardOf(prefix, keyIndex, longest);
  if (own >= 0) out.add(own);
  for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** The first place in a sorted list whose value is not below `value` (the list's length when none is). */
export function lowerBound(list: string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
