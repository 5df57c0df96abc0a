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
  /** Per term, the entries its pointer gave when its line came from a file of its own (checked as it is read), else -1. */
  entries: Int32Array | number[];
}

/** Why the earlier data cannot be patched (the caller then builds afresh). */
export class UnusableData extends Error {}

/** Reads the term table of the export in `dir` (its `search/` folder); throws UnusableData when anything is missing or malformed. */
export function readTextTable(dir: string): TextTable {
  // Long lines' files are ASCII (a byte that is not turns up as a malformed line when merged): read as latin1, the cheaper decoding.
  const read = (name: string): unknown => {
    let text: string;
    try {
      text = readFileSync(path.join(dir, 'search', `${name}.js`), name.startsWith('p/') ? 'latin1' : 'utf8');
    } catch {
      throw new UnusableData(`search/${name}.js cannot be read`);
    }
    const head = `window.releasesData(${JSON.stringify(name)},`;
    if (!text.startsWith(head) || !text.endsWith(');\n')) throw new UnusableData(`search/${name}.js is not whole`);
    const payload = text.slice(head.length, -3);
    const fast = plainStrings(payload);
    if (fast) return fast;
    try {
      return readDataFile(text).payload;
    } catch {
      throw new UnusableData(`search/${name}.js is not whole`);
    }
  };
  const meta = read('meta') as SiteMeta;
  if (!meta || meta.v !== 1 || !Number.isInteger(meta.docs) || meta.docs < 0 || typeof meta.keys !== 'string')
    throw new UnusableData('search/meta.js is of another format');
  const keys = decodeKeys(meta.keys);
  const terms: string[] = [];
  const lines: string[] = [];
  const entries: number[] = [];
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
      const line = shardLines[i];
      if (line.charCodeAt(0) !== 64) {
        lines.push(line);
        entries.push(-1);
        continue;
      }
      const own = ownLine(line, read);
      lines.push(own.line);
      entries.push(own.df);
    }
  }
  return { docs: meta.docs, terms, lines, entries };
}

/** The line of a pointer `@<file>:<df>`, read from `p/<file>`, and df. */
function ownLine(pointer: string, read: (name: string) => unknown): { line: string; df: number } {
  const colon = pointer.indexOf(':');
  const file = pointer.slice(1, colon);
  const df = Number(pointer.slice(colon + 1));
  if (colon < 0 || !/^\d+$/.test(file)) throw new UnusableData(`a pointer ${pointer} is malformed`);
  const line = read(`p/${file}`);
  if (typeof line !== 'string' || !(df > 0)) throw new UnusableData(`search/p/${file}.js does not match its pointer`);
  return { line, df };
}

/**
 * A payload of one string or an array of two, read without JSON.parse when their only
 * escape is `\n` (always so for terms and posting lines); null when it is something else.
 */
function plainStrings(payload: string): string | string[] | null {
  for (let i = payload.indexOf('\\'); i >= 0; i = payload.indexOf('\\', i + 2)) if (payload.charCodeAt(i + 1) !== 110) return null;
  const newlines = (s: string) => s.replaceAll('\\n', '\n');
  if (payload.length >= 2 && payload[0] === '"' && payload.endsWith('"') && payload.indexOf('"', 1) === payload.length - 1)
    return newlines(payload.slice(1, -1));
  const comma = payload.indexOf('","');
  if (!payload.startsWith('["') || !payload.endsWith('"]') || comma < 0) return null;
  const [a, b] = [payload.slice(2, comma), payload.slice(comma + 3, -2)];
  return a.includes('"') || b.includes('"') ? null : [newlines(a), newlines(b)];
}
