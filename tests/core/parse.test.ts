import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReleaseFile } from '../../src/core/parse.js';

const BAD = path.resolve(__dirname, '../fixtures/bad-inputs');
const parseFixture = (name: string) => parseReleaseFile(name, readFileSync(path.join(BAD, name)));
const parseText = (text: string, name = '2018/x.md') => parseReleaseFile(name, Buffer.from(text, 'utf8'));

describe('parseReleaseFile: refused files', () => {
  it.each([
    ['blank-before.md', 'blank-before-front-matter', 3],
    ['unclosed.md', 'unclosed-front-matter', 1],
    ['javascript.md', 'executable-front-matter', 1],
    ['coffee.md', 'executable-front-matter', 1],
    ['toml.md', 'impossible-date', 3],
    ['duplicate-key.md', 'duplicate-key', 4],
    ['latin1.md', 'not-utf8', 2],
    ['impossible-date.md', 'impossible-date', 3],
    ['unreadable-date.md', 'unreadable-date', 3],
    ['event-backwards.md', 'event-ends-before-start', 6],
    ['wrong-types.md', 'wrong-type', 4],
    ['numeric-date.md', 'wrong-type', 3],
    ['no-title.md', 'missing-field', 2],
    ['no-front-matter.md', 'no-front-matter', 1],
    ['not-a-map.md', 'front-matter-not-map', 2],
    ['yaml-syntax.md', 'yaml-syntax', 2],
    ['bad-id.md', 'bad-id', 4],
    ['alias-bomb.md', 'yaml-aliases', 2],
  ])('%s is refused with %s at line %i', (file, code, line) => {
    const result = parseFixture(file);
    expect(result.release).toBeNull();
    const issue = result.issues.find((i) => i.severity === 'error');
    expect(issue).toMatchObject({ file, code, line, severity: 'error' });
    expect(issue!.message.length).toBeGreaterThan(10);
    expect(issue!.hint).toBeTruthy();
  });

  it('reports every wrong type, each at its own line', () => {
    const codes = parseFixture('wrong-types.md').issues.map((i) => [i.field, i.line]);
    expect(codes).toEqual([
      ['tags', 4],
      ['people.0', 6],
      ['summary', 7],
    ]);
  });

  it('names the duplicated key', () => {
    expect(parseFixture('duplicate-key.md').issues[0].message).toContain('"title"');
  });

  it('never evaluates ---js front matter', () => {
    const result = parseText("---js\n{ title: (() => { globalThis.__pwned = true; return 'x' })() }\n---\n");
    expect(result.release).toBeNull();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('refuses a NUL byte', () => {
    expect(parseText('---\ntitle: a\ndate: 2020-01-01\n---\nx\u0000y\n').issues[0]).toMatchObject({ code: 'nul-byte', line: 5 });
  });
});

describe('parseReleaseFile: accepted files', () => {
  it('reads the seed-like release with every field', () => {
    const r = parseText(`---
title: Учество на Националниот координатор
date: 2018-10-18
event:
  start: 15.10.2018
  end: 2018-10-18
  location: Охрид
partners: [Министерство за внатрешни работи, ОБСЕ Мисијата во Скопје]
people: Борче Петревски
tags: [регионална соработка]
lang: mk
translation_key: ohrid-conference-2018
custom: { a: 1 }
---

Текст.
`);
    expect(r.issues).toEqual([]);
    expect(r.release).toMatchObject({
      id: 'x',
      title: 'Учество на Националниот координатор',
      date: '2018-10-18',
      event: { start: '2018-10-15', end: '2018-10-18', location: 'Охрид' },
      people: ['Борче Петревски'],
      lang: 'mk',
      translationKey: 'ohrid-conference-2018',
      extra: { custom: { a: 1 } },
      bodyLine: 15,
    });
    expect(r.release!.body.trim()).toBe('Текст.');
  });

  it('accepts a BOM and CRLF line endings', () => {
    const r = parseFixture('crlf-bom.md');
    expect(r.issues).toEqual([]);
    expect(r.release).toMatchObject({ title: 'CRLF и BOM', date: '2018-10-15' });
    expect(r.release!.body).not.toContain('\r');
  });

  it('takes the date from the file name, with a warning', () => {
    const r = parseFixture('2020-05-05-date-from-name.md');
    expect(r.release).toMatchObject({ date: '2020-05-05', dateFromFileName: true });
    expect(r.issues).toMatchObject([{ code: 'date-from-file-name', severity: 'warning' }]);
  });

  it('warns when the file name and date: disagree', () => {
    expect(parseFixture('2020-05-06-name-disagrees.md').issues).toMatchObject([{ code: 'file-name-date-differs', line: 3 }]);
  });

  it('warns about Latin look-alikes in Cyrillic words, in fields and body', () => {
    const r = parseFixture('lookalike.md');
    expect(r.release).not.toBeNull();
    expect(r.issues.map((i) => [i.code, i.field, i.line])).toEqual([
      ['latin-lookalike', 'title', 2],
      ['latin-lookalike', 'body', 7],
    ]);
    expect(r.issues[0].hint).toContain('ј');
  });

  it('points a look-alike warning at the Latin letter, in the list item that holds it', () => {
    const text = [
      '---',
      'title: Меѓународна конференциja во Охрид',
      'date: 2018-10-15',
      'partners:',
      '  - Министерство за внатрешни работи',
      '  - OБСЕ Мисијата во Скопје',
      'tags: [екстремизам, безбедноcт]',
      '---',
      'Текст.',
    ].join('\n');
    const r = parseText(text);
    expect(r.issues.map((i) => [i.field, i.line, i.column])).toEqual([
      ['title', 2, 30],
      ['partners', 6, 5],
      ['tags', 7, 29],
    ]);
    const lines = text.split('\n');
    for (const i of r.issues) expect('ajoOcs').toContain(lines[i.line! - 1][i.column! - 1]);
    // The full YAML parser, used when the fast reader gives up, finds the same places.
    expect(parseReleaseFile('2018/x.md', Buffer.from(text), { fastYaml: false }).issues).toEqual(r.issues);
  });

  it('does not call a Latin name with one Cyrillic letter a typo, nor plain English', () => {
    const r = parseText('---\ntitle: OSCE Mission to Skopje and Macedonia\ndate: 2020-01-01\n---\nbody\n');
    expect(r.issues).toEqual([]);
  });

  it('warns about an empty body', () => {
    expect(parseFixture('empty-body.md').issues).toMatchObject([{ code: 'empty-body', severity: 'warning' }]);
  });

  it('keeps __proto__ and constructor as plain fields without polluting prototypes', () => {
    const r = parseFixture('proto.md');
    expect(r.release).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.release!.extra)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(r.release!.extra)).toBe(Object.prototype);
  });

  it('reads one string where a list is expected, and drops empty items', () => {
    const r = parseText('---\ntitle: T\ndate: 2020-01-01\ntags: solo\npartners: [a, "", a]\n---\nx\n');
    expect(r.release).toMatchObject({ tags: ['solo'], partners: ['a'] });
  });

  it('keeps the date as written whatever the offset', () => {
    const r = parseText('---\ntitle: T\ndate: 2015-01-02 11:00:28 -0400\n---\nx\n');
    expect(r.release!.date).toBe('2015-01-02');
  });

  it('reads quoted values continued on unindented lines leniently, with a warning', () => {
    const r = parseText('---\ntitle: "A title that\ncontinues here"\ndate: 2020-01-01\n---\nx\n');
    expect(r.release!.title).toBe('A title that continues here');
    expect(r.issues).toMatchObject([{ code: 'lenient-yaml', severity: 'warning' }]);
  });

  it('reads an event written as a range of text', () => {
    const r = parseText('---\ntitle: T\ndate: 2018-10-19\nevent: 15-18.10.2018\n---\nx\n');
    expect(r.release!.event).toEqual({ start: '2018-10-15', end: '2018-10-18', location: null });
  });
});
