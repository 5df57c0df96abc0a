import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** A file a release points at: an image or link in its body, or its `image:` field. */
export interface MediaRef {
  /** `image` (`![alt](x)`), `link` (`[text](x)`) or `field` (`image:` in the front matter). */
  kind: 'image' | 'link' | 'field';
  /** The URL as the renderer sees it (markdown-it's normalised form): the key to rewrite it by. */
  href: string;
  /** The path it names: percent-decoding undone, without `?query` or `#fragment`. */
  target: string;
  /** The alt text of an image (`''` when it has none), null for links and fields. */
  alt: string | null;
  /** 1-based line and column in the release file. */
  line: number;
  column: number;
}

// The parser of src/render/markdown.ts, with the same options, so both see the same links.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** A link destination or reference definition that may be a local path (no scheme, `//` or `#`). */
const MAYBE_LOCAL = /\]\(\s*<?(?![\s<)#]|[a-z][a-z0-9+.-]*:|\/\/)|\]:\s*<?(?![\s<#]|[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The local path an href names, or null for a URL with a scheme, `//host`, `#fragment` or `?query` alone. */
export function localTarget(href: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || SCHEME.test(trimmed) || trimmed.startsWith('//')) return null;
  const bare = trimmed.replace(/[?#][\s\S]*$/, '');
  if (!bare) return null;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/** Where `needle` first appears in `lines` from (line, column) on, 0-based. */
function find(
  lines: string[],
  needle: string,
  from: { line: number; column: number },
  endLine: number,
): { line: number; column: number } | null {
  if (!needle) return null;
  for (let l = from.line; l < Math.min(endLine, lines.length); l++) {
    const at = lines[l].indexOf(needle, l === from.line ? from.column : 0);
    if (at >= 0) return { line: l, column: at };
  }
  return null;
}

function altOf(token: Token): string {
  return (token.children ?? [])
    .map((c) => c.content)
    .join('')
    .trim();
}

/**
 * The local files a Markdown body refers to, in the order they appear, found through
 * markdown-it's tokens (so code spans, code blocks and escaped brackets are never taken
 * for links). Each is placed at its destination's line and column in the file; `bodyLine`
 * is the file line where the body starts. Links to other `.md` files are links between
 * releases, not media, and are left out.
 */
export function findBodyRefs(body: string, bodyLine: number): MediaRef[] {
  // Most bodies hold no link, or only links to the web: skip the parse.
  if (!MAYBE_LOCAL.test(body)) return [];
  const lines = body.split('\n');
  const refs: MediaRef[] = [];
  for (const block of md.parse(body, {})) {
    if (block.type !== 'inline' || !block.children || !block.map) continue;
    const [start, end] = block.map;
    let cursor = { line: start, column: 0 };
    for (const token of block.children) {
      const isImage = token.type === 'image';
      if (!isImage && token.type !== 'link_open') continue;
      const href = String(token.attrGet(isImage ? 'src' : 'href') ?? '');
      const target = localTarget(href);
      if (target === null || (!isImage && /\.(md|markdown)$/i.test(target)) || target.endsWith('/')) continue;
      // The destination as written: decoded, encoded, or (a reference definition) elsewhere in the body.
      const at = find(lines, target, cursor, end) ??
        find(lines, href, cursor, end) ??
        find(lines, target, { line: 0, column: 0 }, lines.length) ??
        find(lines, href, { line: 0, column: 0 }, lines.length) ?? { line: start, column: 0 };
      if (at.line < end) cursor = { line: at.line, column: at.column + 1 };
      refs.push({
        kind: isImage ? 'image' : 'link',
        href,
        target,
        alt: isImage ? altOf(token) : null,
        line: bodyLine + at.line,
        column: at.column + 1,
      });
    }
  }
  return refs;
}

/**
 * The reference an `image:` front-matter field makes, placed at the field's value: `lines`
 * are the file's lines up to the body. Null when the field is not text or names a URL.
 */
export function findFieldRef(image: unknown, lines: string[]): MediaRef | null {
  if (typeof image !== 'string') return null;
  const target = localTarget(image);
  if (target === null) return null;
  let line = 1;
  let column = 1;
  const at = lines.findIndex((l) => /^\s*["']?image["']?\s*[:=]/.test(l));
  if (at >= 0) {
    line = at + 1;
    const value = lines[at].indexOf(image.trim());
    column = value >= 0 ? value + 1 : 1;
  }
  return { kind: 'field', href: image, target, alt: null, line, column };
}
