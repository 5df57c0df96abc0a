import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import { isLangCode, LANG_HINT } from './lang.js';
import { Registry } from './registry.js';
import type { ArchiveSettings, Issue, RegistryPartner } from './types.js';

// The YAML parser is loaded on first use: a search on an unchanged archive takes the
// registry from the index and never needs it (about 0.1 s of start-up saved).
const require = createRequire(import.meta.url);
let yamlModule: typeof YamlModule | undefined;
const yaml = (): typeof YamlModule => (yamlModule ??= require('yaml') as typeof YamlModule);

/** Settings, registry and the problems found in `archive.yml` and `partners.yml`. */
export interface ArchiveConfig {
  settings: ArchiveSettings;
  registry: Registry;
  issues: Issue[];
}

/** Reads the texts of `archive.yml` and `partners.yml` (null: the file is absent, and the defaults hold). */
export function parseArchiveConfig(settingsText: string | null, registryText: string | null): ArchiveConfig {
  const settings = settingsText === null ? { settings: { ...DEFAULT_SETTINGS }, issues: [] } : parseSettings('archive.yml', settingsText);
  const registry = registryText === null ? { registry: new Registry([]), issues: [] } : parseRegistry('partners.yml', registryText);
  return { settings: settings.settings, registry: registry.registry, issues: [...settings.issues, ...registry.issues] };
}

function yamlFile(
  file: string,
  text: string,
): { data: unknown; issues: Issue[]; lc: YamlModule.LineCounter; doc: YamlModule.Document.Parsed } {
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), {
    schema: 'core',
    uniqueKeys: true,
    lineCounter: lc,
    prettyErrors: false,
  });
  const issues: Issue[] = doc.errors.map((e) => {
    const pos = lc.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      column: pos.col,
      severity: 'error',
      code: 'yaml-syntax',
      message: `not valid YAML: ${e.message.split('\n')[0]}`,
      hint: 'fix the YAML at this line',
    };
  });
  let data: unknown = null;
  if (!issues.length) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch {
      issues.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'yaml-aliases',
        message: 'the file expands too many YAML aliases',
        hint: 'write the values out instead of using * aliases',
      });
    }
  }
  return { data, issues, lc, doc };
}

/** Reads `partners.yml`: a map from partner id to `{ name, aliases }`. */
export function parseRegistry(file: string, text: string): { registry: Registry; issues: Issue[] } {
  const { data, issues, lc, doc } = yamlFile(file, text);
  const partners: RegistryPartner[] = [];
  if (issues.length || data === null || data === undefined) return { registry: new Registry([]), issues };
  if (typeof data !== 'object' || Array.isArray(data) || !yaml().isMap(doc.contents)) {
    issues.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'registry-not-map',
      message: 'partners.yml should map partner ids to their names and aliases',
      hint: 'write "osce-skopje:" then "name:" and "aliases:" indented below it',
    });
    return { registry: new Registry([]), issues };
  }
  for (const pair of doc.contents.items) {
    const id = yaml().isScalar(pair.key) ? String(pair.key.value) : '';
    const at = lc.linePos((pair.key as { range?: number[] })?.range?.[0] ?? 0);
    const entry = (data as Record<string, unknown>)[id];
    const bad = (message: string, hint: string, where = at) =>
      issues.push({ file, line: where.line, column: where.col, field: id, severity: 'error', code: 'bad-partner', message, hint });
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      bad(
        `partner id ${JSON.stringify(id)} is not lower-case ASCII letters, digits and dashes: the partner is left out until it is fixed`,
        'ids are used in URLs and file names: write it like osce-skopje',
      );
      // Never registered: the id names the partner's page file, and "../x" would lead out of the site.
      continue;
    }
    const obj = (entry && typeof entry === 'object' && !Array.isArray(entry) ? entry : {}) as Record<string, unknown>;
    // A number is a name too (as in aliases): `name: 1389` reads as the text "1389".
    const name = typeof obj.name === 'string' || typeof obj.name === 'number' ? String(obj.name).trim() || null : null;
    if (!name && obj.name !== undefined && obj.name !== null) {
      const hint = 'write the display name on the line of name:, e.g. name: OSCE Mission to Skopje';
      bad(`the name of partner ${id} is not text`, hint, placeIn(doc, lc, [id, 'name']));
    } else if (!name) bad(`partner ${id} has no name`, 'add name: with the display name under it');
    const rawAliases = obj.aliases === undefined || obj.aliases === null ? [] : Array.isArray(obj.aliases) ? obj.aliases : [obj.aliases];
    const aliases = rawAliases
      .filter((a): a is string | number => typeof a === 'string' || typeof a === 'number')
      .map((a) => String(a).trim())
      .filter(Boolean);
    if (aliases.length !== rawAliases.length) bad(`partner ${id} has an alias that is not text`, 'write aliases as a list of names');
    partners.push({ id, name: name ?? id, aliases });
  }
  return { registry: new Registry(partners), issues };
}

/** The settings of an archive without `archive.yml` (or without a name or lang in it), and those of `init --no-input`. */
export const DEFAULT_SETTINGS: Readonly<ArchiveSettings> = Object.freeze({ name: 'Releases', lang: 'en', baseUrl: null });

/** Reads `archive.yml`: the archive's name, default language and base URL. */
export function parseSettings(file: string, text: string): { settings: ArchiveSettings; issues: Issue[] } {
  const { data, issues, lc, doc } = yamlFile(file, text);
  const obj = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const lang = str(obj.lang);
  if (obj.lang !== undefined && !(lang && isLangCode(lang))) {
    const where = placeIn(doc, lc, ['lang']);
    issues.push({
      file,
      line: where.line,
      column: where.col,
      field: 'lang',
      severity: 'error',
      code: 'bad-lang',
      message: `lang ${JSON.stringify(obj.lang)} is not a language code`,
      hint: `use ${LANG_HINT}`,
    });
  }
  return {
    // A language that is not a code is reported and not used: pages would say lang="macedonian".
    settings: {
      name: str(obj.name) ?? DEFAULT_SETTINGS.name,
      lang: lang && isLangCode(lang) ? lang : DEFAULT_SETTINGS.lang,
      baseUrl: str(obj.base_url),
    },
    issues,
  };
}

/** Where the value at `path` is written in a parsed YAML file (its start when it is not there). */
function placeIn(doc: YamlModule.Document.Parsed, lc: YamlModule.LineCounter, path: string[]): { line: number; col: number } {
  const node = doc.getIn(path, true) as { range?: number[] } | undefined;
  return lc.linePos(node?.range?.[0] ?? 0);
}
