import type { Issue } from './types.js';

/** Front matter split from a file and parsed (YAML, TOML or JSON), with a way to find a field's line. */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** The file line and column of a top-level field (or of a nested one by path). */
  locate(path: (string | number)[]): { line: number; column: number } | undefined;
  /** Problems that do not stop the file from being read. */
  warnings: Issue[];
}

/** Front matter read from a file, or the problems that stop it from being read. */
export type Split = { ok: true; value: FrontMatter } | { ok: false; issues: Issue[] };

/** A file line and column (both 1-based). */
export interface Place {
  line: number;
  column: number;
}

/** An error about the front matter at a place in the file. */
export function fmIssue(file: string, at: Place, code: string, message: string, hint?: string): Issue {
  return { file, line: at.line, column: at.column, severity: 'error', code, message, hint };
}

/** The split of a file whose front matter is refused for one error at a place in the file. */
export function refusal(file: string, at: Place, code: string, message: string, hint?: string): Split {
  return { ok: false, issues: [fmIssue(file, at, code, message, hint)] };
}

/** Turns offsets in a text into file lines and columns, the text's first line being `firstLine`. */
export function placeFinder(text: string, firstLine = 1): (offset: number) => Place {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + firstLine, column: offset - starts[lo] + 1 };
  };
}

/** Sets a field so that `__proto__` stays a field and never becomes a prototype. */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The key under which a path's place is kept (`event` + `start` → "event\u0000start"). */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0000');
}
