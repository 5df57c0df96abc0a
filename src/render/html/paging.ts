import { esc } from './escape.js';
import type { UiStrings } from './strings.js';

/**
 * Pagination of the long lists (year and partner pages). A year held 2.8 MB of HTML at
 * 100k releases; at PAGE_SIZE releases a page no list page passes ~50 KB.
 *
 * Paths are fixed by the list and the page number only, so exports stay deterministic and
 * links into the site keep working: page 1 keeps the old address (`years/2015.html`), later
 * pages go in a folder of the same name (`years/2015/2.html`, `years/2015/3.html`).
 */
export const PAGE_SIZE = 100;

/** How many pages a list of `n` releases takes (an empty list still has its one page). */
export function pageCount(n: number): number {
  return Math.max(1, Math.ceil(n / PAGE_SIZE));
}

/** The file of page `n` (1-based) of the list whose first page is `<base>.html`. */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? `${base}.html` : `${base}/${n}.html`;
}

/** The releases on page `n` (1-based). */
export function pageItems<T>(items: T[], n: number): T[] {
  return items.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
}

/** `''`, `'../'`, `'../../'`: from a file of the site back to its root. */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/** The page numbers a pager shows: the first, the last and two on each side of the current one; 0 is a gap. */
export function pagerNumbers(current: number, total: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 2) out.push(n);
    else if (out[out.length - 1] !== 0) out.push(0);
  }
  return out;
}

/** `rel="prev"`/`"next"` targets of page `n`, as hrefs relative to that page. */
export function pageRels(base: string, n: number, total: number): { rel: 'prev' | 'next'; href: string }[] {
  const root = rootOf(pagePath(base, n));
  const out: { rel: 'prev' | 'next'; href: string }[] = [];
  if (n > 1) out.push({ rel: 'prev', href: root + pagePath(base, n - 1) });
  if (n < total) out.push({ rel: 'next', href: root + pagePath(base, n + 1) });
  return out;
}

/** The visible pager: newer, the page numbers (current one marked), older. Nothing for one page. */
export function pagerNav(base: string, n: number, total: number, t: UiStrings): string {
  if (total <= 1) return '';
  const root = rootOf(pagePath(base, n));
  const link = (k: number) => esc(root + pagePath(base, k));
  const numbers = pagerNumbers(n, total).map((k) =>
    k === 0
      ? '<li class="gap" aria-hidden="true">…</li>'
      : k === n
        ? `<li><a href="${link(k)}" aria-current="page">${k}</a></li>`
        : `<li><a href="${link(k)}" aria-label="${esc(t.pageOf(k, total))}">${k}</a></li>`,
  );
  const prev = n > 1 ? `<a href="${link(n - 1)}" rel="prev">← ${esc(t.newer)}</a>` : '';
  const next = n < total ? `<a href="${link(n + 1)}" rel="next">${esc(t.older)} →</a>` : '';
  return `<nav class="pagination" aria-label="${esc(t.pages)}">${prev}<ol>${numbers.join('')}</ol>${next}</nav>`;
}
