import { distance } from './distance.js';
import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import { foldName, nameMatches } from './fold.js';
import { isLangCode, LANG_HINT } from './lang.js';
import type { ArchiveSettings, Issue, RegistryPartner } from './types.js';

// The YAML parser is loaded on first use: a search on an unchanged archive takes the
// registry from the index and never needs it (about 0.1 s of start-up saved).
const require = createRequire(import.meta.url);
let yamlModule: typeof YamlModule | undefined;
const yaml = (): typeof YamlModule => (yamlModule ??= require('yaml') as typeof YamlModule);

/** The partner registry with lookups by any name, alias or id, in any script. */
export class Registry {
  private readonly byKey = new Map<string, RegistryPartner>();
  private byWord: Map<string, RegistryPartner> | undefined;

  constructor(readonly partners: RegistryPartner[]) {
    for (const p of partners) {
      for (const name of [p.id, p.name, ...p.aliases]) {
        const key = foldName(name);
        if (key && !this.byKey.has(key)) this.byKey.set(key, p);
      }
    }
  }

  /** The partner one folded word stands for on its own (see `abbreviations`); built on first use. */
  partnerOfWord(word: string): RegistryPartner | undefined {
    this.byWord ??= abbreviations(this.partners);
    return this.byWord.get(word);
  }

  get isEmpty(): boolean {
    return this.partners.length === 0;
  }

  /** The registry partner a name written in a release stands for, if any. */
  resolve(name: string): RegistryPartner | undefined {
    return this.byKey.get(foldName(name));
  }

  /** The partners a search term means: exact names first, else partial matches. */
  lookup(term: string): RegistryPartner[] {
    const exact = this.resolve(term);
    if (exact) return [exact];
    return this.partners.filter((p) => [p.id, p.name, ...p.aliases].some((n) => nameMatches(n, term)));
  }

  /** The registry name closest to an unknown one, for "did you mean". */
  suggest(name: string): RegistryPartner | undefined {
    const key = foldName(name);
    let best: { p: RegistryPartner; d: number } | undefined;
    for (const [k, p] of this.byKey) {
      const d = distance(key, k);
      if (!best || d < best.d) best = { p, d };
    }
    if (best && best.d <= Math.max(2, Math.floor(key.length / 4))) return best.p;
    return this.lookup(name)[0];
  }
}

// Function words and generic words of partner names that never name one partner alone.
const NAME_STOP_WORDS = new Set(['the', 'and', 'for', 'dhe', 'per', 'nga', 'mission', 'misioni', 'misija', 'misijata']);

/**
 * Words that name a partner on their own although they are only part of a longer name: the
 * abbreviations written inside a name (`OSBE` in `Misioni i OSBE-së në Shkup`, `KShZ`,
 * `ДИК`), folded. A word counts when it has 3+ letters, two or more capitals and at least
 * as many capitals as small letters, in a name not written all in capitals, and no other
 * partner's names hold it. Other words of a name (`Skopje`, `mission`, `i`) name places and
 * kinds of bodies shared by many partners, so they are not expanded.
 */
function abbreviations(partners: RegistryPartner[]): Map<string, RegistryPartner> {
  const owner = new Map<string, RegistryPartner | null>(); // null: words of several partners
  for (const p of partners) {
    for (const name of [p.id, p.name, ...p.aliases]) {
      for (const w of foldName(name).split(' ')) owner.set(w, owner.has(w) && owner.get(w) !== p ? null : p);
    }
  }
  const out = new Map<string, RegistryPartner>();
  for (const p of partners) {
    for (const name of [p.name, ...p.aliases]) {
      const words = name.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length < 2 || name === name.toUpperCase()) continue;
      for (const w of words) {
        const capitals = w.match(/\p{Lu}/gu)?.length ?? 0;
        const key = foldName(w);
        if (w.length >= 3 && capitals >= 2 && capitals * 2 >= w.length && !NAME_STOP_WORDS.has(key) && owner.get(key) === p)
          out.set(key, p);
      }
    }
  }
  return out;
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
    const bad = (message: string, hint: string) =>
      issues.push({ file, line: at.line, column: at.col, field: id, severity: 'error', code: 'bad-partner', message, hint });
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      bad(
        `partner id ${JSON.stringify(id)} is not lower-case ASCII letters, digits and dashes: the partner is left out until it is fixed`,
        'ids are used in URLs and file names: write it like osce-skopje',
      );
      // Never registered: the id names the partner's page file, and "../x" would lead out of the site.
      continue;
    }
    const obj = (entry && typeof entry === 'object' && !Array.isArray(entry) ? entry : {}) as Record<string, unknown>;
    const name = typeof obj.name === 'string' && obj.name.trim() ? obj.name.trim() : null;
    if (!name) bad(`partner ${id} has no name`, 'add name: with the display name under it');
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
  const { data, issues } = yamlFile(file, text);
  const obj = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const lang = str(obj.lang);
  if (obj.lang !== undefined && !(lang && isLangCode(lang))) {
    issues.push({
      file,
      line: 1,
      column: 1,
      field: 'lang',
      severity: 'error',
      code: 'bad-lang',
      message: `lang ${JSON.stringify(obj.lang)} is not a language code`,
      hint: `use ${LANG_HINT}`,
    });
  }
  return {
    settings: { name: str(obj.name) ?? DEFAULT_SETTINGS.name, lang: lang ?? DEFAULT_SETTINGS.lang, baseUrl: str(obj.base_url) },
    issues,
  };
}
