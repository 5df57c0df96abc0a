/** Escaping for every value that goes into a page: nothing from a release is ever markup. */

const MARKUP = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for quoted attribute values. */
export function esc(value: string | number): string {
  const text = String(value);
  // Most values have nothing to escape: one test, no replace.
  return MARKUP.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]) : text;
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` written as
 * `\u003c`…, so no value can close the element; U+2028/2029 too, for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An `href` that only ever points at pages of the site or at the configured base URL. */
export function href(url: string): string {
  return esc(url);
}

/** Joins a base URL and a site path (`https://x.org/site/` + `r/a.html`). */
export function absoluteUrl(base: string, rel: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${rel}`;
}
