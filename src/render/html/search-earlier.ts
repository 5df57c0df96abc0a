import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError } from '../../core/errors.js';
import { readDataFile, type SiteMeta } from '../../core/search/site-format.js';
import { decodeKeys } from '../../core/search/site-shards.js';

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
  /** The keys of the shards it was read from, and where each shard's terms start (absent when not read from files). */
  shards?: { keys: string[]; starts: number[] };
  /** Per term, the number of the file of its own its line came from, else -1 (absent when not read from files). */
  own?: number[];
  /**
   * The line of term i. A line in a file of its own (`lines[i]` is then empty) is read from
   * it each time it is asked for, never kept: at 100k releases they hold ~80 MB. A file that
   * differs from its first reading (another run replaced the site meanwhile) throws.
   */
  line(i: number): string;
}

/** The earlier export changed while this run read it (another run replaced it): this run stops, the site in place stays as it is. */
export class ChangedData extends ReleasesError {
  constructor(file: string) {
    super(`${file} changed while this export read it`, 1, 'another export replaced the site meanwhile: run the export again', file);
  }
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
  if (meta?.v !== 1 || !Number.isInteger(meta.docs) || meta.docs < 0 || typeof meta.keys !== 'string')
    throw new UnusableData('search/meta.js is of another format');
  const keys = decodeKeys(meta.keys);
  const terms: string[] = [];
  const lines: string[] = [];
  const entries: number[] = [];
  const own: number[] = [];
  const digests = new Map<number, string>();
  let previous = '';
  const starts: number[] = [];
  for (let n = 0; n < keys.length; n++) {
    starts.push(terms.length);
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
        own.push(-1);
        continue;
      }
      const { file, df } = pointerOf(line);
      own.push(file);
      lines.push('');
      entries.push(df);
    }
  }
  const line = (i: number): string => {
    const file = own[i];
    if (file < 0) return lines[i];
    const name = `p/${file}`;
    const first = digests.get(file);
    if (first === undefined) {
      const text = read(name);
      if (typeof text !== 'string') throw new UnusableData(`search/${name}.js does not match its pointer`);
      digests.set(file, hash('sha1', text, 'base64'));
      return text;
    }
    let text: unknown = null;
    try {
      text = read(name);
    } catch {}
    if (typeof text !== 'string' || hash('sha1', text, 'base64') !== first) throw new ChangedData(path.join(dir, 'search', `${name}.js`));
    return text;
  };
  return { docs: meta.docs, terms, lines, entries, line, shards: { keys, starts }, own };
}

/** The file and df of a pointer `@<file>:<df>`. */
function pointerOf(pointer: string): { file: number; df: number } {
  const colon = pointer.indexOf(':');
  const file = pointer.slice(1, colon);
  const df = Number(pointer.slice(colon + 1));
  if (colon < 0 || !/^\d+$/.test(file) || !(df > 0)) throw new UnusableData(`a pointer ${pointer} is malformed`);
  return { file: Number(file), df };
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
