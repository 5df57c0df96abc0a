import type { Styler } from './style.js';
import { displayWidth, printable, truncate } from './width.js';

/** The lines of a file, by its archive-relative path, or undefined when it cannot be shown. */
export type LinesOf = (file: string) => readonly string[] | undefined;

/** How a frame is drawn: lines around the offending one, the widest line, and the mark's style. */
export interface FrameOptions {
  context?: number;
  width?: number;
  mark?: (text: string) => string;
}

/**
 * The offending line of a file with `context` lines either side (as Astro prints a front-matter
 * error), numbered, and a caret under `column` (1-based, in UTF-16 units as issues give it).
 * The caret lands under the right letter with Cyrillic, wide letters and emoji before it; a
 * line longer than `width` is cut around the column. Empty when `line` is not in the file.
 */
export function codeFrame(lines: readonly string[], line: number, column: number | undefined, s: Styler, o: FrameOptions = {}): string {
  const { context = 2, width = 100 } = o;
  const mark = o.mark ?? s.error;
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const gutter = String(last).length;
  const col = Math.max(1, Math.min(column ?? 1, lines[line - 1].length + 1));
  // Long lines (a paragraph is one line) are shown from a little before the column.
  const from = displayWidth(printable(lines[line - 1].slice(0, col - 1))) > width - 20 ? Math.max(0, col - 1 - Math.floor(width / 2)) : 0;
  const shown = (text: string) => {
    const cut = printable(from ? text.slice(from) : text);
    return truncate(from ? `…${cut}` : cut, width);
  };
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const num = String(n).padStart(gutter);
    const text = shown(lines[n - 1]).trimEnd();
    out.push(n === line ? `${mark('>')} ${num} ${s.dim('|')} ${text}` : `  ${s.dim(`${num} |`)} ${text}`.trimEnd());
    if (n === line && column !== undefined) {
      const before = printable(lines[line - 1].slice(from, col - 1));
      const pad = displayWidth(from ? `…${before}` : before);
      out.push(`  ${' '.repeat(gutter)} ${s.dim('|')} ${' '.repeat(pad)}${mark('^')}`);
    }
  }
  return out.map((l) => `    ${l}\n`).join('');
}
