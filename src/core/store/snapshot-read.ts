import type { Issue, Release } from '../types.js';
import type { ReleaseFields } from './documents.js';
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
