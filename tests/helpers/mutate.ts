import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** The release files (`*.md`, not `_*`) of fixture folders (`tests/fixtures/<folder>`), by name, as bytes: fuzzing seeds. */
export function fixtureSeeds(...folders: string[]): Buffer[] {
  const out: Buffer[] = [];
  for (const fixture of folders) {
    const folder = path.resolve(__dirname, '../fixtures', fixture);
    for (const f of readdirSync(folder)
      .filter((n) => n.endsWith('.md') && !n.startsWith('_'))
      .sort())
      out.push(readFileSync(path.join(folder, f)));
  }
  return out;
}

/**
 * Files made from real ones by up to `maxEdits` byte edits: set, insert or delete a byte,
 * or cut the file short there. What fuzzing starts from, so that most cases are nearly valid.
 */
export function mutatedBytes(seeds: Buffer[], maxEdits: number): fc.Arbitrary<Buffer> {
  const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete', 'cut'));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: maxEdits })).map(([seed, edits]) => {
    let bytes = Buffer.from(seed);
    for (const [pos, byte, kind] of edits) {
      const at = bytes.length ? pos % bytes.length : 0;
      if (kind === 'set' && bytes.length) bytes[at] = byte;
      else if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]);
      else if (kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
      else bytes = bytes.subarray(0, at);
    }
    return bytes;
  });
}
