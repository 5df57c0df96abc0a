import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withIndex } from '../../src/core/store/session.js';
import { shownGeneration } from '../../src/core/store/write-rows.js';
import { fixtureCopies } from '../helpers/fixture-copies.js';

const fresh = fixtureCopies();

/** Refreshes the index, then gives meta 'generation' and the generation read commands show. */
async function shown(archive: string): Promise<{ generation: number; shown: number }> {
  const { value } = await withIndex(archive, {}, async (index) => {
    await index!.refresh(archive);
    const meta = new Map(index!.db.prepare('SELECT key, value FROM meta').raw().all() as [string, string][]);
    return { generation: Number(meta.get('generation')), shown: Number(shownGeneration(meta.get('shown'), meta.get('generation'))) };
  });
  return value;
}

describe("the index's shown generation", () => {
  it('stays through an edit of a body alone and moves with a title, an added or a removed file', async () => {
    const { archive } = fresh();
    const first = await shown(archive);
    const file = path.join(archive, '2020/2020-05-05-pandemija.md');
    appendFileSync(file, '\nA line added to the body.\n');
    const body = await shown(archive);
    expect(body.generation).toBeGreaterThan(first.generation);
    expect(body.shown).toBe(first.shown);

    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Друго'));
    const title = await shown(archive);
    expect(title.shown).toBe(title.generation);
    expect(title.shown).toBeGreaterThan(body.shown);

    const added = path.join(archive, '2020/2020-06-06-novo.md');
    writeFileSync(added, '---\ntitle: Ново\ndate: 2020-06-06\n---\nТекст.\n');
    const more = await shown(archive);
    expect(more.shown).toBe(more.generation);
    expect(more.shown).toBeGreaterThan(title.shown);

    rmSync(added);
    const fewer = await shown(archive);
    expect(fewer.shown).toBe(fewer.generation);
    expect(fewer.shown).toBeGreaterThan(more.shown);
  });

  it('is the generation itself when a writer that does not keep it wrote last', () => {
    expect(shownGeneration('3@5', '5')).toBe('3');
    expect(shownGeneration('3@5', '6')).toBe('6');
    expect(shownGeneration(undefined, '6')).toBe('6');
    expect(shownGeneration('damaged', undefined)).toBe('0');
  });
});
