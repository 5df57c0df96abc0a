import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
    expect(JSON.parse(readFileSync(path.join(out, '.releases-export'), 'utf8')).files).toEqual([
      'a/b/c.bin',
      'index.html',
      'search/index-0.js',
    ]);
  });

  it('names the file under --out when a write fails, and abort leaves nothing behind', async () => {
    const { root, archive, out } = project();
    const site = await SiteDir.open(out, archive);
    let error: unknown;
    try {
      // Writes run on the thread pool: a failure surfaces at a later write, at room() or at commit.
      site.write('years', 'a file where a folder must go');
      site.write('years/2018.html', 'x');
      await site.room();
      await site.commit();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReleasesError);
    expect((error as ReleasesError).message).toContain(`cannot write ${path.join(out, 'years')}`);
    expect(existsSync(out)).toBe(false);
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
    setTimeout(() => {
      fired = true;
    }, 0);
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

describe('SiteDir updating an earlier export', () => {
  async function exportOnce(
    archive: string,
    out: string,
    files: Record<string, string>,
    keyed: Record<string, string> = {},
  ): Promise<SiteDir> {
    const site = await SiteDir.open(out, archive, 'site-key-1');
    for (const [rel, key] of Object.entries(keyed)) if (!site.keep(rel, key)) site.write(rel, `page ${rel} ${key}`, key);
    for (const [rel, text] of Object.entries(files)) site.write(rel, text);
    await site.commit();
    return site;
  }

  it("keeps files whose key or bytes are unchanged, writes the others, removes the gone ones, leaves the user's", async () => {
    const { root, archive, out } = project();
    const first = await exportOnce(
      archive,
      out,
      { 'index.html': 'one', 'years/2018.html': 'y', 'old.html': 'old' },
      { 'r/a.html': 'ka', 'r/b.html': 'kb' },
    );
    expect(first.updating).toBe(false);
    writeFileSync(path.join(out, 'CNAME'), 'example.org\n');
    const before = statSync(path.join(out, 'r/a.html')).ino;
    const second = await exportOnce(archive, out, { 'index.html': 'two', 'years/2018.html': 'y' }, { 'r/a.html': 'ka', 'r/b.html': 'kb2' });
    expect(second.updating).toBe(true);
    expect(second.writtenCount).toBe(2);
    expect(statSync(path.join(out, 'r/a.html')).ino).toBe(before);
    expect(readFileSync(path.join(out, 'r/b.html'), 'utf8')).toBe('page r/b.html kb2');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('two');
    expect(existsSync(path.join(out, 'old.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('example.org\n');
    expect(readdirSync(root).filter((n) => n.startsWith('.site'))).toEqual([]);
    // The same site written fresh has the same marker: how a site was made leaves no trace.
    const fresh = path.join(root, 'fresh');
    await exportOnce(archive, fresh, { 'index.html': 'two', 'years/2018.html': 'y' }, { 'r/a.html': 'ka', 'r/b.html': 'kb2' });
    expect(readFileSync(path.join(fresh, '.releases-export'), 'utf8')).toBe(readFileSync(path.join(out, '.releases-export'), 'utf8'));
  });

  it('writes a page again when it was deleted from the site by hand, and everything when the site key changes', async () => {
    const { archive, out } = project();
    await exportOnce(archive, out, { 'index.html': 'one' }, { 'r/a.html': 'ka' });
    rmSync(path.join(out, 'r/a.html'));
    const again = await exportOnce(archive, out, { 'index.html': 'one' }, { 'r/a.html': 'ka' });
    expect(again.writtenCount).toBe(1);
    expect(readFileSync(path.join(out, 'r/a.html'), 'utf8')).toBe('page r/a.html ka');
    const other = await SiteDir.open(out, archive, 'site-key-2');
    expect(other.updating).toBe(false);
    await other.abort();
  });

  it('a journal left by a killed update is finished by the next run: every move, every removal, then the marker', async () => {
    const { root, archive, out } = project();
    await exportOnce(archive, out, { 'index.html': 'one', 'gone.html': 'g' }, { 'r/a.html': 'ka' });
    // What a run killed halfway through its moves leaves: a build folder beside the site with
    // the files not yet moved (the marker among them) and the journal in the site.
    const build = path.join(root, '.site.releases-tmp-deadbeef');
    mkdirSync(path.join(build, 'r'), { recursive: true });
    writeFileSync(path.join(build, '.releases-building'), '');
    writeFileSync(path.join(build, 'r/a.html'), 'new a');
    writeFileSync(
      path.join(build, '.releases-export'),
      JSON.stringify({ tool: 'releases', files: ['index.html', 'r/a.html'], site: 'site-key-1', stamps: {} }),
    );
    writeFileSync(path.join(out, 'index.html'), 'two'); // moved before the kill
    writeFileSync(
      path.join(out, '.releases-journal'),
      JSON.stringify({ build: path.basename(build), move: ['index.html', 'r/a.html', '.releases-export'], remove: ['gone.html'] }),
    );
    const next = await SiteDir.open(out, archive, 'site-key-1');
    await next.abort();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('two');
    expect(readFileSync(path.join(out, 'r/a.html'), 'utf8')).toBe('new a');
    expect(existsSync(path.join(out, 'gone.html'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(out, '.releases-export'), 'utf8')).files).toEqual(['index.html', 'r/a.html']);
    expect(existsSync(path.join(out, '.releases-journal'))).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith('.site'))).toEqual([]);
  });

  it('refuses to commit over a site another export changed meanwhile, changing nothing', async () => {
    const { root, archive, out } = project();
    await exportOnce(archive, out, { 'index.html': 'one' });
    const slow = await SiteDir.open(out, archive, 'site-key-1');
    slow.write('index.html', 'slow');
    await exportOnce(archive, out, { 'index.html': 'fast' });
    await expect(slow.commit()).rejects.toThrow(/another export changed/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('fast');
    expect(readdirSync(root).filter((n) => n.startsWith('.site'))).toEqual([]);
  });
});
