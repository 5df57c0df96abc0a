import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { readDataFile, type SiteMeta } from '../../src/core/search/site-format.js';
import { SiteSearch } from '../../src/core/search/site-engine.js';
import { fixtureProject, runCli } from './cli.js';

/**
 * Exports `tests/fixtures/<name>` as a site into a temp folder that lives until `remove()`;
 * `prepare` may first change the project (a copy of the fixture).
 */
export async function exportFixtureSite(name: string, prepare?: (project: string) => void): Promise<{ site: string; remove: () => void }> {
  const project = fixtureProject(name);
  prepare?.(project);
  // Not tempDir(): the helper clears its folders after each test, the site must outlive them.
  const site = path.join(mkdtempSync(path.join(tmpdir(), 'releases-site-')), 'site');
  const r = await runCli(['export', '--format', 'html', '--out', site], { cwd: project });
  expect(r.code, r.stderr).toBe(0);
  return { site, remove: () => rmSync(path.dirname(site), { recursive: true, force: true }) };
}

/** The site engine over an exported site's files, as the browser runs it, counting the bytes it reads. */
export function nodeEngine(site: string): { engine: SiteSearch; loaded: Map<string, number> } {
  const loaded = new Map<string, number>();
  const read = (name: string) => {
    const file = path.join(site, 'search', `${name}.js`);
    loaded.set(name, statSync(file).size);
    return readDataFile(readFileSync(file, 'utf8')).payload;
  };
  const engine = new SiteSearch(read('meta') as SiteMeta, async (name) => read(name));
  return { engine, loaded };
}

/** The page of each hit, best first. */
export async function hitPages(engine: SiteSearch, docs: number[]): Promise<string[]> {
  return Promise.all(docs.map(async (d) => (await engine.hit(d, () => false)).page));
}
