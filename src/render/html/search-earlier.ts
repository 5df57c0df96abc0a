import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeKeys, readDataFile, type SiteMeta } from '../../core/search/site-format.js';

/**
 * Reading back the term table an earlier export wrote (format: src/core/search/site-format.ts),
 * checked as it is read: anything missing, cut short or out of order makes it unusable.
 */

/** A term table as posting-line texts: terms in code-unit order, and the number of documents it was built for. */
export interface TextTable {
  docs: number;
  terms: string[];
  lines: string[];
}

/** Why the earlier data cannot be patched (the caller then builds afresh). */
export class UnusableData extends Error {}

/** Reads the term table of the export in `dir` (its `search/` folder); throws UnusableData when anything is missing or malformed. */
export function readTextTable(dir: string): TextTable {
  const read = (name: string): unknown => {
    let text: string;
    try {
      text = readFileSync(path.join(dir, 'search', `${name}.js`), 'utf8');
    } catch {
      throw new UnusableData(`search/${name}.js cannot be read`);
    }
    let file: { name: string; payload: unknown };
    try {
      file = readDataFile(text);
    } catch {
      throw new UnusableData(`search/${name}.js is not whole`);
    }
    if (file.name !== name || !text.endsWith(');\n')) throw new UnusableData(`search/${name}.js is not whole`);
    return file.payload;
  };
  const meta = read('meta') as SiteMeta;
  if (!meta || meta.v !== 1 || !Number.isInteger(meta.docs) || meta.docs < 0 || typeof meta.keys !== 'string')
    throw new UnusableData('search/meta.js is of another format');
  const keys = decodeKeys(meta.keys);
  const terms: string[] = [];
  const lines: string[] = [];
  let previous = '';
  for (let n = 0; n < keys.length; n++) {
    const payload = read(`w/${n}`);
    if (!Array.isArray(payload) || payload.length !== 2 || typeof payload[0] !== 'string' || typeof payload[1] !== 'string')
      throw new UnusableData(`search/w/${n}.js is of another format`);
    const shardTerms = payload[0].split('\n');
    const shardLines = payload[1].split('\n');
    if (shardTerms.length !== shardLines.length) throw new UnusableData(`search/w/${n}.js is of another format`);
    for (let i = 0; i < shardTerms.length; i++) {
      const t = shardTerms[i];
      // Terms ascend through the shards in order; each starts with its shard's key.
      if (!(t > previous) || !t.startsWith(keys[n])) throw new UnusableData(`search/w/${n}.js is out of order`);
      previous = t;
      terms.push(t);
      lines.push(shardLines[i].charCodeAt(0) === 64 ? ownLine(shardLines[i], read) : shardLines[i]);
    }
  }
  return { docs: meta.docs, terms, lines };
}

/** The line of a pointer `@<file>:<df>`, read from `p/<file>` and checked against df. */
function ownLine(pointer: string, read: (name: string) => unknown): string {
  const colon = pointer.indexOf(':');
  const file = pointer.slice(1, colon);
  const df = Number(pointer.slice(colon + 1));
  if (colon < 0 || !/^\d+$/.test(file)) throw new UnusableData(`a pointer ${pointer} is malformed`);
  const line = read(`p/${file}`);
  if (typeof line !== 'string' || entries(line) !== df) throw new UnusableData(`search/p/${file}.js does not match its pointer`);
  return line;
}

function entries(line: string): number {
  let n = line ? 1 : 0;
  for (let i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) n++;
  return n;
}
