import type { ArchivedRelease, Period } from '../core/types.js';
import type { Styler } from './style.js';
import { displayWidth, isNarrow, pad, printable, truncate } from './width.js';

/** A period written compactly: `2018-10-15–18`, `2018-10-30–11-02`, or one date. */
export function formatPeriod(p: Period): string {
  if (p.start === p.end) return p.start;
  if (p.start.slice(0, 7) === p.end.slice(0, 7)) return `${p.start}–${p.end.slice(8)}`;
  if (p.start.slice(0, 4) === p.end.slice(0, 4)) return `${p.start}–${p.end.slice(5)}`;
  return `${p.start}–${p.end}`;
}

/** One row of a table: cells already as text. */
export type Row = string[];

/**
 * Lays out rows in columns that fit `width` terminal columns. The column `flex` takes what
 * is left; others keep their natural width up to `max`, and those in `shrink` give way
 * on a narrow terminal. With no width, nothing is cut.
 */
export function layout(header: Row, rows: Row[], opts: LayoutOptions, s: Styler): string {
  return [...layoutChunks(header, rows, opts, s)].join('');
}

/** How `layout` fits columns: see there. */
export interface LayoutOptions {
  width?: number;
  flex: number;
  max: number[];
  shrink?: number[];
}

/**
 * `layout`'s text in chunks of a few hundred lines, to write one after another: at 100k rows
 * the whole table is tens of MB, which as lines, then one joined string, then its UTF-8
 * copy would be held three times over.
 */
export function* layoutChunks(header: Row, rows: Row[], opts: LayoutOptions, s: Styler): Generator<string> {
  const cols = header.length;
  // Whether each cell is narrow text (see isNarrow): then it is printable as it is and as
  // wide as it is long, which the lines below use without measuring it again.
  const narrow = new Uint8Array(rows.length * cols);
  const natural = header.map((h) => displayWidth(h));
  // A loop, not Math.max(...rows): spreading more than ~125k arguments overflows the stack.
  for (let r = 0; r < rows.length; r++) {
    for (let i = 0; i < cols; i++) {
      const raw = rows[r][i];
      const w = isNarrow(raw) ? ((narrow[r * cols + i] = 1), raw.length) : displayWidth(printable(raw));
      if (w > natural[i]) natural[i] = w;
    }
  }
  const widths = natural.map((w, i) => (opts.width ? Math.min(w, opts.max[i]) : w));
  if (opts.width) {
    const gaps = 2 * (widths.length - 1);
    const others = () => widths.reduce((a, w, i) => (i === opts.flex ? a : a + w), 0) + gaps;
    // On a narrow terminal the widest other column gives way first, down to 8 columns.
    for (let over = others() + 12 - opts.width; over > 0; over = others() + 12 - opts.width) {
      const widest = (opts.shrink ?? []).reduce((best, i) => (best < 0 || widths[i] > widths[best] ? i : best), -1);
      if (widest < 0 || widths[widest] <= 8) break;
      widths[widest] = Math.max(8, widths[widest] - over);
    }
    widths[opts.flex] = Math.max(12, Math.min(natural[opts.flex], opts.width - others()));
  }
  // The line of row `r` (-1: the header), as the cells printable, cut to their widths, padded,
  // joined by two spaces, trimmed at the end and cut to the terminal would give it; the common
  // line (all cells narrow, none cut) without measuring a cell again or copying the line to trim it.
  const line = (cells: Row, r: number) => {
    let text = '';
    let plain = true;
    for (let i = 0; i < cols; i++) {
      const raw = cells[i];
      const last = i === cols - 1;
      if ((r < 0 ? isNarrow(raw) : narrow[r * cols + i] === 1) && (!opts.width || raw.length <= widths[i])) {
        text += last ? raw : raw + spaces(widths[i] - raw.length);
      } else {
        plain = false;
        const c = printable(raw);
        const cut = opts.width ? truncate(c, widths[i]) : c;
        text += last ? cut : pad(cut, widths[i]);
      }
      if (!last) text += '  ';
    }
    const end = cells[cols - 1];
    // Narrow text holds no white space but these two.
    const trimmed = plain && end.length > 0 && end.charCodeAt(end.length - 1) !== 32 && end.charCodeAt(end.length - 1) !== 160;
    if (!trimmed) text = text.trimEnd();
    return opts.width && !(plain && text.length <= opts.width) ? truncate(text, opts.width) : text;
  };
  let chunk = `${s.bold(line(header, -1))}\n`;
  for (let i = 0; i < rows.length; i++) {
    chunk += `${line(rows[i], i)}\n`;
    if (i % 500 === 499) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

const SPACES = ' '.repeat(256);

/** `n` spaces (none when `n` is not positive). */
function spaces(n: number): string {
  return n <= 0 ? '' : n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

/** The `list` table: period, language, title, partners, in chunks to write one after another. */
export function releaseTableChunks(releases: ArchivedRelease[], width: number | undefined, s: Styler): Generator<string> {
  const rows = releases.map((r) => [formatPeriod(r.period), r.lang, r.title, r.partners.join(', ')]);
  return layoutChunks(
    ['PERIOD', 'LANG', 'TITLE', 'PARTNERS'],
    rows,
    { width, flex: 2, max: [21, 6, 200, Math.max(16, Math.floor((width ?? 100) * 0.3))], shrink: [3] },
    s,
  );
}
