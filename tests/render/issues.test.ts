import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/types.js';
import { codeFrame } from '../../src/render/code-frame.js';
import { issueLine, issuesGithub, issuesJson, issuesText } from '../../src/render/issues.js';
import { styler } from '../../src/render/style.js';

const issues: Issue[] = [
  {
    file: '2018/a.md',
    line: 3,
    column: 7,
    field: 'date',
    severity: 'error',
    code: 'impossible-date',
    message: 'date "2021-02-30" is not a day of the calendar',
    hint: 'check the day',
  },
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
    expect(JSON.parse(issuesJson(issues, 4))).toMatchObject({
      files: 4,
      errors: 1,
      warnings: 1,
      issues: [{ code: 'impossible-date', line: 3 }, { code: 'empty-body' }],
    });
  });

  it('gives GitHub annotations with escaped properties and data', () => {
    const lines = issuesGithub(issues, 4, 'archive/').split('\n');
    expect(lines[0]).toBe(
      '::error file=archive/2018/a.md,line=3,col=7,title=releases%3A impossible-date::date "2021-02-30" is not a day of the calendar (check the day)',
    );
    expect(lines[1]).toBe('::warning file=archive/2018/b%2C c.md,line=1,col=1,title=releases%3A empty-body::no text: 100%25%0Areally');
  });
});

describe('code frames', () => {
  const file = ['---', 'title: Средба', 'date: 2021-02-30', 'tags: [мир, "日本 👍🏽", [x]', 'lang: mk', '---', 'Text.'];
  const caretAt = (frame: string) => frame.split('\n').find((l) => l.trimEnd().endsWith('^'))!;
  const markedLine = (frame: string) => frame.split('\n').find((l) => l.trimStart().startsWith('>'))!;

  it('shows the line with two lines either side and a caret under the column', () => {
    expect(codeFrame(file, 3, 7, styler(false))).toBe(
      [
        '      1 | ---',
        '      2 | title: Средба',
        '    > 3 | date: 2021-02-30',
        '        |       ^',
        '      4 | tags: [мир, "日本 👍🏽", [x]',
        '      5 | lang: mk',
        '',
      ].join('\n'),
    );
  });

  it('puts the caret under the right letter after Cyrillic, CJK and emoji', () => {
    const line = file[3];
    for (const target of ['мир', '日本', '[x]', '👍🏽']) {
      const frame = codeFrame(file, 4, line.indexOf(target) + 1, styler(false));
      const text = markedLine(frame).slice(markedLine(frame).indexOf('| ') + 2);
      const caret = caretAt(frame).indexOf('^') - caretAt(frame).indexOf('| ') - 2;
      // the text before the caret takes as many terminal columns as the caret's offset
      const before = text.slice(0, text.indexOf(target));
      const columns = [...before].reduce(
        (w, ch) => w + (/[\u3000-\u9fff]/u.test(ch) ? 2 : /\p{Extended_Pictographic}/u.test(ch) ? 2 : /\p{M}|\u{1f3fd}/u.test(ch) ? 0 : 1),
        0,
      );
      expect(caret, target).toBe(columns);
    }
  });

  it("stops at the file's edges and draws nothing for a line that is not there", () => {
    expect(codeFrame(file, 1, 1, styler(false)).split('\n')[0]).toBe('    > 1 | ---');
    expect(codeFrame(file, 7, undefined, styler(false)).trimEnd().split('\n').at(-1)).toBe('    > 7 | Text.');
    expect(codeFrame(file, 99, 1, styler(false))).toBe('');
  });

  it('cuts a long line around the column', () => {
    const long = `${'слово '.repeat(60)}ГРЕШКА ${'крај '.repeat(40)}`;
    const frame = codeFrame([long], 1, long.indexOf('ГРЕШКА') + 1, styler(false), { width: 80 });
    const shown = markedLine(frame).slice(markedLine(frame).indexOf('| ') + 2);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(80);
    expect(shown.indexOf('ГРЕШКА')).toBe(caretAt(frame).indexOf('^') - caretAt(frame).indexOf('| ') - 2);
  });

  it('shows control characters escaped, the caret still under the column', () => {
    const frame = codeFrame(['a\tb: \u001b[2Jx'], 1, 8, styler(false));
    expect(frame).toContain('a\\x09b: \\x1b[2Jx');
    expect(caretAt(frame).indexOf('^') - caretAt(frame).indexOf('| ') - 2).toBe('a\\x09b: \\x1b['.length);
  });

  it('colours only when colour is on', () => {
    const plain = issueLine(issues[0], styler(false), '', file);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toBe(
      '2018/a.md:3:7  error  date "2021-02-30" is not a day of the calendar\n' +
        codeFrame(file, 3, 7, styler(false)) +
        '    hint: check the day\n',
    );
    expect(issueLine(issues[0], styler(true), '', file)).toMatch(/\u001b\[31m\u001b\[1m\^/);
  });

  it('goes between the message and the hint in check output, for the files whose lines are known', () => {
    const out = issuesText(issues, 4, styler(false), 'archive/', (f) => (f === '2018/a.md' ? file : undefined));
    expect(out).toContain('calendar\n      1 | ---\n');
    expect(out).toContain('^\n      4 | tags');
    expect(out).toContain('archive/2018/b, c.md:1:1  warning  no text: 100%\\x0areally\n');
  });
});
