import MarkdownIt from 'markdown-it';

/**
 * The one Markdown renderer of exports (the JSON `html` field and the site's pages).
 * Raw HTML is off, so nothing in a release can inject markup; markdown-it also refuses
 * `javascript:`, `vbscript:`, `file:` and `data:` (except images) links.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Renders a release body (CommonMark) to sanitised HTML. */
export function renderMarkdown(body: string): string {
  return md.render(body);
}
