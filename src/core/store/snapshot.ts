import type { FileResult, Issue, Release } from '../types.js';
import type { ReleaseFields } from './documents.js';

// A snapshot holds every stored parse result (bodies aside) in one buffer: a JSON header
// line, the strings (each distinct one once), and the fields as 32-bit indices into them.
// Loading 10k results row by row cost ~150 ms of native row objects and a JSON.parse per
// row; from one buffer it is a few copies and a split. Strings whose letters all fit in
// Latin-1 are kept apart from the others so that both are read with a plain copy (no UTF-8
// decoding) and the first stay one-byte strings in V8.

// The ints of one file, in this order (a list is its start in the list section and its length).
const PATH = 0;
const ISSUES = 1;
const ID = 2;
const TITLE = 3;
const DATE = 4;
const START = 5;
const END = 6;
const LOCATION = 7;
const PARTNERS = 8;
const PEOPLE = 10;
const TAGS = 12;
const LANG = 14;
const SUMMARY = 15;
const TKEY = 16;
const BODY_LINE = 17;
const EXTRA = 18;
const FROM_NAME = 19;
const WIDTH = 20;

const NONE = -1;
/** In the id slot: the file name without its extension is the id. */
const NAMED = -2;
/** In the id slot: the file holds no release (only issues). */
const UNREADABLE = -3;
/** String indices from here on are into the wide (UTF-16) strings. */
const WIDE = 1 << 30;
const SEP = '\u0000';
const NARROW = /^[\0-\xff]*$/;

/** What a snapshot says about itself: the index it was taken from, and the size of each section. */
export interface SnapshotHeader {
  format: number;
  /** The index's token and generation when the snapshot was taken (see snapshot-file.ts). */
  token: string;
  generation: number;
  files: number;
  /** Bytes of the Latin-1 text and of the UTF-16 one (or of one JSON array of all strings, with `json`). */
  narrow: number;
  wide: number;
  /** Ints in the list section. */
  lists: number;
  json: boolean;
  littleEndian: boolean;
}

/** The format of the snapshot buffer; another one is ignored (and replaced). */
export const SNAPSHOT_FORMAT = 1;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const pad4 = (n: number) => (n + 3) & ~3;

/** The file name of a release file without its extension: the id, when it is the default one. */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -3);
}

/**
 * The snapshot of parse results (bodies are never stored), given back in the same order:
 * pass them by path, so that linking finds them sorted. In parts, to write one after the
 * other (one buffer of them all was another 50 MB at 100k).
 */
export function encodeSnapshot(results: FileResult[], token: string, generation: number): Uint8Array[] {
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
  // A string holding the separator cannot be joined: then all of them go as one JSON array.
  const json = narrow.some((s) => s.includes(SEP)) || wide.some((s) => s.includes(SEP));
  const texts = json
    ? [Buffer.from(JSON.stringify([narrow, wide])), Buffer.alloc(0)]
    : [Buffer.from(narrow.join(SEP), 'latin1'), Buffer.from(wide.join(SEP), 'utf16le')];
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    token,
    generation,
    files: results.length,
    narrow: texts[0].length,
    wide: texts[1].length,
    lists: lists.length,
    json,
    littleEndian: LITTLE_ENDIAN,
  };
  let head = JSON.stringify(header);
  head += `${' '.repeat(pad4(head.length + 1) - head.length - 1)}\n`;
  const padding = pad4(head.length + texts[0].length + texts[1].length) - (head.length + texts[0].length + texts[1].length);
  return [
    Buffer.from(head, 'latin1'),
    texts[0],
    texts[1],
    Buffer.alloc(padding),
    new Uint8Array(ints.buffer),
    new Uint8Array(new Int32Array(lists).buffer),
  ];
}

/** The header of a snapshot buffer, or null when it is not one this version reads. */
export function snapshotHeader(buf: Buffer): SnapshotHeader | null {
  const nl = buf.indexOf(10);
  if (nl < 0 || nl > 4096) return null;
  try {
    const h = JSON.parse(buf.toString('latin1', 0, nl)) as SnapshotHeader;
    return h.format === SNAPSHOT_FORMAT && h.littleEndian === LITTLE_ENDIAN ? h : null;
  } catch {
    return null;
  }
}

/** The releases and issues of a snapshot, releases made by `make`, less the files at the paths in `skip`. */
export function decodeSnapshot(
  buf: Buffer,
  h: SnapshotHeader,
  make: (...fields: ReleaseFields) => Release,
  skip?: Set<string>,
): { releases: Release[]; issues: Issue[] } {
  const textAt = buf.indexOf(10) + 1;
  let narrow: string[];
  let wide: string[];
  if (h.json) [narrow, wide] = JSON.parse(buf.toString('utf8', textAt, textAt + h.narrow));
  else {
    narrow = buf.toString('latin1', textAt, textAt + h.narrow).split(SEP);
    wide = buf.toString('utf16le', textAt + h.narrow, textAt + h.narrow + h.wide).split(SEP);
  }
  const intsAt = pad4(textAt + h.narrow + h.wide);
  // Copied out when the buffer's memory is not 4-byte aligned (Int32Array needs it to be).
  const bytes = (buf.byteOffset + intsAt) % 4 ? Buffer.from(buf.subarray(intsAt)) : buf.subarray(intsAt);
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, h.files * WIDTH);
  const lists = new Int32Array(bytes.buffer, bytes.byteOffset + h.files * WIDTH * 4, h.lists);
  const s = (i: number): string => (i >= WIDE ? wide[i - WIDE] : narrow[i]);
  const opt = (i: number): string | null => (i === NONE ? null : s(i));
  const list = (o: number): string[] => {
    const out: string[] = [];
    for (let k = ints[o], end = k + ints[o + 1]; k < end; k++) out.push(s(lists[k]));
    return out;
  };
  const releases: Release[] = [];
  const issues: Issue[] = [];
  for (let o = 0; o < ints.length; o += WIDTH) {
    const path = s(ints[o + PATH]);
    if (skip?.has(path)) continue;
    if (ints[o + ISSUES] !== NONE) for (const i of JSON.parse(s(ints[o + ISSUES])) as Issue[]) issues.push(i);
    const id = ints[o + ID];
    if (id === UNREADABLE) continue;
    releases.push(
      make(
        id === NAMED ? nameOf(path) : s(id),
        path,
        s(ints[o + TITLE]),
        s(ints[o + DATE]),
        ints[o + START] === NONE ? null : { start: s(ints[o + START]), end: s(ints[o + END]), location: opt(ints[o + LOCATION]) },
        list(o + PARTNERS),
        list(o + PEOPLE),
        list(o + TAGS),
        opt(ints[o + LANG]),
        opt(ints[o + SUMMARY]),
        opt(ints[o + TKEY]),
        ints[o + BODY_LINE],
        ints[o + EXTRA] === NONE ? {} : JSON.parse(s(ints[o + EXTRA])),
        ints[o + FROM_NAME] === 1,
      ),
    );
  }
  return { releases, issues };
}
