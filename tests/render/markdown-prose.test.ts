import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';

// markdown-it as the renderer sets it up, without the shortcut for prose.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Mostly the marks of prose, with a few characters that start Markdown, to test the guard too.
const PROSE = ['a', 'Б', 'ë', 'é', '1', '9', ' ', ' ', '\n', '\n', '-', '.', ',', ':', ';', '?', '(', ')', '"', "'", '/', '%', '„', '“', '–', '…', '«'];
// Other characters: spaces markdown-it trims, line separators, controls, astral and lone surrogates.
const OTHER = ['\u00a0', '\u2028', '\u2029', '\u3000', '\u0085', '\ufeff', '\u200b', '\u180e', '\u1680', '\u2000', '\u202f', '\u205f', '×', '😀', '\ud83d', '\ude00', '\u0301', '١', '\u000b', '\u000c'];
const MARKUP = ['#', '*', '_', '[', ']', '<', '>', '&', '\t', '=', '+', '`', '~', '|', '\\', '!', '\u00a0', '\r', '\u0000', '{', '😀'];

describe('prose bodies rendered without the parser', () => {
  it('give the bytes markdown-it gives, for any text of prose marks and a few others', () => {
    const unit = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.constantFrom(...MARKUP) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER) });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 120 }).map((units) => units.join('')), (body) => {
        expect(renderMarkdown(body)).toBe(md.render(body, {}));
      }),
      { numRuns: 20_000 },
    );
  });

  it('give the bytes markdown-it gives, for any text of prose marks only', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROSE), { maxLength: 80 }).map((units) => units.join('')), (body) => {
        expect(renderMarkdown(body)).toBe(md.render(body, {}));
      }),
      { numRuns: 20_000 },
    );
  });

  it('give paragraphs, quotes escaped, for plain prose', () => {
    const body = 'Скопје, 3 декември – Заменик-министерот рече „да“.\nВтор ред.\n\n\n"Цитат" (2019)\n';
    expect(renderMarkdown(body)).toBe('<p>Скопје, 3 декември – Заменик-министерот рече „да“.\nВтор ред.</p>\n<p>&quot;Цитат&quot; (2019)</p>\n');
    expect(renderMarkdown(body)).toBe(md.render(body, {}));
  });

  it('leave lists, headings, setext underlines, indented code and hard breaks to markdown-it', () => {
    for (const body of ['- a\n- b', 'Title\n-', 'Title\n---', '1. one', '2019. year', '    code', 'line  \nbreak', 'a -b', 'x\n -y', ''])
      expect(renderMarkdown(body), JSON.stringify(body)).toBe(md.render(body, {}));
  });
});
