import { pathKey } from './front-matter-common.js';

// smol-toml gives values without places, and reads 2021-02-30 as 2 March. This scanner walks
// TOML that smol-toml has already accepted, to find where each key and list item is, and
// every date literal as written. It trusts the syntax (the parser checked it) and only has
// to tell strings, comments, keys, tables and values apart.

/** What a scan of valid TOML finds: offsets by path, and the date literals with their paths. */
export interface TomlScan {
  at: Map<string, number>;
  dates: { text: string; offset: number; path: (string | number)[] }[];
}

const BARE = /[A-Za-z0-9_-]/;

export function scanToml(text: string): TomlScan {
  const at = new Map<string, number>();
  const dates: TomlScan['dates'] = [];
  const arrayTables = new Map<string, number>();
  let i = 0;
  let table: (string | number)[] = [];

  const blank = (newlines: boolean) => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) i++;
      else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
      else return;
    }
  };
  const quoted = (): string => {
    const q = text[i];
    const triple = text.startsWith(q.repeat(3), i);
    const start = i;
    i += triple ? 3 : 1;
    while (i < text.length) {
      if (q === '"' && text[i] === '\\') i += 2;
      else if (triple ? text.startsWith(q.repeat(3), i) : text[i] === q) break;
      else i++;
    }
    i += triple ? 3 : 1;
    if (triple) while (text[i] === q) i++;
    const raw = text.slice(start, i);
    if (q === "'") return raw.replace(/^'+|'+$/g, '');
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  };
  const key = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      blank(false);
      if (text[i] === '"' || text[i] === "'") parts.push(quoted());
      else {
        const start = i;
        while (i < text.length && BARE.test(text[i])) i++;
        parts.push(text.slice(start, i));
      }
      blank(false);
      if (text[i] !== '.') return parts;
      i++;
    }
  };
  const value = (path: (string | number)[]): void => {
    blank(false);
    const c = text[i];
    if (c === '"' || c === "'") return void quoted();
    if (c === '[') {
      i++;
      for (let n = 0; ; n++) {
        blank(true);
        if (text[i] === ']' || i >= text.length) return void i++;
        const item = i;
        at.set(pathKey([...path, n]), item);
        value([...path, n]);
        blank(true);
        if (text[i] === ',' || i === item) i++;
      }
    }
    if (c === '{') {
      i++;
      for (;;) {
        blank(false);
        if (text[i] === '}' || i >= text.length) return void i++;
        const start = i;
        const k = [...path, ...key()];
        at.set(pathKey(k), start);
        i++; // '='
        value(k);
        blank(false);
        if (text[i] === ',' || i === start) i++;
      }
    }
    const start = i;
    while (i < text.length && !/[\s,\]}#]/.test(text[i])) i++;
    // A date-time may hold one space between its date and its time.
    if (/^\d{4}-\d\d-\d\d$/.test(text.slice(start, i)) && /^ \d\d:/.test(text.slice(i, i + 4))) {
      i++;
      while (i < text.length && !/[\s,\]}#]/.test(text[i])) i++;
    }
    const token = text.slice(start, i);
    if (/^\d{4}-\d\d-\d\d/.test(token)) dates.push({ text: token, offset: start, path });
  };

  while (i < text.length) {
    const before = i;
    blank(true);
    if (i >= text.length) break;
    if (text[i] === '[') {
      const header = i;
      const array = text[i + 1] === '[';
      i += array ? 2 : 1;
      const name = key();
      i += array ? 2 : 1;
      if (array) {
        const n = arrayTables.get(pathKey(name)) ?? 0;
        arrayTables.set(pathKey(name), n + 1);
        table = [...name, n];
      } else {
        table = name;
        at.set(pathKey(name), header);
      }
      continue;
    }
    const start = i;
    const k = [...table, ...key()];
    at.set(pathKey(k), start);
    blank(false);
    i++; // '='
    value(k);
    if (i === before) i++;
  }
  return { at, dates };
}
