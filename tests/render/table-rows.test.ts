import { describe, expect, it } from 'vitest';
import { layout, layoutBytes, layoutChunks } from '../../src/render/table.js';

const plain = { bold: (t: string) => t, dim: (t: string) => t } as unknown as Parameters<typeof layout>[3];

describe('layout of very long tables', () => {
  it('lays out 200k rows (list of a 200k archive) without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`2020-01-${String((i % 28) + 1).padStart(2, '0')}`, 'mk', `Title ${i}`]);
    rows[123_456][2] = 'The widest title of them all';
    const text = layout(['PERIOD', 'LANG', 'TITLE'], rows, { flex: 2, max: [21, 6, 200] }, plain);
    const lines = text.split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[0]).toBe('PERIOD      LANG  TITLE');
  });

  it('comes in chunks of whole lines that add up to the same text, padded to the widest row of all', () => {
    const rows = Array.from({ length: 1_203 }, (_, i) => ['2020-01-01', 'mk', `Соопштение ${i}`]);
    rows[1_100][0] = '2020-01-01–2021-12-31';
    const chunks = [...layoutChunks(['PERIOD', 'LANG', 'TITLE'], rows, { flex: 2, max: [21, 6, 200] }, plain)];
    expect(chunks).toHaveLength(3);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(layout(['PERIOD', 'LANG', 'TITLE'], rows, { flex: 2, max: [21, 6, 200] }, plain));
    // The first chunk is already padded for a row that only the last chunk holds.
    expect(chunks[0].split('\n')[1]).toBe(`2020-01-01${' '.repeat(13)}mk    Соопштение 0`);
  });
});

describe('layout written as bytes', () => {
  // What the layout gave before its lines were written as bytes (the general line for every row), per terminal width (0: none).
  const before: Record<number, string> = {
    0: 'PERIOD                 LANG     TITLE                                            PARTNERS\n2020-01-01             mk       A title long enough to be cut at a narrow width  OSCE, UNDP\n2020-01-02             en       Short\n2020-01-03             en       Ends in a space                                  x\n2020-01-04             zh       新闻稿 with wide letters                         Partner\n2020-01-05             en       Bell \\x07 and escape \\x1b[2J                     A partner with a rather long name indeed\n2020-01-06–2021-02-03  sr-Latn  Ćirilica i latinica: Соработка                   ОБСЕ\n',
    30: 'PERIOD                 LANG  …\n2020-01-01             mk    …\n2020-01-02             en    …\n2020-01-03             en    …\n2020-01-04             zh    …\n2020-01-05             en    …\n2020-01-06–2021-02-03  sr-La……\n',
    60: 'PERIOD                 LANG    TITLE         PARTNERS\n2020-01-01             mk      A title lon…  OSCE, UNDP\n2020-01-02             en      Short\n2020-01-03             en      Ends in a s…  x\n2020-01-04             zh      新闻稿 with…  Partner\n2020-01-05             en      Bell \\x07 a…  A partner with…\n2020-01-06–2021-02-03  sr-La…  Ćirilica i …  ОБСЕ\n',
    80: 'PERIOD                 LANG    TITLE                            PARTNERS\n2020-01-01             mk      A title long enough to be cut …  OSCE, UNDP\n2020-01-02             en      Short\n2020-01-03             en      Ends in a space                  x\n2020-01-04             zh      新闻稿 with wide letters         Partner\n2020-01-05             en      Bell \\x07 and escape \\x1b[2J     A partner with …\n2020-01-06–2021-02-03  sr-La…  Ćirilica i latinica: Соработка   ОБСЕ\n',
    200: 'PERIOD                 LANG    TITLE                                            PARTNERS\n2020-01-01             mk      A title long enough to be cut at a narrow width  OSCE, UNDP\n2020-01-02             en      Short\n2020-01-03             en      Ends in a space                                  x\n2020-01-04             zh      新闻稿 with wide letters                         Partner\n2020-01-05             en      Bell \\x07 and escape \\x1b[2J                     A partner with …\n2020-01-06–2021-02-03  sr-La…  Ćirilica i latinica: Соработка                   ОБСЕ\n',
  };

  it('gives the same text as before for cut, wide, control, empty and space-ended cells', () => {
    const rows = [
      ['2020-01-01', 'mk', 'A title long enough to be cut at a narrow width', 'OSCE, UNDP'],
      ['2020-01-02', 'en', 'Short', ''],
      ['2020-01-03', 'en', 'Ends in a space ', 'x '],
      ['2020-01-04', 'zh', '新闻稿 with wide letters', 'Partner\u00a0'],
      ['2020-01-05', 'en', 'Bell \u0007 and escape \u001b[2J', 'A partner with a rather long name indeed'],
      ['2020-01-06–2021-02-03', 'sr-Latn', 'Ćirilica i latinica: Соработка', 'ОБСЕ'],
    ];
    for (const width of [0, 30, 60, 80, 200]) {
      const opts = { width: width || undefined, flex: 2, max: [21, 6, 200, 16], shrink: [3] };
      const bytes = Buffer.concat([...layoutBytes(['PERIOD', 'LANG', 'TITLE', 'PARTNERS'], rows, opts, plain)]);
      expect(bytes.toString('utf8')).toBe(before[width]);
    }
  });

  it('holds a line longer than its first buffer', () => {
    const long = 'Соработка '.repeat(20_000).trim();
    const rows = [
      ['2020-01-01', 'mk', long],
      ['2020-01-02', 'en', 'Short'],
    ];
    const text = Buffer.concat([...layoutBytes(['PERIOD', 'LANG', 'TITLE'], rows, { flex: 2, max: [21, 6, 200] }, plain)]).toString();
    expect(text).toBe(`PERIOD      LANG  TITLE\n2020-01-01  mk    ${long}\n2020-01-02  en    Short\n`);
  });
});
