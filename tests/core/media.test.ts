import { cpSync, linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMedia } from '../../src/core/media/check.js';
import { MediaLibrary } from '../../src/core/media/library.js';
import { linkOrCopy } from '../../src/core/media/place.js';
import { findBodyRefs, findFieldRef, localTarget } from '../../src/core/media/refs.js';
import { inspectMedia, placeRef } from '../../src/core/media/resolve.js';
import { sitePathOf } from '../../src/core/media/site-path.js';
import { idFromPath } from '../../src/core/parse.js';
import { tempDir } from '../helpers/cli.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/media');

/** A temp copy of the media fixture with a file outside it and a symbolic link pointing there. */
function mediaArchive(): string {
  const outer = tempDir();
  const dir = path.join(outer, 'archive');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(outer, 'outside.txt'), 'not for publishing\n');
  symlinkSync(path.join(outer, 'outside.txt'), path.join(dir, '2022/linked-out.png'));
  return dir;
}

describe('findBodyRefs', () => {
  it('finds images and links with their line, column and alt text, in order', () => {
    const body = 'Intro.\n\n![A photo](photo.jpg) and [the statement](docs/statement.pdf "Title")\n\n![](chart.svg)\n';
    expect(findBodyRefs(body, 5)).toEqual([
      { kind: 'image', href: 'photo.jpg', target: 'photo.jpg', alt: 'A photo', line: 7, column: 12 },
      { kind: 'link', href: 'docs/statement.pdf', target: 'docs/statement.pdf', alt: null, line: 7, column: 43 },
      { kind: 'image', href: 'chart.svg', target: 'chart.svg', alt: '', line: 9, column: 5 },
    ]);
  });

  it('decodes names, finds reference definitions and skips code, URLs, fragments and links to releases', () => {
    const body = [
      '`![code](nope.png)` and',
      '',
      '    ![indented code](nope2.png)',
      '',
      '![Фото](<моја слика.jpg>) [web](https://example.org/x.png) [top](#top) [other](../2020/other.md) [mail](mailto:a@b.c)',
      '',
      'See [the plan][plan] and ![same twice](a.png) ![same twice](a.png).',
      '',
      '[plan]: files/plan%201.pdf#page=2',
    ].join('\n');
    const refs = findBodyRefs(body, 1);
    expect(refs.map((r) => r.target)).toEqual(['моја слика.jpg', 'files/plan 1.pdf', 'a.png', 'a.png']);
    expect(refs[0]).toMatchObject({ line: 5, column: 10 });
    expect(refs[1]).toMatchObject({ line: 9, column: 9 });
    // The same file twice on one line: each reference at its own place.
    expect(refs[2].column).toBeLessThan(refs[3].column);
  });

  it('is empty for a body without links, without parsing it', () => {
    expect(findBodyRefs('Plain text [not a link] here.', 1)).toEqual([]);
  });
});

describe('localTarget and findFieldRef', () => {
  it('tells local paths from URLs', () => {
    expect(localTarget('photo%20one.jpg?v=2#x')).toBe('photo one.jpg');
    expect(localTarget('https://example.org/a.jpg')).toBeNull();
    expect(localTarget('//cdn.example.org/a.jpg')).toBeNull();
    expect(localTarget('#section')).toBeNull();
    expect(localTarget('/assets/a.jpg')).toBe('/assets/a.jpg');
  });

  it('places image: at its value in the front matter (YAML, TOML or JSON)', () => {
    expect(findFieldRef('cover.jpg', ['---', 'title: T', 'image: cover.jpg', '---'])).toMatchObject({
      kind: 'field',
      target: 'cover.jpg',
      line: 3,
      column: 8,
    });
    expect(findFieldRef('cover.jpg', ['+++', 'image = "cover.jpg"'])).toMatchObject({ line: 2, column: 10 });
    expect(findFieldRef('https://example.org/c.jpg', ['image: https://example.org/c.jpg'])).toBeNull();
    expect(findFieldRef(42, ['image: 42'])).toBeNull();
  });
});

