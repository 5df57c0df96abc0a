import { parse, TomlDate, TomlError } from 'smol-toml';
import { calendarDate } from './dates.js';
import { type Place, type Split, fmIssue, refusal, pathKey, placeFinder, setField } from './front-matter-common.js';
import type { Issue } from './types.js';
import { scanToml } from './toml-scan.js';

const HINT = 'fix the TOML at this line: texts in double quotes (title = "…"), one key = value per line';

/**
 * TOML values as our fields take them: a date or date-time becomes its text as written
 * (`2018-10-16T23:30:00-05:00` stays the 16th: never read through the Date getters, which
 * would move it to the machine's time zone), tables become plain objects.
 */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setField(out, k, plain(v));
    return out;
  }
  return value;
}

function syntaxIssue(file: string, lines: string[], e: TomlError): Issue {
  const at: Place = { line: e.line, column: e.column };
  const reason = e.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
  if (/redefine/.test(reason)) {
    const key = /^\s*(\[+\s*)?("[^"]*"|'[^']*'|[\w.-]+)/.exec((lines[e.line - 1] ?? '').slice(e.column - 1))?.[2] ?? '';
    return fmIssue(
      file,
      at,
      'duplicate-key',
      `the key "${key.replace(/^["']|["']$/g, '')}" appears twice in the front matter`,
      'keep one of the two keys (or tables) and delete the other',
    );
  }
  return fmIssue(file, at, 'toml-syntax', `the front matter is not valid TOML: ${reason}`, HINT);
}

/**
 * Reads TOML front matter between the opening line and the closing line `close` (0-based)
 * of a file's lines.
 */
export function splitToml(file: string, lines: string[], close: number): Split {
  // The TOML text starts on line 2, so a newline in front makes its line numbers the file's.
  const tomlText = '\n' + lines.slice(1, close).join('\n');
  let parsed: unknown;
  try {
    parsed = parse(tomlText, { maxDepth: 200 });
  } catch (e) {
    if (e instanceof TomlError) return { ok: false, issues: [syntaxIssue(file, lines, e)] };
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return refusal(file, { line: 2, column: 1 }, 'toml-syntax', `the front matter could not be read: ${reason}`, HINT);
  }
  const place = placeFinder(tomlText);
  const scan = scanToml(tomlText);
  // smol-toml rolls 2021-02-30 over to 2 March: a day that does not exist is refused here.
  const issues: Issue[] = [];
  for (const d of scan.dates) {
    const [y, m, day] = d.text.slice(0, 10).split('-').map(Number);
    if (calendarDate(y, m, day)) continue;
    const field = d.path.join('.');
    issues.push({
      ...fmIssue(
        file,
        place(d.offset),
        'impossible-date',
        `${field} ${JSON.stringify(d.text)} is not a day of the calendar`,
        'check the day and the month',
      ),
      field,
    });
  }
  if (issues.length) return { ok: false, issues };
  const body = lines.slice(close + 1).join('\n');
  const locate = (path: (string | number)[]): Place | undefined => {
    const offset = scan.at.get(pathKey(path));
    return offset === undefined ? undefined : place(offset);
  };
  return { ok: true, value: { data: plain(parsed) as Record<string, unknown>, body, bodyLine: close + 2, locate, warnings: [] } };
}
