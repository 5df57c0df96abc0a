import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type ArchiveConfig, parseArchiveConfig } from '../config.js';
import { Registry, type SavedRegistry } from '../registry.js';
import type { ArchiveSettings, Issue, RegistryPartner } from '../types.js';
import type { ArchiveIndex } from './store.js';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The archive's settings and partner registry, with their problems (for `check`, and for read commands to name). */
export function readArchiveConfig(dir: string): ArchiveConfig {
  const settingsText = readText(path.join(dir, 'archive.yml'));
  const registryText = readText(path.join(dir, 'partners.yml'));
  return parseArchiveConfig(settingsText, registryText);
}

/** What the index keeps of the settings and registry (meta 'config'). */
interface CachedConfig {
  stamp: string;
  settings: ArchiveSettings;
  partners: RegistryPartner[];
  /** Absent in rows written before it was kept: then the files are read again. */
  names?: SavedRegistry;
  issues: Issue[];
}

/**
 * The settings and registry through the index: parsing a registry of a few hundred
 * partners with the YAML parser costs more than a whole search, so the result is kept in
 * the index, its names folded, and used while both files keep their size and mtime.
 */
export function cachedArchiveConfig(index: ArchiveIndex, dir: string): ArchiveConfig {
  const stamp = ['archive.yml', 'partners.yml']
    .map((f) => {
      const st = statSync(path.join(dir, f), { throwIfNoEntry: false });
      return st ? `${st.size}:${st.mtimeMs}` : '-';
    })
    .join(' ');
  const row = index.db.prepare("SELECT value FROM meta WHERE key = 'config'").pluck().get() as string | undefined;
  if (row) {
    const saved = JSON.parse(row) as CachedConfig;
    if (saved.stamp === stamp && saved.names)
      return { settings: saved.settings, registry: new Registry(saved.partners, saved.names), issues: saved.issues };
  }
  const config = readArchiveConfig(dir);
  const { settings, registry, issues } = config;
  const value = JSON.stringify({ stamp, settings, partners: registry.partners, names: registry.saved(), issues } satisfies CachedConfig);
  index.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('config', ?)").run(value);
  return config;
}
