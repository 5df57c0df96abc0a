import { createRequire } from 'node:module';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatterData, plannedName, releaseText, stringifyFrontMatter, validateText, type ReleaseDraft } from '../../src/core/create.js';

// js-yaml 3 is the YAML 1.1 parser gray-matter uses by default: the strictest reader to satisfy.
const jsYaml = createRequire(import.meta.url)('js-yaml') as { safeLoad(text: string): unknown };

const draft = (over: Partial<ReleaseDraft> = {}): ReleaseDraft => ({
  title: 'Учество на Третата меѓународна конференција',
  date: '2018-10-19',
  event: { start: '2018-10-15', end: '2018-10-18', location: 'Охрид' },
  partners: ['ОБСЕ Мисијата во Скопје'],
  people: ['Борче Петревски'],
  tags: ['регионална соработка'],
  lang: 'mk',
  summary: null,
  translationKey: null,
  body: 'Текст.',
  ...over,
});

describe('releaseText', () => {
  it('writes the SPEC fields in order, dates quoted, and validates like check', () => {
    const text = releaseText(draft());
    expect(text).toBe(`---
title: Учество на Третата меѓународна конференција
date: "2018-10-19"
event:
  start: "2018-10-15"
  end: "2018-10-18"
  location: Охрид
partners:
  - ОБСЕ Мисијата во Скопје
people:
  - Борче Петревски
tags:
  - регионална соработка
lang: mk
---

Текст.
`);
    const result = validateText('2018/x.md', text);
    expect(result.issues).toEqual([]);
    expect(result.release).toMatchObject({ title: draft().title, date: '2018-10-19', event: draft().event, partners: draft().partners });
  });

  it('leaves out empty fields and a one-day event end', () => {
    const data = frontMatterData(
      draft({ event: { start: '2018-10-15', end: '2018-10-15', location: null }, partners: [], people: [], tags: [], lang: null }),
    );
    expect(data).toEqual({ title: draft().title, date: '2018-10-19', event: { start: '2018-10-15' } });
  });

  it('quotes what YAML 1.1 or 1.2 would read as another type', () => {
    const yaml = stringifyFrontMatter({ a: 'yes', b: '0123', c: '10:30', d: '0o17', e: 'null', f: '- x', g: 'Охрид', h: ' padded ' });
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'h']) expect(yaml).toMatch(new RegExp(`^${key}: "`, 'm'));
    expect(yaml).toContain('g: Охрид');
  });

  it('names the file after the date and the slug of the title', () => {
    expect(plannedName(draft())).toEqual({ folder: '2018', base: '2018-10-19-uchestvo-na-tretata-megjunarodna-konferencija' });
    expect(plannedName(draft({ title: '../../etc' }))).toEqual({ folder: '2018', base: '2018-10-19-etc' });
  });

  it('reports a bad language code as check would', () => {
    const result = validateText('2018/x.md', releaseText(draft({ lang: 'not a code' })));
    expect(result.issues.map((i) => i.code)).toContain('bad-lang');
  });
});

describe('front matter round trip (property)', () => {
  const text = fc
    .string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'aZ09 :-#\'"?!&*%@`|>{}[],.~=+\\\nёѓќжшчџљњѕјцхëçÉ\t_<'.split('')) })
    .filter((s) => s.trim() === s && s.trim() !== '');
  const data = fc.record({
    title: text,
    date: fc.constantFrom('2018-10-19', '2000-01-01', '1999-12-31'),
    partners: fc.array(text, { maxLength: 4 }),
    summary: fc.oneof(
      text,
      fc.constantFrom(
        'yes',
        'No',
        'on',
        'off',
        '~',
        'null',
        '0x1F',
        '0o17',
        '1e3',
        '12:30:00',
        '2018-10-19',
        '.inf',
        '1_000',
        '+12',
        '<<',
        '=',
      ),
    ),
  });

  it('reads back identically with YAML 1.2, YAML 1.1 (yaml) and js-yaml 3', () => {
    fc.assert(
      fc.property(data, (obj) => {
        const yaml = stringifyFrontMatter(obj);
        expect(parse(yaml, { version: '1.2' })).toEqual(obj);
        expect(parse(yaml, { version: '1.1' })).toEqual(obj);
        expect(jsYaml.safeLoad(yaml)).toEqual(obj);
      }),
      { numRuns: 1000 },
    );
  });

  it('a whole release file validates and reads back the draft', () => {
    fc.assert(
      fc.property(data, (obj) => {
        const d = draft({
          title: obj.title.replace(/\s+/g, ' '),
          partners: obj.partners.map((p) => p.replace(/\s+/g, ' ')),
          summary: obj.summary.replace(/\s+/g, ' '),
        });
        const result = validateText('2018/x.md', releaseText(d));
        expect(result.release?.title).toBe(d.title);
        expect(result.release?.partners).toEqual([...new Set(d.partners)]);
        expect(result.release?.summary).toBe(d.summary);
      }),
      { numRuns: 300 },
    );
  });
});
