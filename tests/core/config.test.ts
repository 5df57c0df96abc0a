import { describe, expect, it } from 'vitest';
import { parseRegistry, parseSettings } from '../../src/core/config.js';

const places = (issues: { line?: number; column?: number; message: string }[]) => issues.map((i) => [i.line, i.column, i.message]);

describe('partners.yml', () => {
  it('reads a partner whose name is a number as that text', () => {
    const { registry, issues } = parseRegistry('partners.yml', 'tv1389:\n  name: 1389\n  aliases: [ТВ 1389]\n');
    expect(issues).toEqual([]);
    expect(registry.resolve('ТВ 1389')).toMatchObject({ id: 'tv1389', name: '1389' });
  });

  it('names the line of a name that is not text, and the id of a partner without one', () => {
    const text = 'osce-skopje:\n  name:\n    - OSCE\n    - ОБСЕ\nmvr:\n  aliases: [МВР]\n';
    const { registry, issues } = parseRegistry('partners.yml', text);
    expect(places(issues)).toEqual([
      [3, 5, 'the name of partner osce-skopje is not text'],
      [5, 1, 'partner mvr has no name'],
    ]);
    expect(issues[0]).toMatchObject({ file: 'partners.yml', severity: 'error', hint: expect.stringContaining('name:') });
    // Both stay known by their ids, so releases naming them still link to a page.
    expect(registry.resolve('mvr')).toMatchObject({ id: 'mvr', name: 'mvr' });
  });
});

describe('archive.yml', () => {
  it('names the line of a language that is not a language code', () => {
    const { settings, issues } = parseSettings('archive.yml', 'name: Соопштенија\nbase_url: https://example.org/\nlang: macedonian\n');
    expect(places(issues)).toEqual([[3, 7, 'lang "macedonian" is not a language code']]);
    expect(settings).toEqual({ name: 'Соопштенија', lang: 'en', baseUrl: 'https://example.org/' });
  });
});
