import { type Place, type Split, refusal, pathKey, placeFinder, setField } from './front-matter-common.js';

// Hugo's JSON front matter: a JSON object at the very top of the file, the body after its
// closing brace. JSON.parse cannot say where that object ends, nor where a field is, nor
// refuse a repeated key (YAML front matter refuses them), so the object is read here.

const MAX_DEPTH = 200;

class JsonProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly code = 'json-syntax',
    readonly key?: string,
  ) {
    super(message);
  }
}

/** A JSON object read from the start of a text, with the offset of every field and item. */
interface JsonRead {
  value: Record<string, unknown>;
  /** Offset just after the closing brace. */
  end: number;
  /** Offsets of top-level keys, and of the values of nested fields and items. */
  at: Map<string, number>;
}

function readObjectAt(text: string): JsonRead {
  let i = 0;
  const at = new Map<string, number>();
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (what: string, found = text[i]) => {
    throw new JsonProblem(
      i,
      found === undefined ? `the file ends where ${what} was expected` : `expected ${what} but found ${JSON.stringify(found)}`,
    );
  };
  const string = (): string => {
    const start = i;
    for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    if (text[i] !== '"') throw new JsonProblem(start, 'a text in double quotes is not closed on its line');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new JsonProblem(start, 'a text holds an escape (\\) or a control character that JSON does not allow');
    }
  };
  const value = (path: (string | number)[], depth: number): unknown => {
    space();
    if (path.length > 1) at.set(pathKey(path), i);
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) throw new JsonProblem(i, 'it is nested too deeply to read');
      return c === '{' ? object(path, depth + 1) : array(path, depth + 1);
    }
    if (c === '"') return string();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) expect('a value (text in double quotes, a number, true, false, null, a list or a set of fields)');
    i += m![0].length;
    return m![0] === 'true' ? true : m![0] === 'false' ? false : m![0] === 'null' ? null : Number(m![0]);
  };
  const array = (path: (string | number)[], depth: number): unknown[] => {
    const out: unknown[] = [];
    i++;
    space();
    if (text[i] === ']') return (i++, out);
    for (;;) {
      out.push(value([...path, out.length], depth));
      space();
      if (text[i] === ']') return (i++, out);
      if (text[i] !== ',') expect('"," or "]"');
      i++;
    }
  };
  const object = (path: (string | number)[], depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    i++;
    space();
    if (text[i] === '}') return (i++, out);
    for (;;) {
      space();
      if (text[i] !== '"') expect('a field name in double quotes');
      const keyAt = i;
      const key = string();
      if (Object.hasOwn(out, key)) throw new JsonProblem(keyAt, `the key "${key}" appears twice in the front matter`, 'duplicate-key', key);
      if (path.length === 0) at.set(pathKey([key]), keyAt);
      space();
      if (text[i] !== ':') expect('":" after the field name');
      i++;
      setField(out, key, value([...path, key], depth));
      space();
      if (text[i] === '}') return (i++, out);
      if (text[i] !== ',') expect('"," or "}"');
      i++;
    }
  };
  const result = object([], 1);
  return { value: result, end: i, at };
}

/** Reads JSON front matter (the file starts with `{`) and splits off the body after it. */
export function splitJson(file: string, text: string): Split {
  const place = placeFinder(text);
  let read: JsonRead;
  try {
    read = readObjectAt(text);
  } catch (e) {
    if (!(e instanceof JsonProblem)) throw e;
    const at = place(Math.min(e.offset, text.length));
    if (e.code === 'duplicate-key') return refusal(file, at, 'duplicate-key', e.message, 'keep one of the two keys and delete the other');
    if (e.offset >= text.length) {
      return refusal(
        file,
        { line: 1, column: 1 },
        'unclosed-front-matter',
        'the JSON front matter opened on line 1 is never closed',
        'end the front matter with a line holding the closing }',
      );
    }
    return refusal(
      file,
      at,
      'json-syntax',
      `the front matter is not valid JSON: ${e.message}`,
      'fix the JSON at this line: names and texts in double quotes, a comma between fields and none after the last',
    );
  }
  const lineEnd = text.indexOf('\n', read.end);
  const rest = text.slice(read.end, lineEnd < 0 ? text.length : lineEnd);
  if (rest.trim() !== '') {
    return refusal(
      file,
      place(read.end + rest.search(/\S/)),
      'json-syntax',
      'text follows the closing } of the JSON front matter on its line',
      "start the release's text on the line below the closing }",
    );
  }
  const closeLine = place(read.end).line;
  const body = lineEnd < 0 ? '' : text.slice(lineEnd + 1);
  const locate = (path: (string | number)[]): Place | undefined => {
    const offset = read.at.get(pathKey(path));
    return offset === undefined ? undefined : place(offset);
  };
  return { ok: true, value: { data: read.value, body, bodyLine: closeLine + 1, locate, warnings: [] } };
}
