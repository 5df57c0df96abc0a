import { statSync } from 'node:fs';

/** What `stat` said a path is: another kind (a FIFO, a device…), a regular file or a folder. */
export const OTHER = 0;
export const REGULAR = 1;
export const FOLDER = 2;

/**
 * What a freshness check needs of a path (links followed). A `StampFn` may hand back the
 * same object at each call: read it before the next one.
 */
export interface Stamp {
  kind: number;
  size: number;
  mtimeMs: number;
}

/** Stats a path: undefined when nothing is there; throws for other errors, as `statSync` does. */
export type StampFn = (path: string) => Stamp | undefined;

/** The portable `StampFn`, through `statSync`. */
export const statStamp: StampFn = (p) => {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return undefined;
  return { kind: st.isFile() ? REGULAR : st.isDirectory() ? FOLDER : OTHER, size: st.size, mtimeMs: st.mtimeMs };
};
