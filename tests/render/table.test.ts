import { describe, expect, it } from 'vitest';
import type { ArchivedRelease } from '../../src/core/types.js';
import { formatPeriod, releaseTableBytes } from '../../src/render/table.js';
import { styler } from '../../src/render/style.js';
import { displayWidth, truncate } from '../../src/render/width.js';
import { archived } from '../helpers/release.js';

/** The whole table, as the chunks written one after another add up to. */
const tableText = (...a: Parameters<typeof releaseTableBytes>) => Buffer.concat([...releaseTableBytes(...a)]).toString('utf8');

const release = (over: Partial<ArchivedRelease>) => archived({ id: 'x', path: 'x.md', title: 'T', date: '2018-10-18', body: '' }, over);

describe('formatPeriod', () => {
  it('writes periods compactly', () => {
    expect(formatPeriod({ start: '2018-10-15', end: '2018-10-15' })).toBe('2018-10-15');
    expect(formatPeriod({ start: '2018-10-15', end: '2018-10-18' })).toBe('2018-10-15–18');
    expect(formatPeriod({ start: '2018-10-30', end: '2018-11-02' })).toBe('2018-10-30–11-02');
    expect(formatPeriod({ start: '2018-12-30', end: '2019-01-02' })).toBe('2018-12-30–2019-01-02');
  });
});

describe('width', () => {
  it('counts Cyrillic as one column, marks as none, CJK as two', () => {
    expect(displayWidth('Охрид')).toBe(5);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('日本')).toBe(4);
  });
  it('cuts with an ellipsis within the width', () => {
    expect(truncate('Учество на Националниот', 10)).toBe('Учество н…');
    expect(displayWidth(truncate('日本語のテキスト', 7))).toBeLessThanOrEqual(7);
  });
});

describe('releaseTable', () => {
  const long = release({
    title: 'Учество на Националниот координатор за спречување на насилен екстремизам и борба против тероризам',
    partners: ['Министерство за внатрешни работи', 'ОБСЕ Мисијата во Скопје'],
    period: { start: '2018-10-15', end: '2018-10-18' },
  });

  it('fits every line in the terminal width', () => {
    for (const width of [40, 60, 80, 120]) {
      const out = tableText([long, release({ title: 'Short' })], width, styler(false));
      for (const line of out.trimEnd().split('\n')) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(out).toContain('2018-10-15–18');
    }
  });

  it('does not cut anything in a pipe', () => {
    const out = tableText([long], undefined, styler(false));
    expect(out).toContain(long.title);
    expect(out).toContain('ОБСЕ Мисијата во Скопје');
  });

  it('writes colour codes only when colour is on', () => {
    expect(tableText([long], 80, styler(false))).not.toMatch(/\u001b\[/);
    expect(tableText([long], 80, styler(true))).toMatch(/\u001b\[/);
  });
});
