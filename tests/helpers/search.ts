import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/**
 * Copies `tests/fixtures/<name>` to `<tmp>/archive` and returns the archive folder and a
 * remover. Unlike helpers/cli.ts's tempDir it lives until `remove()` is called, so a
 * suite can share one copy (and one index) across its tests.
 */
export function copyFixture(name: string): { root: string; archive: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'releases-search-'));
  const archive = path.join(root, 'archive');
  cpSync(path.join(FIXTURES, name), archive, { recursive: true });
  return { root, archive, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The short name of a release id: without its leading date. */
export function short(id: string): string {
  return id.replace(/^\d{4}-\d{2}-\d{2}-/, '');
}
