import { describe, expect, it } from 'vitest';
import type { ArchivedRelease } from '../../src/core/types.js';
import { toEntry } from '../../src/render/json.js';

describe('toEntry', () => {
  const r: ArchivedRelease = {
    id: 'a',
    path: '2018/a.md',
    title: 'T',
    date: '2018-10-18',
    event: { start: '2018-10-15', end: '2018-10-18', location: 'Охрид' },
    partners: ['ОБСЕ'],
    people: [],
    tags: ['t'],
    lang: 'mk',
    summary: null,
    translationKey: 'k',
    body: 'b',
    bodyLine: 5,
    extra: { source: 'x', path: 'collides', nested: { a: [1] } },
    dateFromFileName: false,
    period: { start: '2018-10-15', end: '2018-10-18' },
    translations: [{ lang: 'en', id: 'b' }],
  };

  it('has the SPEC keys in order, then unknown fields', () => {
    expect(Object.keys(toEntry(r))).toEqual([
      'id',
      'path',
      'title',
      'date',
      'event',
      'partners',
      'people',
      'tags',
      'lang',
      'summary',
      'translation_key',
      'translations',
      'source',
      'nested',
    ]);
  });

  it('never lets an unknown field replace a SPEC field', () => {
    expect(toEntry(r).path).toBe('2018/a.md');
  });

  it('writes event as null when absent', () => {
    expect(toEntry({ ...r, event: null }).event).toBeNull();
  });
});
