import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReleaseFile } from '../../src/core/parse.js';

const FORMATS = path.resolve(__dirname, '../fixtures/site-formats');
const parseFixture = (name: string) => parseReleaseFile(name, readFileSync(path.join(FORMATS, name)));
const parseText = (text: string, name = 'x.md') => parseReleaseFile(name, Buffer.from(text, 'utf8'));
const errorOf = (text: string, name?: string) => {
  const r = parseText(text, name);
  expect(r.release).toBeNull();
  const e = r.issues.find((i) => i.severity === 'error')!;
  expect(e.hint).toBeTruthy();
  return e;
};

describe('TOML front matter', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('reads Hugo TOML with every field, an [event] table, and unknown fields kept', () => {
    const r = parseFixture('2018/2018-10-16-hugo-toml.md');
    expect(r.issues).toEqual([]);
    expect(r.release).toMatchObject({
      title: 'Hugo release in TOML',
      date: '2018-10-16',
      tags: ['security', 'cooperation'],
      partners: ['OSCE'],
      people: ['Ana Petrova'],
      event: { start: '2018-10-15', end: '2018-10-16', location: 'Ohrid' },
      extra: { draft: false, weight: 3 },
      bodyLine: 15,
    });
    expect(r.release!.body.trim()).toMatch(/^Written as Hugo/);
  });

  it.each(['America/Chicago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('keeps the date as written in time zone %s', (tz) => {
    process.env.TZ = tz;
    const r = parseText(
      '+++\ntitle = "T"\ndate = 2018-10-16T23:30:00-05:00\n[event]\nstart = 2018-10-16T00:15:00+14:00\nend = 2018-10-16 23:59:00Z\n+++\nx\n',
    );
    expect(r.release).toMatchObject({ date: '2018-10-16', event: { start: '2018-10-16', end: '2018-10-16' } });
    expect(parseText('+++\ntitle = "T"\ndate = 2018-10-16\nseen = 2018-10-16T23:30:00-05:00\n+++\nx\n').release!.extra).toEqual({
      seen: '2018-10-16T23:30:00.000-05:00',
    });
  });

  it('reads a Zola post: tags from [taxonomies], our fields from [extra], the date from path', () => {
    const r = parseFixture('2019/zola-post.md');
    expect(r.release).toMatchObject({
      date: '2019-03-05',
      tags: ['training'],
      partners: ['OSCE Mission to Skopje'],
      people: ['Marko Markovski'],
      lang: 'en',
      dateFromFileName: false,
    });
    expect(r.release!.extra).toMatchObject({
      path: '2019/03/05/zola-post',
      authors: ['The Press Team'],
      taxonomies: { tags: ['training'] },
    });
    expect(r.issues).toMatchObject([{ code: 'date-from-path', severity: 'warning', line: 2, column: 1, field: 'path' }]);
  });

  it('prefers a dated file name to the path, and reads arrays of tables', () => {
    const r = parseFixture('inside/2021-07-26-prerelease.md');
    expect(r.release).toMatchObject({ date: '2021-07-26', dateFromFileName: true });
    expect(r.release!.extra.extra).toEqual({
      see_also: [
        { title: 'Earlier', url: 'https://example.org/earlier' },
        { title: 'Later', url: 'https://example.org/later' },
      ],
    });
  });

  it('places problems of fields moved from [extra] at their own line', () => {
    const r = parseText(
      '+++\ntitle = "T"\ndate = 2020-01-01\n[extra]\nlang = "not a code!"\n[extra.event]\nstart = 2020-01-02\nend = 2020-01-01\n+++\nx\n',
    );
    expect(r.issues.map((i) => [i.code, i.line])).toEqual(
      [
        ['event-ends-before-start', 8],
        ['bad-lang', 5],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
  });

  it('keeps a field at the top level over the one in [extra]', () => {
    expect(parseText('+++\ntitle = "T"\ndate = 2020-01-01\ntags = ["top"]\n[extra]\ntags = ["nested"]\n+++\nx\n').release!.tags).toEqual([
      'top',
    ]);
  });

  it.each([
    ['a TOML syntax error', '+++\ntitle = "T"\ndate = 2020-01-01\ntags: [a]\n+++\nx\n', 'toml-syntax', 4, 5],
    ['an unclosed string', '+++\ntitle = "T\ndate = 2020-01-01\n+++\nx\n', 'toml-syntax', 2, 11],
    ['a repeated key', '+++\ntitle = "T"\ndate = 2020-01-01\ntitle = "U"\n+++\nx\n', 'duplicate-key', 4, 1],
    [
      'a repeated table',
      '+++\ntitle = "T"\ndate = 2020-01-01\n[event]\nstart = 2020-01-01\n[event]\nend = 2020-01-02\n+++\nx\n',
      'duplicate-key',
      6,
      2,
    ],
    ['a day that does not exist', '+++\ntitle = "T"\ndate = 2021-02-29\n+++\nx\n', 'impossible-date', 3, 8],
    [
      'an impossible event day',
      '+++\ntitle = "T"\ndate = 2021-02-01\n[event]\nstart = 2021-04-31T10:00:00Z\n+++\nx\n',
      'impossible-date',
      5,
      9,
    ],
    ['a missing closing line', '+++\ntitle = "T"\ndate = 2020-01-01\n', 'unclosed-front-matter', 1, 1],
    ['blank lines before +++', '\n\n+++\ntitle = "T"\n+++\nx\n', 'blank-before-front-matter', 3, 1],
  ])('refuses %s at its file line and column', (_, text, code, line, column) => {
    expect(errorOf(text)).toMatchObject({ code, line, column });
  });

  it('names the key that appears twice and the field of an impossible date', () => {
    expect(errorOf('+++\ntitle = "T"\ndate = 2020-01-01\ntitle = "U"\n+++\nx\n').message).toBe(
      'the key "title" appears twice in the front matter',
    );
    expect(errorOf('+++\ntitle = "T"\ndate = 2021-02-01\n[event]\nstart = 2021-04-31\n+++\nx\n')).toMatchObject({
      field: 'event.start',
      message: 'event.start "2021-04-31" is not a day of the calendar',
    });
  });

  it('reads ---toml front matter too, and keeps __proto__ a plain field', () => {
    const r = parseText('---toml\ntitle = "T"\ndate = 2020-01-01\n__proto__ = { polluted = true }\n---\nx\n');
    expect(r.release!.title).toBe('T');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.release!.extra)).toEqual(['__proto__']);
  });
});

