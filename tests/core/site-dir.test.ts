import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteDir, yieldEvery } from '../../src/core/export/site-dir.js';
import { ReleasesError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/cli.js';

function project(): { root: string; archive: string; out: string } {
  const root = tempDir();
  const archive = path.join(root, 'archive');
  mkdirSync(archive);
  return { root, archive, out: path.join(root, 'site') };
}

describe('SiteDir', () => {
  it('writes text, bytes and chunked bytes, and swaps the finished site into place', async () => {
    const { archive, out } = project();
    const site = await SiteDir.open(out, archive);
    site.write('index.html', '<p>Соопштение</p>');
    site.write('a/b/c.bin', new Uint8Array([1, 2, 3]));
    // A chunk that a single write() might not take whole is still written to the end.
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    site.write('search/index-0.js', [Buffer.from('x'), big, Buffer.from('ѓ')]);
    expect(existsSync(out)).toBe(false);
    await site.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>Соопштение</p>');
    expect([...readFileSync(path.join(out, 'a/b/c.bin'))]).toEqual([1, 2, 3]);
    expect(readFileSync(path.join(out, 'search/index-0.js')).equals(Buffer.concat([Buffer.from('x'), big, Buffer.from('ѓ')]))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, '.releases-export'), 'utf8')).files).toEqual(['a/b/c.bin', 'index.html', 'search/index-0.js']);
  });

  it('names the file under --out when a write fails, and abort leaves nothing behind', async () => {
    const { root, archive, out } = project();
    const site = await SiteDir.open(out, archive);
    site.write('years', 'a file where a folder must go');
    let error: unknown;
    try {
      site.write('years/2018.html', 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReleasesError);
    expect((error as ReleasesError).message).toContain(`cannot write ${path.join(out, 'years/2018.html')}`);
    await site.abort();
    expect(readdirSync(root).filter((n) => n !== '.site.releases-lock')).toEqual(['archive']);
  });
});

describe('yieldEvery', () => {
  it('lets timers run once the time is up, and costs nothing before', async () => {
    const soon = yieldEvery(60_000);
    expect(soon()).toBeUndefined();
    const always = yieldEvery(0);
    let fired = false;
    setTimeout(() => { fired = true; }, 0);
    // The timer is due now; a loop awaiting only microtasks would still never let it run.
    for (const end = Date.now() + 5; Date.now() < end; );
    const pause = always();
    expect(pause).toBeInstanceOf(Promise);
    await pause;
    // A pause is one turn of the event loop: by the second, a timers phase has passed.
    await always();
    expect(fired).toBe(true);
  });
});

