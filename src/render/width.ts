// Colour codes take no columns.
const ANSI = /\u001b\[[0-9;]*m/g;
const COMBINING = /\p{M}/u;
const NARROW = /^[\u0000-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027]*$/;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Terminal columns a text takes: marks take none, East Asian wide letters and emoji two. */
export function displayWidth(text: string): number {
  const plain = text.replace(ANSI, '');
  // Latin, Greek and Cyrillic without combining marks: one column per UTF-16 unit (a
  // 100k-row list measured every cell letter by letter).
  if (NARROW.test(plain)) return plain.length;
  let w = 0;
  for (const ch of plain) w += COMBINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Cuts a text to at most `width` columns, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = COMBINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
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