describe('JSON front matter', () => {
  it('reads Hugo JSON: nested event, the body after the closing brace', () => {
    const r = parseFixture('2020/2020-03-01-hugo-json.md');
    expect(r.issues).toEqual([]);
    expect(r.release).toMatchObject({
      date: '2020-03-01',
      tags: ['elections'],
      summary: 'JSON front matter, as Hugo writes it.',
      event: { start: '2020-02-28', end: '2020-02-29', location: 'Skopje' },
      extra: { params: { featured: true } },
      bodyLine: 9,
    });
    expect(r.release!.body.trim()).toBe('The body starts on the line after the closing brace.');
  });

  it('places field problems at the field', () => {
    const r = parseText(
      '{\n  "title": "J",\n  "date": "2020-01-02",\n  "tags": ["a", true],\n  "event": {"start": "2020-01-01", "end": "2019-01-01"}\n}\nBody\n',
    );
    expect(r.issues.map((i) => [i.code, i.field, i.line, i.column])).toEqual([
      ['wrong-type', 'tags.1', 4, 17],
      ['event-ends-before-start', 'event.end', 5, 43],
    ]);
  });

  it.each([
    ['a missing comma', '{\n  "title": "J"\n  "date": "2020-01-01"\n}\nx\n', 'json-syntax', 3, 3],
    ['a comma after the last field', '{\n  "title": "J",\n}\nx\n', 'json-syntax', 3, 1],
    ['a name without quotes', '{\n  title: "J"\n}\nx\n', 'json-syntax', 2, 3],
    ['a repeated key', '{\n  "title": "J",\n  "title": "K"\n}\nx\n', 'duplicate-key', 3, 3],
    ['text after the closing brace', '{ "title": "J", "date": "2020-01-01" } Body\n', 'json-syntax', 1, 40],
    ['a missing closing brace', '{\n  "title": "J",\n  "date": "2020-01-01"\n', 'unclosed-front-matter', 1, 1],
    ['a bad escape', '{\n  "title": "J\\q"\n}\nx\n', 'json-syntax', 2, 12],
  ])('refuses %s at its file line and column', (_, text, code, line, column) => {
    expect(errorOf(text)).toMatchObject({ code, line, column });
  });

  it('refuses nesting too deep to read, without a stack overflow', () => {
    expect(errorOf(`{"title": ${'['.repeat(5000)}${']'.repeat(5000)}}\nx\n`).message).toContain('nested too deeply');
  });
});

