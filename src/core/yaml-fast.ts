import type { Place } from './front-matter-common.js';
import { readMap, readSeq } from './yaml-fast-blocks.js';
import { GiveUp, KEY, type Node, SPECIAL_KEY, giveUp, indentOf, inlineValue, isBlank } from './yaml-fast-line.js';

// Most front matter is plain: `key: value`, `key: [a, b]`, a `- item` list, one level of
// nested fields (event:), quoted strings. Reading that by lines is many times faster than a
// YAML parser, which is most of the time of a first index build. This reader gives exactly
// what the `yaml` path gives (values, and the places `locate` finds) and gives up, returning
// null, on anything else: comments, anchors, tags, escapes, multi-line or block scalars,
// flow maps, numbers, tabs, repeated keys, odd indentation. A test compares both on every
// corpus file and on generated front matter.

// Characters YAML may refuse or read as line breaks, and lone surrogates.
const ODD =
  /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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
