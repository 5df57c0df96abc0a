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
  for (const bytes of layoutBytes(header, rows, opts, s)) yield bytes.toString('utf8');
}

/**
 * `layoutChunks` as UTF-8 bytes, each chunk whole lines: the common line (every cell narrow,
 * none cut) is written cell by cell into the chunk's buffer, without building its text,
 * then the chunk's, then copying that into a buffer to write (measured in turns at 10k rows:
 * a third of `list`'s output time went to those strings and their garbage).
 */
export function* layoutBytes(header: Row, rows: Row[], opts: LayoutOptions, s: Styler): Generator<Buffer> {
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
  // Columns before the last one, with their gaps: where the last cell of a common line starts.
  let lead = 0;
  for (let i = 0; i < cols - 1; i++) lead += widths[i] + 2;
  // The line of row `r` (-1: the header), as the cells printable, cut to their widths, padded,
  // joined by two spaces, trimmed at the end and cut to the terminal would give it.
  const line = (cells: Row): string => {
    let text = '';
    for (let i = 0; i < cols; i++) {
      const c = printable(cells[i]);
      const cut = opts.width ? truncate(c, widths[i]) : c;
      text += i === cols - 1 ? cut : `${pad(cut, widths[i])}  `;
    }
    text = text.trimEnd();
    return opts.width ? truncate(text, opts.width) : text;
  };
  // Whether row `r` is a common line: all cells narrow, the last one not empty and not ending
  // in white space (narrow text holds no other than these two), the whole within the
  // terminal. Its text is then exactly the cells, each cut to its width, padded and joined.
  const common = (cells: Row, r: number): boolean => {
    for (let i = 0; i < cols; i++) if (narrow[r * cols + i] !== 1) return false;
    const end = cells[cols - 1];
    const last = end.charCodeAt(end.length - 1);
    return end.length > 0 && last !== 32 && last !== 160 && !(opts.width && lead + Math.min(end.length, widths[cols - 1]) > opts.width);
  };
  // A narrow cell cut to `w` columns as `truncate` cuts it, padded to them unless it is the last.
  const cell = (out: ChunkBuffer, raw: string, w: number, last: boolean) => {
    if (opts.width && raw.length > w) {
      out.text(raw.slice(0, w - 1));
      out.text('…');
    } else {
      out.text(raw);
      if (!last) out.spaces(w - raw.length);
    }
    if (!last) out.spaces(2);
  };
  const out = new ChunkBuffer();
  out.text(`${s.bold(line(header))}\n`);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (common(cells, r)) {
      for (let i = 0; i < cols; i++) cell(out, cells[i], widths[i], i === cols - 1);
      out.newline();
    } else {
      out.text(`${line(cells)}\n`);
    }
    if (r % 500 === 499) yield out.take();
  }
  yield out.take();
}

/** A growing buffer of UTF-8 text, handed out whole (and then started afresh) to be written. */
class ChunkBuffer {
  private buf = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  /** Writes a text (each UTF-16 unit is at most 3 bytes of UTF-8). */
  text(t: string): void {
    this.room(3 * t.length);
    this.at += this.buf.write(t, this.at);
  }

  spaces(n: number): void {
    this.room(n);
    this.buf.fill(32, this.at, this.at + n);
    this.at += n;
  }

  newline(): void {
    this.room(1);
    this.buf[this.at++] = 10;
  }

  /** The bytes written so far; the next ones go to a new buffer (the one handed out may still be queued to write). */
  take(): Buffer {
    const done = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(Math.max(1 << 16, this.at + (this.at >> 2)));
    this.at = 0;
    return done;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

/** The `list` table: period, language, title, partners, as UTF-8 chunks of whole lines to write one after another (see layoutBytes). */
export function releaseTableBytes(releases: ArchivedRelease[], width: number | undefined, s: Styler): Generator<Buffer> {
  const rows = releases.map((r) => [formatPeriod(r.period), r.lang, r.title, r.partners.join(', ')]);
  return layoutBytes(
    ['PERIOD', 'LANG', 'TITLE', 'PARTNERS'],
    rows,
    { width, flex: 2, max: [21, 6, 200, Math.max(16, Math.floor((width ?? 100) * 0.3))], shrink: [3] },
    s,
  );
}
