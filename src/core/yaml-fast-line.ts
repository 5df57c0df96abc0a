import type { Place } from './front-matter-common.js';

// One line's share of the plain-front-matter reader (yaml-fast.ts): keys, scalars, quoted
// strings and flow lists, read as the `yaml` package reads them, or given up on.

/** What the reader keeps of a value to find it again: where it starts, and its items or fields. */
export type Node = { at: Place } & ({ kind: 'scalar' } | { kind: 'seq'; items: Node[] } | { kind: 'map'; entries: Map<string, Node> });

/** Thrown (by `giveUp`) when the front matter is not plain enough to read by lines. */
export class GiveUp extends Error {}
/** Stops reading: the caller returns null and the full YAML parser reads the front matter. */
export const giveUp = (): never => {
  throw new GiveUp();
};

/** A key and its colon at the start of a line: up to 1,000 characters (YAML refuses a ':' more than 1,024 after the key's start). */
export const KEY = /^([A-Za-z][\w-]{0,999}):(?: +|$)/;
/** Words YAML reads as null or a bool, refused as keys. */
export const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// The core schema's null, bool, int and float patterns (yaml/dist/schema): numbers give up.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

function plainValue(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (NUMBER.test(text)) giveUp();
  return text;
}

/** A quoted scalar starting at `start` of `line`: its text and the index after it. */
function quoted(line: string, start: number): { value: string; end: number } {
  const q = line[start];
  if (q === '"') {
    const end = line.indexOf('"', start + 1);
    if (end < 0 || line.slice(start + 1, end).includes('\\')) giveUp();
    return { value: line.slice(start + 1, end), end: end + 1 };
  }
  let value = '';
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] !== "'") value += line[i];
    else if (line[i + 1] === "'") (value += "'"), i++;
    else return { value, end: i + 1 };
  }
  return giveUp();
}

/** A flow list `[a, "b"]` that closes on its line, starting at `start`. */
function flowSeq(line: string, lineNo: number, start: number, values: unknown[]): { node: Node; end: number } {
  const items: Node[] = [];
  let i = start + 1;
  const skip = () => {
    while (line[i] === ' ') i++;
  };
  skip();
  if (line[i] === ']') return { node: { kind: 'seq', items, at: { line: lineNo, column: start + 1 } }, end: i + 1 };
  for (;;) {
    skip();
    const at = { line: lineNo, column: i + 1 };
    if (line[i] === '"' || line[i] === "'") {
      const q = quoted(line, i);
      values.push(q.value);
      i = q.end;
    } else {
      const m = trimSpaces(/^[^,[\]{}#:]*/.exec(line.slice(i))![0]);
      if (m === '' || INDICATOR_START.test(m)) giveUp();
      values.push(plainValue(m));
      i += m.length;
    }
    items.push({ kind: 'scalar', at });
    skip();
    if (line[i] === ']') return { node: { kind: 'seq', items, at: { line: lineNo, column: start + 1 } }, end: i + 1 };
    if (line[i] !== ',') giveUp();
    i++;
    skip();
    if (line[i] === ']') giveUp();
  }
}

/** A value on the rest of a line from `start`: quoted, a flow list or a plain one-line scalar. */
export function inlineValue(line: string, lineNo: number, start: number): { value: unknown; node: Node } {
  const at = { line: lineNo, column: start + 1 };
  const c = line[start];
  if (c === '"' || c === "'" || c === '[') {
    const values: unknown[] = [];
    const read = c === '[' ? flowSeq(line, lineNo, start, values) : quoted(line, start);
    if (!isBlank(line.slice(read.end))) giveUp();
    if ('node' in read) return { value: values, node: read.node };
    return { value: read.value, node: { kind: 'scalar', at } };
  }
  const text = trimSpaces(line.slice(start));
  if (text === '' || INDICATOR_START.test(text) || / #|:(?: |$)/.test(text)) giveUp();
  return { value: plainValue(text), node: { kind: 'scalar', at } };
}

// Only spaces count as indentation or as blank for YAML (trim() would also take NBSP).
/** How many spaces start the line. */
export const indentOf = (line: string) => /^ */.exec(line)![0].length;
/** Whether the line holds only spaces. */
export const isBlank = (line: string) => /^ *$/.test(line);
/** The text without its trailing spaces. */
export const trimSpaces = (text: string) => text.replace(/ +$/, '');