describe('placeRef', () => {
  it('resolves against the release folder and refuses what leaves the archive or is hidden', () => {
    expect(placeRef('2021/a/index.md', 'photo.jpg')).toEqual({ ok: true, path: '2021/a/photo.jpg' });
    expect(placeRef('2021/x.md', '../shared/logo.png')).toEqual({ ok: true, path: 'shared/logo.png' });
    expect(placeRef('2021/x.md', '../../etc/passwd')).toMatchObject({ ok: false, code: 'media-outside' });
    expect(placeRef('2021/x.md', '/etc/passwd')).toMatchObject({ ok: false, code: 'media-outside' });
    expect(placeRef('2021/x.md', 'C:\\photo.jpg')).toMatchObject({ ok: false, code: 'media-outside' });
    expect(placeRef('2021/x.md', '.env')).toMatchObject({ ok: false, code: 'media-hidden' });
    expect(placeRef('2021/x.md', 'a/../../.git/config')).toMatchObject({ ok: false, code: 'media-hidden' });
  });
});

describe('inspectMedia', () => {
  it('finds files, and refuses missing ones, folders and symbolic links out of the archive', () => {
    const dir = mediaArchive();
    const root = path.resolve(dir);
    expect(inspectMedia(root, '2022/images/sredba.jpg')).toMatchObject({
      ok: true,
      bytes: statSync(path.join(dir, '2022/images/sredba.jpg')).size,
    });
    expect(inspectMedia(root, '2022/missing.jpg')).toMatchObject({ ok: false, code: 'media-missing' });
    expect(inspectMedia(root, '2022/images')).toMatchObject({ ok: false, code: 'media-not-file' });
    expect(inspectMedia(root, '2022/linked-out.png')).toMatchObject({ ok: false, code: 'media-outside' });
    mkdirSync(path.join(dir, '.private'));
    writeFileSync(path.join(dir, '.private/key.png'), 'secret');
    symlinkSync('../../.private/key.png', path.join(dir, '2022/images/hidden.png'));
    expect(inspectMedia(root, '2022/images/hidden.png')).toMatchObject({ ok: false, code: 'media-hidden' });
    symlinkSync('sredba.jpg', path.join(dir, '2022/images/inside.jpg'));
    expect(inspectMedia(root, '2022/images/inside.jpg')).toMatchObject({
      ok: true,
      path: '2022/images/inside.jpg',
      absolute: path.join(root, '2022/images/sredba.jpg'),
    });
  });
});

describe('MediaLibrary', () => {
  it('describes each file once: type, size, sha256 and pixel size of PNG, JPEG and SVG', () => {
    const dir = mediaArchive();
    const library = new MediaLibrary(dir);
    const body = readFileSync(path.join(dir, '2021/2021-06-01-opening/index.md'), 'utf8').split('\n---\n')[1];
    const media = library.ofRelease({ path: '2021/2021-06-01-opening/index.md', extra: { image: 'cover.jpg' } }, body);
    expect(media.files.map((f) => [f.path.split('/').pop(), f.type, f.width, f.height])).toEqual([
      ['cover.jpg', 'image/jpeg', 48, 32],
      ['photo.png', 'image/png', 32, 24],
      ['diagram.svg', 'image/svg+xml', 60, 40],
      ['statement.pdf', 'application/pdf', undefined, undefined],
      ['logo.png', 'image/png', 16, 16],
    ]);
    expect(media.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(media.cover).toMatchObject({ file: { path: '2021/2021-06-01-opening/cover.jpg' } });
    const again = library.ofRelease({ path: '2022/x.md', extra: {} }, '![Logo](../shared/logo.png)');
    expect(again.files[0]).toBe(media.files[4]);
    expect(again.cover).toMatchObject({ alt: 'Logo' });
  });
});

describe('sitePathOf', () => {
  it('keeps safe names, and gives other names a slug and a hash that never clash', () => {
    expect(sitePathOf('2021/2021-06-01-opening/photo.png')).toBe('media/2021/2021-06-01-opening/photo.png');
    expect(sitePathOf('2022/програма.pdf')).toMatch(/^media\/2022\/programa-[0-9a-f]{8}\.pdf$/);
    expect(sitePathOf('2022/Photo.JPG')).not.toBe(sitePathOf('2022/photo.jpg'));
    expect(sitePathOf('a/Photo.JPG')).not.toBe(sitePathOf('a/photo.JPG'));
    expect(sitePathOf('a/../../x y.png')).not.toContain('..');
  });
});

describe('linkOrCopy', () => {
  it('hard-links the checked file and refuses one replaced since', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.png'), 'A');
    writeFileSync(path.join(dir, 'b.png'), 'B');
    const a = statSync(path.join(dir, 'a.png'));
    mkdirSync(path.join(dir, 'site'));
    expect(linkOrCopy({ absolute: path.join(dir, 'a.png'), dev: a.dev, ino: a.ino }, path.join(dir, 'site/a.png'))).toBe('linked');
    expect(statSync(path.join(dir, 'site/a.png')).ino).toBe(a.ino);
    expect(() => linkOrCopy({ absolute: path.join(dir, 'b.png'), dev: a.dev, ino: a.ino }, path.join(dir, 'site/b.png'))).toThrow(
      /changed/,
    );
    expect(() => statSync(path.join(dir, 'site/b.png'))).toThrow();
    // Never replaces a file that is there.
    linkSync(path.join(dir, 'b.png'), path.join(dir, 'site/c.png'));
    expect(() => linkOrCopy({ absolute: path.join(dir, 'a.png'), dev: a.dev, ino: a.ino }, path.join(dir, 'site/c.png'))).toThrow();
    expect(readFileSync(path.join(dir, 'site/c.png'), 'utf8')).toBe('B');
  });
});

