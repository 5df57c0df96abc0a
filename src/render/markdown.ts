import MarkdownIt from 'markdown-it';
import { Recent } from './recent.js';

/**
 * The one Markdown renderer of exports (the JSON `html` field and the site's pages).
 * Raw HTML is off, so nothing in a release can inject markup; markdown-it also refuses
 * `javascript:`, `vbscript:`, `file:` and `data:` (except images) links.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Where the site puts a file a release links to, and what an image needs to be laid out before it loads. */
export interface LinkTarget {
  href: string;
  width?: number;
  height?: number;
  /** Extra attributes of a link (`download` for an SVG, so it is never opened as a page). */
  attrs?: [string, string][];
}

/**
 * Rewrites a release's links and images as they are rendered: a target to point them at,
 * null to drop the link (its text stays) or show an image as its alt text (the file is
 * missing or refused), undefined to leave them as written.
 */
export type LinkRewrite = (href: string, kind: 'image' | 'link') => LinkTarget | null | undefined;

type Env = { rewrite?: LinkRewrite; dropped?: boolean; [key: string]: unknown } | undefined;

const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env: Env, self) => {
  const token = tokens[idx];
  const to = env?.rewrite?.(String(token.attrGet('src') ?? ''), 'image');
  if (to === null)
    return `<span class="media-missing">${md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env ?? {}))}</span>`;
  if (to) {
    token.attrSet('src', to.href);
    if (to.width && to.height) {
      token.attrSet('width', String(to.width));
      token.attrSet('height', String(to.height));
    }
    token.attrSet('loading', 'lazy');
    token.attrSet('decoding', 'async');
  }
  return defaultImage(tokens, idx, options, env ?? {}, self);
};
md.renderer.rules.link_open = (tokens, idx, options, env: Env, self) => {
  const token = tokens[idx];
  const to = env?.rewrite?.(String(token.attrGet('href') ?? ''), 'link');
  // Links do not nest in CommonMark: one flag pairs a dropped opening with its closing.
  if (env) env.dropped = to === null;
  if (to === null) return '';
  if (to) {
    token.attrSet('href', to.href);
    for (const [k, v] of to.attrs ?? []) token.attrSet(k, v);
  }
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.link_close = (tokens, idx, options, env: Env, self) => {
  if (env?.dropped) {
    env.dropped = false;
    return '';
  }
  return self.renderToken(tokens, idx, options);
};

/** Bodies rendered ahead: a page renders its body right after reading it. */
const ahead = new Recent<string>(8);

/**
 * Gives the HTML of `body` rendered elsewhere (on the Markdown thread, markdown-ahead.ts)
 * without a rewrite, for `renderMarkdown` to return instead of rendering it again.
 */
export function offerRendered(body: string, html: string): void {
  ahead.offer(body, html);
}

/** Renders a release body (CommonMark) to sanitised HTML, its local links rewritten by `rewrite` when given. */
export function renderMarkdown(body: string, rewrite?: LinkRewrite): string {
  if (!rewrite) {
    const html = ahead.of(body);
    if (html !== undefined) return html;
  }
  return md.render(body, rewrite ? { rewrite } : {});
}
