import type { Issue } from '../core/types.js';
import type { Styler } from './style.js';
import { codeFrame, type LinesOf } from './code-frame.js';
import { printable } from './width.js';

/** Counts of a check run, for the summary line. */
export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  filesWithErrors: number;
}

/** Counts errors, warnings and the files with errors. */
export function summarize(issues: Issue[], files: number): CheckSummary {
  const errors = issues.filter((i) => i.severity === 'error');
  return {
    files,
    errors: errors.length,
    warnings: issues.length - errors.length,
    filesWithErrors: new Set(errors.map((i) => i.file)).size,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `path:line:col` as editors and terminals make clickable. */
export function location(issue: Issue, prefix = ''): string {
  const file = printable(prefix + issue.file);
  if (issue.line === undefined) return file;
  return `${file}:${issue.line}:${issue.column ?? 1}`;
}

/**
 * One issue as `path:line:col  severity  message`; then, given the file's lines, the
 * offending line in a code frame with a caret under the column; then the hint.
 */
export function issueLine(issue: Issue, s: Styler, prefix = '', lines?: readonly string[]): string {
  const mark = issue.severity === 'error' ? s.error : s.warning;
  const frame = lines && issue.line !== undefined ? codeFrame(lines, issue.line, issue.column, s, { mark }) : '';
  const hint = issue.hint ? `    ${s.hint(`hint: ${printable(issue.hint)}`)}\n` : '';
  return `${s.path(location(issue, prefix))}  ${mark(issue.severity)}  ${printable(issue.message)}\n${frame}${hint}`;
}

/** Every issue (with a code frame when `linesOf` gives the file's lines), then a summary line. */
export function issuesText(issues: Issue[], files: number, s: Styler, prefix = '', linesOf?: LinesOf): string {
  const sum = summarize(issues, files);
  const body = issues.map((i) => issueLine(i, s, prefix, linesOf?.(i.file))).join('');
  const checked = `${plural(sum.files, 'file')} checked`;
  if (issues.length === 0) return `${s.ok('✓')} ${checked}, no problems found\n`;
  const counts = `${plural(sum.errors, 'error')} (in ${plural(sum.filesWithErrors, 'file')}), ${plural(sum.warnings, 'warning')}`;
  return `${body}${issues.length ? '\n' : ''}${checked}: ${sum.errors ? s.error(counts) : counts}\n`;
}

/** The issues as JSON: `{ files, errors, warnings, issues: [...] }`. */
export function issuesJson(issues: Issue[], files: number): string {
  const { errors, warnings } = summarize(issues, files);
  return `${JSON.stringify({ files, errors, warnings, issues }, null, 2)}\n`;
}

const escapeData = (t: string) => t.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (t: string) => escapeData(t).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error file=…,line=…::…` per issue. */
export function issuesGithub(issues: Issue[], files: number, prefix = ''): string {
  const lines = issues.map((i) => {
    const props = [`file=${escapeProperty(prefix + i.file)}`];
    if (i.line !== undefined) props.push(`line=${i.line}`, `col=${i.column ?? 1}`);
    props.push(`title=${escapeProperty(`releases: ${i.code}`)}`);
    const text = i.hint ? `${i.message} (${i.hint})` : i.message;
    return `::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}\n`;
  });
  const { errors, warnings } = summarize(issues, files);
  return `${lines.join('')}${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
}