describe('checkMedia', () => {
  it('reports every media problem of the fixture at its place', () => {
    const dir = mediaArchive();
    const subjects = [
      { path: '2021/2021-06-01-opening/index.md', bodyLine: 7, image: 'cover.jpg' },
      { path: '2022/2022-03-10-sredba-vo-skopje.md', bodyLine: 6, image: undefined },
      { path: '2023/2023-01-20-plain.md', bodyLine: 5, image: undefined },
    ];
    const found = checkMedia(dir, subjects).map((i) => `${i.file}:${i.line ?? ''}:${i.column ?? ''} ${i.severity} ${i.code}`);
    expect(found).toEqual([
      '2021/2021-06-01-opening/index.md:14:5 warning media-no-alt',
      '2022/2022-03-10-sredba-vo-skopje.md:13:32 error media-missing',
      '2022/2022-03-10-sredba-vo-skopje.md:15:9 error media-outside',
      '2022/2022-03-10-sredba-vo-skopje.md:15:42 error media-outside',
      '2022/2022-03-10-sredba-vo-skopje.md:17:17 error media-outside',
      '2021/2021-06-01-opening/notes.txt:: warning media-unreferenced',
    ]);
  });

  it('warns about a file over 20 MB once, and about an image: field that names a missing file', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '2021'));
    writeFileSync(path.join(dir, '2021/big.pdf'), Buffer.alloc(21 * 1024 * 1024));
    writeFileSync(path.join(dir, '2021/a.md'), '---\ntitle: A\ndate: 2021-01-01\nimage: gone.jpg\n---\n[one](big.pdf) [two](big.pdf)\n');
    const issues = checkMedia(dir, [{ path: '2021/a.md', bodyLine: 6, image: 'gone.jpg' }]);
    expect(issues.map((i) => [i.code, i.line, i.column, i.field])).toEqual([
      ['media-missing', 4, 8, 'image'],
      ['media-large', 6, 7, undefined],
    ]);
    expect(issues[1].message).toContain('21.0 MB');
  });
});

describe('idFromPath', () => {
  it('takes the folder name for a release kept as a folder', () => {
    expect(idFromPath('2021/2021-06-01-opening/index.md')).toBe('2021-06-01-opening');
    expect(idFromPath('2021/2021-06-01-opening/INDEX.md')).toBe('2021-06-01-opening');
    expect(idFromPath('index.md')).toBe('index');
    expect(idFromPath('2021/2021-06-01-a.md')).toBe('2021-06-01-a');
  });
});
