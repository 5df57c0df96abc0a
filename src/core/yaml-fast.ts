import type { Place } from './front-matter-common.js';

// Most front matter is plain: `key: value`, `key: [a, b]`, a `- item` list, one level of
// nested fields (event:), quoted strings. Reading that by lines is many times faster than a
// YAML parser, which is most of the time of a first index build. This reader gives exactly
// what the `yaml` path gives (values, and the places `locate` finds) and gives up, returning
// null, on anything else: comments, anchors, tags, escapes, multi-line or block scalars,
// flow maps, numbers, tabs, repeated keys, odd indentation. A test compares both on every
// corpus file and on generated front matter.

type Node = { at: Place } & ({ kind: 'scalar' } | { kind: 'seq'; items: Node[] } | { kind: 'map'; entries: Map<string, Node> });

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

// Keys of up to 1,000 characters: YAML refuses a ':' more than 1,024 after the key's start.
const KEY = /^([A-Za-z][\w-]{0,999}):(?: +|$)/;
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// The core schema's null, bool, int and float patterns (yaml/dist/schema): numbers give up.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
// Characters YAML may refuse or read as line breaks, and lone surrogates.
const ODD =
  /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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
function inlineValue(line: string, lineNo: number, start: number): { value: unknown; node: Node } {
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
const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isBlank = (line: string) => /^ *$/.test(line);
const trimSpaces = (text: string) => text.replace(/ +$/, '');

/**
 * Reads plain front matter (the lines between `---` and the closing line `close`), or
 * returns null when it holds anything this reader does not take exactly as `yaml` does.
 */
export function readPlainYaml(
  lines: string[],
  close: number,
): { data: Record<string, unknown>; locate(path: (string | number)[]): Place | undefined } | null {
  const data: Record<string, unknown> = {};
  const root = new Map<string, Node>();
  const keys = new Map<string, Place>();
  let i = 1;
  const nextText = (from: number) => {
    while (from < close && isBlank(lines[from])) from++;
    return from;
  };
  try {
    for (let l = 1; l < close; l++) if (ODD.test(lines[l])) giveUp();
    for (i = nextText(1); i < close; i = nextText(i)) {
      const line = lines[i];
      const key = KEY.exec(line);
      if (!key || SPECIAL_KEY.test(key[1]) || root.has(key[1])) giveUp();
      const name = key![1];
      keys.set(name, { line: i + 1, column: 1 });
      if (key![0].length < line.length) {
        const read = inlineValue(line, i + 1, key![0].length);
        data[name] = read.value;
        root.set(name, read.node);
        i = nextText(i + 1);
        if (i < close && indentOf(lines[i]) > 0) giveUp();
        continue;
      }
      const next = nextText(i + 1);
      const under = next < close ? lines[next] : '';
      const indent = indentOf(under);
      if (next >= close || (indent === 0 && !under.startsWith('-'))) {
        data[name] = null;
        root.set(name, { kind: 'scalar', at: { line: i + 1, column: key![0].length + 1 } });
        i = next;
        continue;
      }
      const block = under.slice(indent).startsWith('-') ? readSeq(lines, next, close, indent) : readMap(lines, next, close, indent);
      data[name] = block.value;
      root.set(name, block.node);
      i = block.end;
    }
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
  if (root.size === 0) return null;
  const locate = (path: (string | number)[]): Place | undefined => {
    if (path.length === 1) return typeof path[0] === 'string' ? keys.get(path[0]) : undefined;
    let node: Node | undefined = { kind: 'map', entries: root, at: { line: 2, column: 1 } };
    for (const k of path) {
      if (node?.kind === 'map') node = typeof k === 'string' ? node.entries.get(k) : undefined;
      else if (node?.kind === 'seq') {
        const idx = typeof k === 'string' && k ? Number(k) : k;
        node = typeof idx === 'number' && Number.isInteger(idx) && idx >= 0 ? node.items[idx] : undefined;
      } else return undefined;
    }
    return node?.at;
  };
  return { data, locate };
}

type Block = { value: unknown; node: Node; end: number };

/** `- item` lines at one indentation, from line `from`. */
function readSeq(lines: string[], from: number, close: number, indent: number): Block {
  const values: unknown[] = [];
  const items: Node[] = [];
  let i = from;
  while (i < close) {
    const line = lines[i];
    const own = indentOf(line);
    if (own !== indent) {
      if (own > indent || own > 0) giveUp();
      break;
    }
    if (!line.startsWith('- ', indent)) {
      if (indent > 0 || line.startsWith('-')) giveUp();
      break;
    }
    let start = indent + 2;
    while (line[start] === ' ') start++;
    if (start >= line.length || line[start] === '[') giveUp();
    const read = inlineValue(line, i + 1, start);
    values.push(read.value);
    items.push(read.node);
    do i++;
    while (i < close && isBlank(lines[i]));
  }
  return { value: values, node: { kind: 'seq', items, at: items[0].at }, end: i };
}

/** `key: value` lines at one indentation (more than none), from line `from`. */
function readMap(lines: string[], from: number, close: number, indent: number): Block {
  const value: Record<string, unknown> = {};
  const entries = new Map<string, Node>();
  let i = from;
  while (i < close) {
    const line = lines[i];
    const own = indentOf(line);
    if (own === 0) break;
    if (own !== indent) giveUp();
    const key = KEY.exec(line.slice(indent));
    if (!key || SPECIAL_KEY.test(key[1]) || entries.has(key[1]) || indent + key[0].length >= line.length) giveUp();
    const read = inlineValue(line, i + 1, indent + key![0].length);
    value[key![1]] = read.value;
    entries.set(key![1], read.node);
    do i++;
    while (i < close && isBlank(lines[i]));
  }
  return { value, node: { kind: 'map', entries, at: { line: from + 1, column: indent + 1 } }, end: i };
}
