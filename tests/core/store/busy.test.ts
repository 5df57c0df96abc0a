import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBusy, retryWhileBusy } from '../../../src/core/store/busy.js';
import { openIndexDb } from '../../../src/core/store/open.js';
import { loadBetterSqlite } from '../../../src/core/store/sqlite.js';
import { tempDir } from '../../helpers/cli.js';

const ROOT = path.resolve(__dirname, '../../..');
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

/** A clock that moves `step` ms each time it is read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('retryWhileBusy', () => {
  it('runs the step again while SQLite answers SQLITE_BUSY, then returns its value', () => {
    let calls = 0;
    const value = retryWhileBusy(() => {
      if (++calls < 4) throw busy();
      return 'opened';
    }, 1000);
    expect(value).toBe('opened');
    expect(calls).toBe(4);
  });

  it('throws any other error at once', () => {
    let calls = 0;
    const step = () => {
      calls++;
      throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
    };
    expect(() => retryWhileBusy(step, 1000)).toThrow('file is not a database');
    expect(calls).toBe(1);
  });

  it('gives up with the last SQLITE_BUSY once the wait is over', () => {
    let calls = 0;
    const step = () => {
      calls++;
      throw busy();
    };
    let thrown: unknown;
    try {
      retryWhileBusy(step, 100, ticking(30));
    } catch (e) {
      thrown = e;
    }
    expect(isBusy(thrown)).toBe(true);
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(5);
  });
});

/** Another process holding the rollback-journal write lock of `file` for `holdMs`; resolves once it holds it. */
function holdWriteLock(file: string, holdMs: number): Promise<{ done: Promise<number> }> {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
db.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1)'); console.log('locked');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done }));
    child.once('error', reject);
    done.then((code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
  });
}

describe('opening the index while another process writes its new file', () => {
  it('waits for the lock instead of failing at once on the switch to WAL', async () => {
    const Sqlite = (await loadBetterSqlite())!;
    const file = path.join(tempDir(), 'index.sqlite');
    const seed = new Sqlite(file);
    seed.exec('CREATE TABLE t (x)');
    seed.close();
    // SQLite answers this switch with SQLITE_BUSY at once, without its busy handler.
    const holder = await holdWriteLock(file, 300);
    const { db } = openIndexDb(Sqlite, file, 10_000);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect(await holder.done).toBe(0);
  });
});
