import stringWidth from 'fast-string-width';

// Printable Latin, Greek and Cyrillic without combining marks: one column per UTF-16 unit.
// The common case, measured without the library: a 100k-row list measures every cell.
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027]*$/;
// Made on first use: creating a segmenter loads ICU's break rules (~20 ms at every start).
let graphemes: Intl.Segmenter | undefined;

/** Whether a text is printable Latin, Greek or Cyrillic without marks: as many columns wide as it is long, and `printable` as it is. */
export function isNarrow(text: string): boolean {
  return NARROW.test(text);
}

/** Terminal columns a text takes (colour codes and marks take none, East Asian wide letters and emoji two). */
export function displayWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** Cuts a text to at most `width` columns, ending with `…` when cut; never splits a letter from its marks. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  if (NARROW.test(text)) return `${text.slice(0, width - 1)}…`;
  let out = '';
  let w = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) {
    const cw = stringWidth(segment);
    if (w + cw > width - 1) break;
    out += segment;
    w += cw;
  }
  return `${out}…`;
}

/** Pads a text with spaces to `width` columns. */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from files made safe for a terminal: control characters (escape sequences that
 * could retitle or clear it, newlines that would forge output lines) are shown as `\x1b`.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
