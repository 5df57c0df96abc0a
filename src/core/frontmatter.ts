import { type Split, fmIssue, refusal } from './front-matter-common.js';
import { splitJson } from './json-front-matter.js';
import { splitToml } from './toml-front-matter.js';
import type { Issue } from './types.js';
import { splitYaml } from './yaml-front-matter.js';

export type { FrontMatter } from './front-matter-common.js';

const EXECUTABLE = /^---\s*(js|javascript|coffee|coffeescript)\s*$/i;
const OPENING = /^---\s*(yaml|yml)?\s*$/i;
const CLOSING = /^(---|\.\.\.)\s*$/;
const TOML_OPENING = /^(\+\+\+|---\s*toml)\s*$/i;
const ANY_OPENING = /^(---\s*(yaml|yml)?|\+\+\+)\s*$|^\{/i;
const YAML_HINT =
  'start the file with a --- line, then title: and date:, then a closing --- line (or write TOML between +++ lines, or a JSON object)';

function issue(file: string, line: number, code: string, message: string, hint?: string): Issue {
  return fmIssue(file, { line, column: 1 }, code, message, hint);
}

/** The split of a file whose front matter opens on line 1 and is never closed by a `closing` line. */
function unclosed(file: string, closing: string): Split {
  return refusal(
    file,
    { line: 1, column: 1 },
    'unclosed-front-matter',
    'the front matter opened on line 1 is never closed',
    `add a line with ${closing} after the last front-matter field`,
  );
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
  if (close < 0) return unclosed(file, lines[0].startsWith('+') ? '+++' : '---');
  return splitToml(file, lines, close);
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
  if (close < 0) return unclosed(file, '---');
  return splitYaml(file, lines, close, fastYaml);
}