describe('a value of the wrong kind in a list of names', () => {
  it.each([
    ['YAML', '---\ntitle: T\ndate: 2020-01-01\npartners: 42\n---\nx\n', 'partners', 4, 1],
    ['a YAML list', '---\ntitle: T\ndate: 2020-01-01\ntags: [a, 2019]\n---\nx\n', 'tags.1', 4, 11],
    ['a YAML block list', '---\ntitle: T\ndate: 2020-01-01\npeople:\n  - Ana\n  - 7\n---\nx\n', 'people.1', 6, 5],
    ['TOML', '+++\ntitle = "T"\ndate = 2020-01-01\npartners = ["OSCE", 42]\n+++\nx\n', 'partners.1', 4, 21],
    ['JSON', '{"title": "T", "date": "2020-01-01",\n "people": 3.5}\nx\n', 'people', 2, 2],
  ])('is read as its text with a warning (%s)', (_, text, field, line, column) => {
    const r = parseText(text);
    expect(r.release).not.toBeNull();
    expect(r.issues).toMatchObject([{ code: 'not-text', severity: 'warning', field, line, column }]);
    expect(r.issues[0].hint).toMatch(/quote it/);
  });

  it('keeps the number as the name it was read as', () => {
    expect(parseText('---\ntitle: T\ndate: 2020-01-01\npartners: 42\n---\nx\n').release!.partners).toEqual(['42']);
  });
});

// Token soup in the shape of TOML and JSON front matter: the readers never throw, and every
// problem has a place in the file.
const TOKENS = [
  '+++',
  '{',
  '}',
  '[',
  ']',
  '[[',
  ']]',
  '\n',
  ' = ',
  ': ',
  ',',
  '"',
  "'",
  '"""',
  "'''",
  '\\',
  '#',
  '.',
  'title',
  'date',
  'event',
  'extra',
  'taxonomies',
  'tags',
  'path',
  '"x"',
  '2021-02-30',
  '2018-10-16T23:30:00-05:00',
  '2018-10-16 23:30:00',
  '1979-05-27',
  '42',
  'true',
  'null',
  '__proto__',
  'Охрид',
  '\t',
  '\u0000',
  '2019/03/05/x',
];
const soup = fc
  .tuple(fc.constantFrom('+++\n', '{', '{\n'), fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }))
  .map(([open, t]) => Buffer.from(open + t.join(''), 'utf8'));

describe('TOML and JSON readers on hostile input', () => {
  it('never throw, and place every problem in the file (1000 cases)', () => {
    fc.assert(
      fc.property(soup, (bytes) => {
        const r = parseReleaseFile('2020/fuzz.md', bytes);
        expect(r.release !== null || r.issues.some((i) => i.severity === 'error')).toBe(true);
        const lines = bytes.toString('utf8').split('\n').length;
        for (const i of r.issues)
          if (i.line !== undefined) expect(i.line).toBeGreaterThanOrEqual(1), expect(i.line).toBeLessThanOrEqual(lines + 1);
      }),
      { numRuns: 1000 },
    );
  });
});
