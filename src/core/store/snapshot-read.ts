import { readSync } from 'node:fs';
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

/** The bytes of a snapshot from `start` to `end`: read from its file piece by piece, or cut from a buffer. */
export type SnapshotBytes = (start: number, end: number) => Buffer;

/** A snapshot's bytes in a buffer. */
export function bufferBytes(buf: Buffer): SnapshotBytes {
  return (start, end) => buf.subarray(start, end);
}

/**
 * A snapshot's bytes read from an open file as they are asked for: at 100k, one buffer of
 * the whole file was 50 MB more at once than its largest section.
 */
export function fileBytes(fd: number, size: number): SnapshotBytes {
  return (start, end) => {
    const buf = Buffer.allocUnsafeSlow(Math.max(0, Math.min(end, size) - start));
    for (let at = 0; at < buf.length; ) {
      const n = readSync(fd, buf, at, buf.length - at, start + at);
      if (n === 0) throw new Error('the snapshot ended early');
      at += n;
    }
    return buf;
  };
}

/** The header of a snapshot and where its texts start, or null when it is not one this version reads. */
export function snapshotHeader(bytes: SnapshotBytes): (SnapshotHeader & { at: number }) | null {
  const head = bytes(0, 4096);
  const nl = head.indexOf(10);
  if (nl < 0) return null;
  try {
    const h = JSON.parse(head.toString('latin1', 0, nl)) as SnapshotHeader;
    return h.format === SNAPSHOT_FORMAT && h.littleEndian === LITTLE_ENDIAN ? { ...h, at: nl + 1 } : null;
  } catch {
    return null;
  }
}

/** The releases and issues of a snapshot, releases made by `make`, less the files at the paths in `skip`. */
export function decodeSnapshot(
  bytes: SnapshotBytes,
  h: SnapshotHeader & { at: number },
  make: (...fields: ReleaseFields) => Release,
  skip?: Set<string>,
): { releases: Release[]; issues: Issue[] } {
  const textAt = h.at;
  let narrow: string[];
  let wide: string[];
  if (h.json) [narrow, wide] = JSON.parse(bytes(textAt, textAt + h.narrow).toString('utf8'));
  else {
    narrow = bytes(textAt, textAt + h.narrow)
      .toString('latin1')
      .split(SEP);
    wide = bytes(textAt + h.narrow, textAt + h.narrow + h.wide)
      .toString('utf16le')
      .split(SEP);
  }
  const intsAt = pad4(textAt + h.narrow + h.wide);
  const read = bytes(intsAt, intsAt + (h.files * WIDTH + h.lists) * 4);
  // Copied when the memory is not 4-byte aligned (Int32Array needs it to be).
  const aligned = read.byteOffset % 4 ? Buffer.from(read) : read;
  const ints = new Int32Array(aligned.buffer, aligned.byteOffset, h.files * WIDTH);
  const lists = new Int32Array(aligned.buffer, aligned.byteOffset + h.files * WIDTH * 4, h.lists);
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
