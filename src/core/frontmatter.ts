import matter from 'gray-matter';
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { FrontMatter, Split } from './front-matter-common.js';
import { splitJson } from './json-front-matter.js';
import { splitToml } from './toml-front-matter.js';
import { readPlainYaml } from './yaml-fast.js';
import type { Issue } from './types.js';

export type { FrontMatter } from './front-matter-common.js';

const EXECUTABLE = /^---\s*(js|javascript|coffee|coffeescript)\s*$/i;
const OPENING = /^---\s*(yaml|yml)?\s*$/i;
const CLOSING = /^(---|\.\.\.)\s*$/;
const TOML_OPENING = /^(\+\+\+|---\s*toml)\s*$/i;
const ANY_OPENING = /^(---\s*(yaml|yml)?|\+\+\+)\s*$|^\{/i;
const YAML_HINT =
  'start the file with a --- line, then title: and date:, then a closing --- line (or write TOML between +++ lines, or a JSON object)';

function issue(file: string, line: number, code: string, message: string, hint?: string): Issue {
  return { file, line, column: 1, severity: 'error', code, message, hint };
}

/** Refuses the openings gray-matter would misread or execute, before it ever sees them. */
function checkOpening(file: string, lines: string[]): Issue | null {
  const first = lines[0] ?? '';
  if (EXECUTABLE.test(first)) {
    return issue(
      file,
      1,
      'executable-front-matter',
      `front matter written as ${first.slice(3).trim()} is not read: it would run code`,
      'write the front matter as YAML between two --- lines',
    );
  }
  if (TOML_OPENING.test(first) || first.startsWith('{')) return null;
  if (/^---\s*\S/.test(first) && !OPENING.test(first)) {
    return issue(
      file,
      1,
      'unknown-front-matter',
      `front matter language "${first.slice(3).trim()}" is not supported`,
      'write the front matter as YAML between two --- lines (or TOML between +++ lines)',
    );
  }
  if (OPENING.test(first)) return null;
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (firstText > 0 && ANY_OPENING.test(lines[firstText])) {
    const opening = lines[firstText].startsWith('{') ? '{' : lines[firstText].trim();
    return issue(
      file,
      firstText + 1,
      'blank-before-front-matter',
      `${firstText} blank line(s) before the opening ${opening}: the front matter would be read as body text`,
      `delete the blank lines so that ${opening} is the first line of the file`,
    );
  }
  return issue(
    file,
    1,
    'no-front-matter',
    'the file has no front matter',
    `${YAML_HINT} (files whose names start with _ or . are not releases)`,
  );
}

/** Reads TOML front matter: `+++` … `+++` as Hugo and Zola write it (or `---toml` … `---`). */
function splitTomlFile(file: string, lines: string[]): Split {
  const fence = lines[0].startsWith('+') ? /^\+\+\+\s*$/ : CLOSING;
  const close = lines.findIndex((l, i) => i > 0 && fence.test(l));
  if (close < 0) {
    const closing = lines[0].startsWith('+') ? '+++' : '---';
    return {
      ok: false,
      issues: [
        issue(
          file,
          1,
          'unclosed-front-matter',
          'the front matter opened on line 1 is never closed',
          `add a line with ${closing} after the last front-matter field`,
        ),
      ],
    };
  }
  return splitToml(file, lines, close);
}

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
 * Splits a file's text (BOM and CRLF already removed) into front matter (YAML, TOML or JSON)
 * and body. Plain YAML is read by lines (`readPlainYaml`) unless `fastYaml` is false, which
 * the tests use to compare it with the full parser.
 */
export function splitFrontMatter(file: string, text: string, fastYaml = true): Split {
  const lines = text.split('\n');
  const refused = checkOpening(file, lines);
  if (refused) return { ok: false, issues: [refused] };
  if (TOML_OPENING.test(lines[0])) return splitTomlFile(file, lines);
  if (lines[0].startsWith('{')) return splitJson(file, text);
  const close = lines.findIndex((l, i) => i > 0 && CLOSING.test(l));
  if (close < 0) {
    return {
      ok: false,
      issues: [
        issue(
          file,
          1,
          'unclosed-front-matter',
          'the front matter opened on line 1 is never closed',
          'add a line with --- after the last front-matter field',
        ),
      ],
    };
  }
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
    return {
      ok: false,
      issues: [
        issue(
          file,
          2,
          alias ? 'yaml-aliases' : 'yaml-syntax',
          alias ? 'the front matter expands too many YAML aliases' : `the front matter could not be read: ${reason}`,
          alias ? 'write the values out instead of using * aliases' : undefined,
        ),
      ],
    };
  }
  if (issues.length) return { ok: false, issues };
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (!lenientData && doc?.contents && !isMap(doc.contents))) {
    return {
      ok: false,
      issues: [
        issue(
          file,
          2,
          'front-matter-not-map',
          'the front matter is not a list of fields (key: value)',
          'write one "field: value" per line between the --- lines',
        ),
      ],
    };
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
