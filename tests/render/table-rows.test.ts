import { describe, expect, it } from 'vitest';
import { layout, layoutChunks } from '../../src/render/table.js';

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
