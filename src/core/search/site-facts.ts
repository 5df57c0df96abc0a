/** The `f/docs` file of the site's search data (format: site-format.ts): per release its language and period. */

/** Days since 0000-03-01 of a `YYYY-MM-DD` date (any year, no Date object: years below 100 stay). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
}

/** `f/docs` payload: languages, one character per release (index into langs), periods as day deltas. */
export interface DocFacts {
  langs: string[];
  lang: string;
  /** Per release `<start delta>` or `<start delta>+<length>`, base 36, `,`-separated; delta = previous start − start. */
  periods: string;
}

/** Encodes the languages and periods of releases (in document order). */
export function encodeFacts(langs: string[], docs: { lang: string; start: string; end: string }[]): DocFacts {
  const index = new Map(langs.map((l, i) => [l, i]));
  let prev = 0;
  const periods = docs.map((d, i) => {
    const start = dayNumber(d.start);
    const len = dayNumber(d.end) - start;
    const delta = i === 0 ? start : prev - start;
    prev = start;
    return delta.toString(36) + (len ? `+${len.toString(36)}` : '');
  });
  return { langs, lang: docs.map((d) => String.fromCharCode(48 + index.get(d.lang)!)).join(''), periods: periods.join(',') };
}

/** Decodes `f/docs`: per release its language and period as day numbers. */
export function decodeFacts(f: DocFacts): { lang: string[]; start: Int32Array; end: Int32Array } {
  const parts = f.periods ? f.periods.split(',') : [];
  const start = new Int32Array(parts.length);
  const end = new Int32Array(parts.length);
  let prev = 0;
  parts.forEach((p, i) => {
    const plus = p.indexOf('+');
    const delta = parseInt(plus < 0 ? p : p.slice(0, plus), 36);
    const s = i === 0 ? delta : prev - delta;
    start[i] = s;
    end[i] = s + (plus < 0 ? 0 : parseInt(p.slice(plus + 1), 36));
    prev = s;
  });
  return { lang: Array.from(f.lang, (c) => f.langs[c.charCodeAt(0) - 48]), start, end };
}
