import { afterEach } from 'vitest';
import { copyFixture } from './search.js';

/** A copy of a fixture (see `copyFixture`). */
export type FixtureCopy = ReturnType<typeof copyFixture>;

/**
 * For one test file: a function that copies `tests/fixtures/<name>` (search-multilingual
 * unless named) to a temp folder; every copy is removed after the test that made it.
 */
export function fixtureCopies(): (name?: string) => FixtureCopy {
  const copies: FixtureCopy[] = [];
  afterEach(() => copies.splice(0).forEach((c) => c.remove()));
  return (name = 'search-multilingual') => {
    const c = copyFixture(name);
    copies.push(c);
    return c;
  };
}
