import type { ArchivedRelease, Period } from '../core/types.js';
import type { Styler } from './style.js';
import { displayWidth, pad, printable, truncate } from './width.js';

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
  // A loop, not Math.max(...rows): spreading more than ~125k arguments overflows the stack.
  const natural = header.map((h, i) => rows.reduce((w, r) => Math.max(w, displayWidth(printable(r[i]))), displayWidth(h)));
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
  const line = (cells: Row, style = (t: string) => t) => {
    const text = cells
      .map((raw, i) => {
        const c = printable(raw);
        const cut = opts.width ? truncate(c, widths[i]) : c;
        return i === cells.length - 1 ? cut : pad(cut, widths[i]);
      })
      .join('  ')
      .trimEnd();
    return style(opts.width ? truncate(text, opts.width) : text);
  };
  let chunk = `${line(header, s.bold)}\n`;
  for (let i = 0; i < rows.length; i++) {
    chunk += `${line(rows[i])}\n`;
    if (i % 500 === 499) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
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
