// The Eleventy peer of the benchmarks: the same minimal site as bench/hugo-site.js, built
// from a release archive in place. One page per release (layout `release.njk`) and one list
// page of every release, newest first. Run by bench/run.js as:
//
//   npx @11ty/eleventy --config=bench/eleventy/eleventy.config.js --input=ARCHIVE --output=OUT --quiet
//
// Layouts and the list page are virtual templates (Eleventy 3), so nothing is written into
// the archive. Front matter is read with js-yaml in `json` mode: a duplicate key keeps its
// last value instead of stopping the build (13 digitalgov files have one), as `releases`
// and Hugo also go on; a date string with a time and zone keeps its day. Markdown is not run through Liquid first (plain content, as Hugo).
import yaml from 'js-yaml';

const RELEASE = `<!doctype html>
<html lang="{{ lang or 'mk' }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} – Bench archive</title></head>
<body>
<main>
<h1>{{ title }}</h1>
<p><time>{{ page.date.toISOString().slice(0, 10) }}</time>
{%- if event %} · {{ event.start }}{% if event.end %}–{{ event.end }}{% endif %}{% if event.location %}, {{ event.location }}{% endif %}{% endif %}</p>
{% if partners %}<ul class="partners">{% for p in partners %}<li>{{ p }}</li>{% endfor %}</ul>{% endif %}
{% if people %}<p class="people">{{ people | join(", ") }}</p>{% endif %}
{% if tags %}<p class="tags">{{ tags | join(", ") }}</p>{% endif %}
{{ content | safe }}
</main>
</body>
</html>
`;

const LIST = `<!doctype html>
<html lang="mk">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench archive</title></head>
<body>
<main>
<h1>Bench archive</h1>
<ul>
{%- for r in collections.release | reverse %}
<li><a href="{{ r.url }}">{{ r.data.title }}</a> <time>{{ r.date.toISOString().slice(0, 10) }}</time></li>
{%- endfor %}
</ul>
</main>
</body>
</html>
`;

export default function (eleventyConfig) {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text) => {
        const data = yaml.load(text, { json: true }) ?? {};
        // Eleventy refuses dates such as digitalgov's `2025-01-02 00:00:00 -0500`: keep the day.
        const day = typeof data.date === 'string' && /^\d{4}-\d{2}-\d{2}/.exec(data.date);
        if (day) data.date = day[0];
        return data;
      },
    },
  });
  // Every Markdown file is a release (Eleventy's collections.all sorted by date).
  eleventyConfig.addCollection('release', (api) => api.getAllSorted().filter((p) => p.inputPath.endsWith('.md')));
  eleventyConfig.addGlobalData('layout', 'release.njk');
  eleventyConfig.addTemplate('_includes/release.njk', RELEASE);
  eleventyConfig.addTemplate('bench-index.njk', LIST, { layout: false, permalink: '/index.html', eleventyExcludeFromCollections: true });
  eleventyConfig.ignores.add('**/_*/**');
  return {
    templateFormats: ['md', 'njk'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
