import type { TextTable } from './search-earlier.js';
import type { EncodedTable } from './search-shards.js';

/**
 * Which files of the patched table have the earlier export's bytes: with the same shard keys
 * and the same terms' lines in files of their own (so the same numbering, and pointers), a
 * shard none of whose terms is dirty, and the file of a line that is not. Undefined when the
 * earlier table was not read from files, or its layout differs.
 */
export function sameFiles(
  earlier: TextTable,
  terms: string[],
  from: number[],
  dirty: number[],
  table: EncodedTable,
): EncodedTable['same'] | undefined {
  const { shards, own } = earlier;
  if (!shards || !own || shards.keys.length !== table.keys.length || shards.keys.some((k, n) => k !== table.keys[n])) return undefined;
  let owned = 0;
  for (let i = 0; i < own.length; i++) if (own[i] >= 0 && own[i] !== owned++) return undefined;
  if (owned !== table.owners.length || table.owners.some((k, n) => own[from[k]] !== n)) return undefined;
  const isDirty = new Uint8Array(terms.length + 1);
  for (const k of dirty) if (k >= 0) isDirty[k] = 1;
  const shardDirty = new Uint8Array(table.starts.length);
  for (let n = 0; n < table.starts.length; n++) {
    const to = n + 1 < table.starts.length ? table.starts[n + 1] : terms.length;
    for (let k = table.starts[n]; k < to && !shardDirty[n]; k++) if (isDirty[k]) shardDirty[n] = 1;
    // No term came or went within (that marks the term or its neighbours): the same run of earlier terms as the earlier shard's?
    const was = shards.starts[n];
    const wasTo = n + 1 < shards.starts.length ? shards.starts[n + 1] : earlier.terms.length;
    if (from[table.starts[n]] !== was || to - table.starts[n] !== wasTo - was) shardDirty[n] = 1;
  }
  return { shard: (n) => !shardDirty[n], own: (n) => !isDirty[table.owners[n]] };
}
