import type { ArchivedRelease } from '../core/types.js';
import type { Styler } from './style.js';
import { formatPeriod } from './table.js';

/** One release for reading in a terminal: the fields, then the Markdown body. */
export function showText(r: ArchivedRelease, s: Styler, prefix = ''): string {
  const rows: [string, string | null][] = [
    ['id', r.id],
    ['file', prefix + r.path],
    ['date', r.date],
    ['event', r.event ? formatPeriod(r.event) + (r.event.location ? `, ${r.event.location}` : '') : null],
    ['partners', r.partners.join('; ') || null],
    ['people', r.people.join('; ') || null],
    ['tags', r.tags.join('; ') || null],
    ['lang', r.lang],
    ['summary', r.summary],
    ['translations', r.translations.map((t) => `${t.lang}: ${t.id}`).join('; ') || null],
  ];
  const fields = rows
    .filter(([, v]) => v)
    .map(([k, v]) => `${s.dim(k.padEnd(13))}${v}`)
    .join('\n');
  return `${s.bold(r.title)}\n\n${fields}\n\n${r.body.trim()}\n`;
}
