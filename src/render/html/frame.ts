import type { SitePlan } from '../../core/export/site-plan.js';
import { absoluteUrl } from './escape.js';
import type { PageFrame } from './layout.js';
import { languageName, ui } from './strings.js';

/** The frame shared by the site's own pages, in the archive's language. */
export function frame(plan: SitePlan, root: string, title: string, rel: string, baseUrl: string | null): PageFrame {
  const lang = plan.settings.lang;
  return {
    lang,
    t: ui(lang),
    root,
    title,
    siteName: plan.settings.name,
    siteLang: lang,
    canonical: baseUrl ? absoluteUrl(baseUrl, rel) : undefined,
    feeds: plan.langs.map((l) => ({
      href: `${root}feeds/${l}.xml`,
      type: 'application/atom+xml',
      title: `${plan.settings.name} (${languageName(l)})`,
    })),
    og: [
      ['og:type', 'website'],
      ['og:title', title],
      ['og:site_name', plan.settings.name],
    ],
  };
}
