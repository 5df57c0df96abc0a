import type { FileResult } from '../types.js';
import {
  BODY_LINE,
  DATE,
  END,
  EXTRA,
  FROM_NAME,
  ID,
  ISSUES,
  LANG,
  LITTLE_ENDIAN,
  LOCATION,
  NAMED,
  NARROW,
  NONE,
  PARTNERS,
  PATH,
  PEOPLE,
  SEP,
  SNAPSHOT_FORMAT,
  START,
  SUMMARY,
  type SnapshotHeader,
  TAGS,
  TITLE,
  TKEY,
  UNREADABLE,
  WIDE,
  WIDTH,
  nameOf,
  pad4,
} from './snapshot-layout.js';

// A snapshot holds every stored parse result (bodies aside) in one buffer: a JSON header
// line, the strings (each distinct one once), and the fields as 32-bit indices into them.
// Loading 10k results row by row cost ~150 ms of native row objects and a JSON.parse per
// row; from one buffer it is a few copies and a split. Strings whose letters all fit in
// Latin-1 are kept apart from the others so that both are read with a plain copy (no UTF-8
// decoding) and the first stay one-byte strings in V8.

/**
 * The snapshot of parse results (bodies are never stored), given back in the same order:
 * pass them by path, so that linking finds them sorted. In parts, each made when the one
 * before is written: at 100k, the texts are ~40 MB, and all of them at once in one buffer
 * cost another 50 MB.
 */
export function* encodeSnapshot(results: FileResult[], token: string, generation: number): Generator<Uint8Array> {
  const { narrow, wide, ints, lists } = collect(results);
  // A string holding the separator cannot be joined: then all of them go as one JSON array.
  const json = narrow.some((s) => s.includes(SEP)) || wide.some((s) => s.includes(SEP));
  const joined = (strings: string[]) => strings.reduce((n, s) => n + s.length, 0) + Math.max(0, strings.length - 1);
  const jsonText = json ? Buffer.from(JSON.stringify([narrow, wide])) : null;
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    token,
    generation,
    files: results.length,
    narrow: jsonText ? jsonText.length : joined(narrow),
    wide: jsonText ? 0 : 2 * joined(wide),
    lists: lists.length,
    json,
    littleEndian: LITTLE_ENDIAN,
  };
  let head = JSON.stringify(header);
  head += `${' '.repeat(pad4(head.length + 1) - head.length - 1)}\n`;
  yield Buffer.from(head, 'latin1');
  if (jsonText) yield jsonText;
  else {
    yield Buffer.from(narrow.join(SEP), 'latin1');
    yield Buffer.from(wide.join(SEP), 'utf16le');
  }
  const end = head.length + header.narrow + header.wide;
  yield Buffer.alloc(pad4(end) - end);
  yield new Uint8Array(ints.buffer);
  yield new Uint8Array(lists.buffer);
}

/** The distinct strings of `results` (narrow ones apart), and their fields as indices into them. */
function collect(results: FileResult[]): { narrow: string[]; wide: string[]; ints: Int32Array; lists: Int32Array } {
  const narrow: string[] = [];
  const wide: string[] = [];
  const at = new Map<string, number>();
  const str = (s: string | null | undefined): number => {
    if (s === null || s === undefined) return NONE;
    let i = at.get(s);
    if (i === undefined) {
      i = NARROW.test(s) ? narrow.push(s) - 1 : WIDE + wide.push(s) - 1;
      at.set(s, i);
    }
    return i;
  };
  const ints = new Int32Array(results.length * WIDTH);
  const lists: number[] = [];
  const list = (xs: string[], o: number) => {
    ints[o] = lists.length;
    ints[o + 1] = xs.length;
    for (const x of xs) lists.push(str(x));
  };
  results.forEach((res, n) => {
    const o = n * WIDTH;
    const r = res.release;
    ints[o + PATH] = str(res.path);
    ints[o + ISSUES] = res.issues.length ? str(JSON.stringify(res.issues)) : NONE;
    if (!r) {
      ints[o + ID] = UNREADABLE;
      return;
    }
    ints[o + ID] = r.id === nameOf(r.path) ? NAMED : str(r.id);
    ints[o + TITLE] = str(r.title);
    ints[o + DATE] = str(r.date);
    ints[o + START] = r.event ? str(r.event.start) : NONE;
    ints[o + END] = r.event ? str(r.event.end) : NONE;
    ints[o + LOCATION] = r.event ? str(r.event.location) : NONE;
    list(r.partners, o + PARTNERS);
    list(r.people, o + PEOPLE);
    list(r.tags, o + TAGS);
    ints[o + LANG] = str(r.lang);
    ints[o + SUMMARY] = str(r.summary);
    ints[o + TKEY] = str(r.translationKey);
    ints[o + BODY_LINE] = r.bodyLine;
    ints[o + EXTRA] = Object.keys(r.extra).length ? str(JSON.stringify(r.extra)) : NONE;
    ints[o + FROM_NAME] = r.dateFromFileName ? 1 : 0;
  });
  return { narrow, wide, ints, lists: new Int32Array(lists) };
}
