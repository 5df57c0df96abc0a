// A minimal Hugo site over a generated release archive, so the benchmarks can time Hugo on
// the same files as `releases`:
//
//   import { prepareHugoSite } from './hugo-site.js';
//   const site = prepareHugoSite({ archive: '/tmp/bench-1k', dir: '/tmp/bench-1k-hugo' });
//   // hugo list all --source <site.dir>        one CSV line per release
//   // hugo --quiet --source <site.dir>         builds <site.dir>/public
//
// or from a shell: `node bench/hugo-site.js ARCHIVE_DIR SITE_DIR`.
//
// The site reads the archive in place (hugo.toml's contentDir is the archive's absolute
// path; no copy, no symlink). It builds one page per release and list pages (the home page
// lists every release, newest first; each year folder is a section with its own list), and
// nothing else: no taxonomies, RSS, sitemap or robots.txt. buildFuture and buildExpired are
// on so Hugo drops no release for its date; archive.yml, partners.yml and dot-files are
// ignored. Written for the Debian package's Hugo 0.111 (works with later versions too).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SINGLE = `<!doctype html>
<html lang="{{ with .Params.lang }}{{ . }}{{ else }}{{ site.LanguageCode }}{{ end }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title></head>
<body>
<main>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
{{- with .Params.event }} · {{ .start }}{{ with .end }}–{{ . }}{{ end }}{{ with .location }}, {{ . }}{{ end }}{{ end }}</p>
{{ with .Params.partners }}<ul class="partners">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.people }}<p class="people">{{ delimit . ", " }}</p>{{ end }}
{{ with .Params.tags }}<p class="tags">{{ delimit . ", " }}</p>{{ end }}
{{ .Content }}
</main>
</body>
</html>
`;

const LIST = `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title></head>
<body>
<main>
<h1>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }}{{ end }}</h1>
<ul>
{{ range (cond .IsHome site.RegularPages .Pages).ByDate.Reverse -}}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end -}}
</ul>
</main>
</body>
</html>
`;

const tomlString = (s) => JSON.stringify(s); // a JSON string is a valid TOML basic string

/**
 * Writes a Hugo site into `dir` (created if missing; files it writes are overwritten) whose
 * content is the archive in `archive`. Returns { dir, config, publishDir }.
 */
export function prepareHugoSite({ archive, dir, title = 'Bench archive', lang = 'mk' }) {
  const content = path.resolve(archive);
  if (!fs.existsSync(content)) throw new Error(`archive folder not found: ${content}`);
  const site = path.resolve(dir);
  fs.mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
  const config = [
    'baseURL = "http://example.org/"',
    `title = ${tomlString(title)}`,
    `languageCode = ${tomlString(lang)}`,
    `defaultContentLanguage = ${tomlString(lang)}`,
    `contentDir = ${tomlString(content)}`,
    'publishDir = "public"',
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
    'buildFuture = true',
    'buildExpired = true',
    'buildDrafts = false',
    'enableGitInfo = false',
    'ignoreFiles = ["\\\\.yml$", "\\\\.json$"]',
    '',
    '[markup.goldmark.renderer]',
    'unsafe = false',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(site, 'hugo.toml'), config);
  fs.writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), SINGLE);
  fs.writeFileSync(path.join(site, 'layouts', '_default', 'list.html'), LIST);
  return { dir: site, config: path.join(site, 'hugo.toml'), publishDir: path.join(site, 'public') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [archive, dir] = process.argv.slice(2);
  if (!archive || !dir) {
    process.stderr.write('usage: node bench/hugo-site.js ARCHIVE_DIR SITE_DIR\n');
    process.exit(2);
  }
  try {
    const site = prepareHugoSite({ archive, dir });
    process.stdout.write(site.dir + '\n');
  } catch (e) {
    process.stderr.write(`hugo-site: ${e.message}\n`);
    process.exit(1);
  }
}
