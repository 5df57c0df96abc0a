import { statSync } from 'node:fs';
import { FOLDER, OTHER, REGULAR, type Stamp, type StampFn, statStamp } from '../core/store/stamp.js';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

type StatBinding = { stat(path: string, bigint: boolean, req: undefined, throwIfNoEntry: boolean): Float64Array | undefined };

/** The call Node's own `statSync` makes (20.19 and later): when its source says otherwise, the binding is not used. */
const SAME_CALL =
  /binding\.stat\(\s*pathModule\.toNamespacedPath\(path\),\s*options\.bigint,\s*undefined,\s*options\.throwIfNoEntry,?\s*\)/;

function statBinding(): StatBinding | null {
  // --pending-deprecation would print a warning for process.binding; a permission model forbids it.
  if (/--pending-deprecation/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return null;
  if (process.platform === 'win32' || !SAME_CALL.test(statSync.toString())) return null;
  try {
    const b = (process as unknown as { binding(name: string): StatBinding }).binding('fs');
    return typeof b?.stat === 'function' ? b : null;
  } catch {
    return null;
  }
}

/**
 * A `StampFn` without a Stats object: Node 20's `statSync` builds one with four Date objects
 * per call, a third of the check of every file before a search (10k files, measured in
 * turns), plus their garbage. It reads the numbers `statSync` reads, from the same binding
 * call, and computes mtimeMs as Node does; on any other Node it is `statStamp`.
 */
export function fastStamp(): StampFn {
  const b = statBinding();
  if (!b) return statStamp;
  const out: Stamp = { kind: OTHER, size: 0, mtimeMs: 0 };
  return (p) => {
    const a = b.stat(p, false, undefined, false);
    if (a === undefined) return undefined;
    const type = a[1] & S_IFMT;
    out.kind = type === S_IFREG ? REGULAR : type === S_IFDIR ? FOLDER : OTHER;
    out.size = a[8];
    // Node's msFromTimeSpec: sec * 1e3 + nsec / 1e6.
    out.mtimeMs = a[12] * 1e3 + a[13] / 1e6;
    return out;
  };
}
