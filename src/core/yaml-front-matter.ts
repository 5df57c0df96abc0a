import matter from 'gray-matter';
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { type Split, refusal } from './front-matter-common.js';
import type { Issue } from './types.js';
import { readPlainYaml } from './yaml-fast.js';

function yamlIssue(file: string, lc: LineCounter, err: { message: string; pos: [number, number]; code: string }, text: string): Issue {
  const pos = lc.linePos(err.pos[0]);
  const dup = err.code === 'DUPLICATE_KEY';
  const firstLine = /call stack/i.test(err.message)
    ? 'it is nested too deeply to read'
    : err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    file,
    line: pos.line,
    column: pos.col,
    severity: 'error',
    code: dup ? 'duplicate-key' : 'yaml-syntax',
    message: dup
      ? `the key "${(/^[^:\n]*/.exec(text.slice(err.pos[0]))?.[0] ?? '').trim()}" appears twice in the front matter`
      : `the front matter is not valid YAML: ${firstLine}`,
    hint: dup
      ? 'keep one of the two keys and delete the other'
      : 'fix the YAML at this line (quote values that contain ": " or start with a special character)',
  };
}

/**
 * Reads YAML that yaml v2 refuses but Jekyll and Hugo accept (js-yaml's core schema: no
 * timestamps, no code), or undefined when it is not readable that way either.
 */
function readLeniently(text: string): object | undefined {
  // js-yaml shares aliased nodes instead of copying them: refuse anchors rather than risk a blow-up later.
  if (/(^|[\s[{,:-])[&*][^\s]/m.test(text)) return undefined;
  try {
    const data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The line of a top-level key, found by its text, when no YAML document maps it. */
function locateByText(lines: string[], close: number, key: string): { line: number; column: number } | undefined {
  const at = lines.slice(0, close).findIndex((l) => l.startsWith(`${key}:`));
  return at < 0 ? undefined : { line: at + 1, column: 1 };
}

/**
 * Reads the YAML front matter of a file's `lines`, closed on line `close` (0-based): by lines
 * when it is plain (`readPlainYaml`, unless `fastYaml` is false), otherwise with the `yaml`
 * parser, or leniently (with a warning) when only Jekyll's and Hugo's parsers would take it.
 */
export function splitYaml(file: string, lines: string[], close: number, fastYaml: boolean): Split {
  const plain = fastYaml && lines[0] === '---' ? readPlainYaml(lines, close) : null;
  if (plain)
    return {
      ok: true,
      value: { data: plain.data, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2, locate: plain.locate, warnings: [] },
    };
  // The YAML text starts on line 2, so a newline in front makes its line numbers the file's.
  const yamlText = '\n' + lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  let doc: Document | undefined;
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  let lenientData = false;
  const engine = {
    parse(): object {
      doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false, strict: false });
      if (doc.errors.length) {
        const lenient = doc.errors.every((e) => e.code !== 'DUPLICATE_KEY') ? readLeniently(yamlText) : undefined;
        if (lenient !== undefined) {
          const pos = lineCounter.linePos(doc.errors[0].pos[0]);
          warnings.push({
            file,
            line: pos.line,
            column: pos.col,
            severity: 'warning',
            code: 'lenient-yaml',
            message:
              'the front matter is not strict YAML 1.2 (a quoted value continues on lines that are not indented); read with a lenient parser',
            hint: 'indent the continuation lines of the quoted value, or write it on one line',
          });
          lenientData = true;
          return lenient;
        }
        // After the first syntax error the rest cascade from it; duplicate keys are each real.
        const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
        for (const e of doc.errors)
          if (e === firstSyntax || e.code === 'DUPLICATE_KEY') issues.push(yamlIssue(file, lineCounter, e, yamlText));
        return {};
      }
      const js = doc.toJS({ maxAliasCount: 50 });
      return js === null || js === undefined ? {} : js;
    },
  };
  let data: unknown;
  try {
    // gray-matter gets the front matter alone (the body is split off above): about 9 µs a
    // file. Passing options keeps it from caching by file text (a shared, growing cache).
    data = matter(lines.slice(0, close + 1).join('\n') + '\n', { language: 'yaml', engines: { yaml: engine } as never }).data;
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const alias = /alias/i.test(reason);
    return refusal(
      file,
      { line: 2, column: 1 },
      alias ? 'yaml-aliases' : 'yaml-syntax',
      alias ? 'the front matter expands too many YAML aliases' : `the front matter could not be read: ${reason}`,
      alias ? 'write the values out instead of using * aliases' : undefined,
    );
  }
  if (issues.length) return { ok: false, issues };
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (!lenientData && doc?.contents && !isMap(doc.contents))) {
    return refusal(
      file,
      { line: 2, column: 1 },
      'front-matter-not-map',
      'the front matter is not a list of fields (key: value)',
      'write one "field: value" per line between the --- lines',
    );
  }
  const body = lines.slice(close + 1).join('\n');
  const locate = (path: (string | number)[]) => {
    if (lenientData) return locateByText(lines, close, String(path[0]));
    const node = doc?.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const pair =
      path.length === 1 && isMap(doc?.contents) ? doc!.contents.items.find((p) => isScalar(p.key) && p.key.value === path[0]) : undefined;
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range ?? node?.range;
    if (!range) return undefined;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, value: { data: data as Record<string, unknown>, body, bodyLine: close + 2, locate, warnings } };
}
