import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, tempDir } from '../helpers/cli.js';

const ROOT = path.resolve(__dirname, '../..');

describe('the npm package', () => {
  it('installs from its tarball into an empty folder and runs, even without native modules', () => {
    const packDir = tempDir('releases-pack-');
    execFileSync('npm', ['pack', '--pack-destination', packDir, '--silent'], { cwd: ROOT, stdio: 'pipe' });
    const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
    const app = tempDir('releases-app-');
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    // --ignore-scripts: no native build of better-sqlite3 (minutes on CI); the tool must then
    // work without it, as it must wherever npm refuses to run install scripts.
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', path.join(packDir, tgz)], {
      cwd: app,
      stdio: 'pipe',
    });
    const help = spawnSync('npx', ['--no-install', 'releases', '--help'], { cwd: app, encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: releases');
    const project = fixtureProject('multilingual');
    const list = spawnSync(path.join(app, 'node_modules/.bin/releases'), ['list', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(5);
    const site = path.join(tempDir('releases-site-'), 'site');
    const exported = spawnSync(path.join(app, 'node_modules/.bin/releases'), ['export', '--format', 'html', '--out', site], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(exported.status, exported.stderr).toBe(0);
    expect(readdirSync(path.join(site, 'assets')).sort()).toEqual(['events.css', 'search-engine.js', 'search.js', 'site.css']);
    expect(existsSync(path.join(app, 'node_modules/releases/docs/release-entry.schema.json'))).toBe(true);
  }, 300_000);
});
