import { esc, jsonForScript } from './escape.js';
import type { UiStrings } from './strings.js';
import { searchStrings } from './search-strings.js';

/** What one page needs besides its main content. */
export interface PageFrame {
  /** The language of the page's content (`<html lang>`). */
  lang: string;
  /** The site's words used around the content; marked with their own `lang` when it differs. */
  t: UiStrings;
  title: string;
  siteName: string;
  /** The language the site's name is written in (the archive's). */
  siteLang: string;
  /** `''` for pages at the site root, `'../'` one folder down. */
  root: string;
  description?: string;
  /** Absolute URL of this page, when the site has a base URL. */
  canonical?: string;
  /** `rel="prev"`/`"next"` of a paginated list. */
  links?: { rel: string; href: string }[];
  /** Other language versions: `<link rel="alternate" hreflang>`. */
  alternates?: { lang: string; href: string }[];
  /** Extra `<meta property>` pairs (Open Graph). */
  og?: [string, string][];
  /** Extra `<meta name>` pairs (Twitter cards). */
  meta?: [string, string][];
  jsonLd?: unknown;
  /** Feeds to advertise in `<head>`. */
  feeds?: { href: string; type: string; title: string }[];
  /** Stylesheets besides the site's own, relative to the site root. */
  styles?: string[];
  /** Scripts of the site (never inline: the CSP allows `'self'` only). */
  scripts?: string[];
}

/** The CSP of every page: nothing but the site's own files, no inline script or style. */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

/** A whole HTML page: head, skip link, banner, navigation, main content and footer. */
export function page(f: PageFrame, main: string): string {
  const [before, after] = pageAround(f);
  return before + main + after;
}

/** A page as pieces, for pages too long to build as one string (see src/core/export/utf8.ts). */
export function* pageChunks(f: PageFrame, ...main: Iterable<string>[]): Generator<string> {
  const [before, after] = pageAround(f);
  yield before;
  for (const part of main) yield* part;
  yield after;
}

/** The text of a page before and after its main content. */
function pageAround(f: PageFrame): [string, string] {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(f.title)}</title>`,
    f.description ? `<meta name="description" content="${esc(f.description)}">` : '',
    f.canonical ? `<link rel="canonical" href="${esc(f.canonical)}">` : '',
    ...(f.links ?? []).map((l) => `<link rel="${esc(l.rel)}" href="${esc(l.href)}">`),
    ...(f.alternates ?? []).map((a) => `<link rel="alternate" hreflang="${esc(a.lang)}" href="${esc(a.href)}">`),
    ...(f.feeds ?? []).map((x) => `<link rel="alternate" type="${esc(x.type)}" title="${esc(x.title)}" href="${esc(x.href)}">`),
    ...(f.og ?? []).map(([k, v]) => `<meta property="${esc(k)}" content="${esc(v)}">`),
    ...(f.meta ?? []).map(([k, v]) => `<meta name="${esc(k)}" content="${esc(v)}">`),
    `<link rel="stylesheet" href="${esc(f.root)}assets/site.css">`,
    ...(f.styles ?? []).map((s) => `<link rel="stylesheet" href="${esc(f.root + s)}">`),
    f.jsonLd ? `<script type="application/ld+json">${jsonForScript(f.jsonLd)}</script>` : '',
    ...(f.scripts ?? []).map((s) => `<script src="${esc(f.root + s)}" defer></script>`),
  ].filter(Boolean);
  const [banner, after] = frameText(f);
  const before = `<!doctype html>
<html lang="${esc(f.lang)}">
<head>
${head.join('\n')}
</head>
${banner}`;
  return [before, after];
}

/** The banner (after `<head>`) and footer of pages sharing these words, language, root and site name: made once each. */
const frames = new WeakMap<UiStrings, Map<string, [string, string]>>();

function frameText(f: PageFrame): [string, string] {
  let byKey = frames.get(f.t);
  if (!byKey) frames.set(f.t, (byKey = new Map()));
  const key = `${f.lang}\0${f.siteLang}\0${f.root}\0${f.siteName}`;
  let made = byKey.get(key);
  if (!made) {
    const uiLang = f.t.lang === f.lang ? '' : ` lang="${esc(f.t.lang)}"`;
    made = [
      `<body>
<a class="skip" href="#main"${uiLang}>${esc(f.t.skip)}</a>
<header class="banner"${uiLang}>
<p class="site-name"${f.siteLang === (f.t.lang === f.lang ? f.lang : f.t.lang) ? '' : ` lang="${esc(f.siteLang)}"`}><a href="${esc(f.root)}index.html">${esc(f.siteName)}</a></p>
<nav aria-label="${esc(f.t.home)}"><ul>
<li><a href="${esc(f.root)}index.html">${esc(f.t.allReleases)}</a></li>
<li><a href="${esc(f.root)}years/index.html">${esc(f.t.years)}</a></li>
<li><a href="${esc(f.root)}partners/index.html">${esc(f.t.partners)}</a></li>
<li><a href="${esc(f.root)}events/index.html">${esc(f.t.events)}</a></li>
</ul></nav>
<form role="search" class="site-search" action="${esc(f.root)}search.html" method="get"><label for="site-q" class="visually-hidden">${esc(f.t.searchLabel)}</label><input type="search" id="site-q" name="q" autocomplete="off" spellcheck="false" placeholder="${esc(searchStrings(f.t.lang).title)}"><button type="submit">${esc(searchStrings(f.t.lang).go)}</button></form>
</header>
<main id="main" tabindex="-1">
`,
      `
</main>
<footer class="site-footer"${uiLang}>
<p><a href="${esc(f.root)}feeds/index.html">${esc(f.t.feeds)}</a></p>
</footer>
</body>
</html>
`,
    ];
    if (byKey.size > 1000) byKey.clear();
    byKey.set(key, made);
  }
  return made;
}
