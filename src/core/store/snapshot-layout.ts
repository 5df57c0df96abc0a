// The layout of a snapshot (see snapshot.ts): what each int of a file's record holds.

// The ints of one file, in this order (a list is its start in the list section and its length).
export const PATH = 0;
export const ISSUES = 1;
export const ID = 2;
export const TITLE = 3;
export const DATE = 4;
export const START = 5;
export const END = 6;
export const LOCATION = 7;
export const PARTNERS = 8;
export const PEOPLE = 10;
export const TAGS = 12;
export const LANG = 14;
export const SUMMARY = 15;
export const TKEY = 16;
export const BODY_LINE = 17;
export const EXTRA = 18;
export const FROM_NAME = 19;
export const WIDTH = 20;

export const NONE = -1;
/** In the id slot: the file name without its extension is the id. */
export const NAMED = -2;
/** In the id slot: the file holds no release (only issues). */
export const UNREADABLE = -3;
/** String indices from here on are into the wide (UTF-16) strings. */
export const WIDE = 1 << 30;
export const SEP = '\u0000';
export const NARROW = /^[\0-\xff]*$/;

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

export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const pad4 = (n: number) => (n + 3) & ~3;

/** The file name of a release file without its extension: the id, when it is the default one. */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -3);
}
