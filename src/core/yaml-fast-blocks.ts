import { KEY, type Node, SPECIAL_KEY, giveUp, indentOf, inlineValue, isBlank } from './yaml-fast-line.js';

// The indented blocks of the plain-front-matter reader (yaml-fast.ts): a `- item` list or
// the nested `key: value` fields under a top-level key.

/** A block read: its value, its node (for `locate`) and the line after it. */
export type Block = { value: unknown; node: Node; end: number };

/** `- item` lines at one indentation, from line `from`. */
export function readSeq(lines: string[], from: number, close: number, indent: number): Block {
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
export function readMap(lines: string[], from: number, close: number, indent: number): Block {
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
