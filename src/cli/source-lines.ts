import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LinesOf } from '../render/code-frame.js';

/** Files larger than this get no code frame: a frame is a help, never worth reading megabytes. */
const MAX_BYTES = 2 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The lines of the archive's files, for code frames: read when first asked for, the last one
 * kept (issues come sorted by file). Undefined for a file that is gone, too large or not UTF-8.
 */
export function archiveLines(dir: string): LinesOf {
  let last: { file: string; lines: string[] | undefined } | undefined;
  return (file) => {
    if (last?.file === file) return last.lines;
    let lines: string[] | undefined;
    try {
      const abs = path.join(dir, file);
      if (statSync(abs).size <= MAX_BYTES) lines = utf8.decode(readFileSync(abs)).split(/\r?\n/);
    } catch {
      lines = undefined;
    }
    last = { file, lines };
    return lines;
  };
}
