import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArchive } from '../../src/core/store/session.js';
import { noSqlite } from '../../src/core/store/sqlite.js';
import { NO_FILTERS } from '../../src/core/filters.js';
import { CASES } from '../helpers/relevance.js';
import { copyFixture, short } from '../helpers/search.js';

for (const engine of ['index', 'memory'] as const) {
  describe(`search relevance (${engine})`, () => {
    let fixture: ReturnType<typeof copyFixture>;
    beforeAll(() => {
      fixture = copyFixture('search-multilingual');
    });
    afterAll(() => fixture.remove());

    it.each(CASES)('$q → $expect ($why)', async (c) => {
      const run = await searchArchive(fixture.archive, c.q, { ...NO_FILTERS, ...c.flags }, undefined, engine === 'memory' ? { loader: noSqlite } : {});
      expect(run.engine).toBe(engine);
      const ids = run.outcome.hits.map((h) => short(h.release.id));
      expect([...ids].sort()).toEqual([...c.expect].sort());
      if (c.first) expect(ids[0]).toBe(c.first);
      expect(run.outcome.total).toBe(c.expect.length);
    });
  });
}
