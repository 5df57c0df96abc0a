import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/types.js';
import { issuesGithub, issuesJson, issuesText } from '../../src/render/issues.js';
import { styler } from '../../src/render/style.js';

const issues: Issue[] = [
  { file: '2018/a.md', line: 3, column: 7, field: 'date', severity: 'error', code: 'impossible-date', message: 'date "2021-02-30" is not a day of the calendar', hint: 'check the day' },
  { file: '2018/b, c.md', line: 1, column: 1, severity: 'warning', code: 'empty-body', message: 'no text: 100%\nreally' },
];

describe('issue output', () => {
  it('prints path:line:col, severity, message and hint, then a summary', () => {
    const out = issuesText(issues, 4, styler(false), 'archive/');
    expect(out).toContain('archive/2018/a.md:3:7  error  date "2021-02-30" is not a day of the calendar\n    hint: check the day\n');
    expect(out).toContain('archive/2018/b, c.md:1:1  warning  no text');
    expect(out.trimEnd().split('\n').at(-1)).toBe('4 files checked: 1 error (in 1 file), 1 warning');
  });

  it('says so when there is nothing to report', () => {
    expect(issuesText([], 2, styler(false))).toBe('✓ 2 files checked, no problems found\n');
  });

  it('gives JSON with counts', () => {
    expect(JSON.parse(issuesJson(issues, 4))).toMatchObject({ files: 4, errors: 1, warnings: 1, issues: [{ code: 'impossible-date', line: 3 }, { code: 'empty-body' }] });
  });

  it('gives GitHub annotations with escaped properties and data', () => {
    const lines = issuesGithub(issues, 4, 'archive/').split('\n');
    expect(lines[0]).toBe('::error file=archive/2018/a.md,line=3,col=7,title=releases%3A impossible-date::date "2021-02-30" is not a day of the calendar (check the day)');
    expect(lines[1]).toBe('::warning file=archive/2018/b%2C c.md,line=1,col=1,title=releases%3A empty-body::no text: 100%25%0Areally');
  });
});
