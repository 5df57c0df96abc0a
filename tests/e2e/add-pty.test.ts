import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { waitFor } from '../helpers/wait.js';

const BIN = path.resolve(__dirname, '../../bin/releases.js');
const hasTmux = needs('tmux', spawnSync('tmux', ['-V']).status === 0, 'apt-get install -y tmux');
// A server of our own, so the test never touches anyone else's tmux sessions.
const SOCKET = `releases-add-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

afterEach(() => {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

/** Starts `releases add` in a real pseudo-terminal; its stdout and exit code go to files. */
function start(cwd: string, args: string): void {
  const cmd = `env -u EDITOR -u VISUAL LANG=C.UTF-8 ${process.execPath} ${BIN} add ${args} > out.txt; echo $? > rc.txt`;
  tmux('new-session', '-d', '-s', 'add', '-x', '120', '-y', '60', '-c', cwd, cmd);
}

/** What the terminal shows now (nothing once the session has ended). */
const screen = () => spawnSync('tmux', ['-L', SOCKET, 'capture-pane', '-p', '-t', 'add'], { encoding: 'utf8' }).stdout ?? '';

async function screenShows(text: string): Promise<void> {
  let shown = '';
  await waitFor(() => (shown = screen()).includes(text), {
    every: 100,
    failure: () => `the terminal never showed "${text}"; it shows:\n${shown}`,
  });
}

async function exitCode(cwd: string): Promise<number> {
  const file = path.join(cwd, 'rc.txt');
  const rc = await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').trim(), {
    every: 100,
    failure: () => `releases add never ended; the terminal shows:\n${screen()}`,
  });
  return Number(rc);
}

const type = (text: string) => tmux('send-keys', '-t', 'add', '-l', text);
const press = (...keys: string[]) => tmux('send-keys', '-t', 'add', ...keys);

describe.skipIf(!hasTmux)('releases add in a real terminal (tmux)', () => {
  it('walks through the prompts answered in Cyrillic and writes the release', async () => {
    const cwd = fixtureProject('multilingual');
    start(cwd, '');
    const answers: [string, () => unknown][] = [
      ['Title', () => (type('Средба во Охрид за соработка'), press('Enter'))],
      ['Publication date', () => (type('19.10.2018'), press('Enter'))],
      ['Event dates', () => (type('15-18.10.2018'), press('Enter'))],
      ['Event location', () => (type('Охрид'), press('Enter'))],
      ['Partners', () => type('обсе')],
      ['(1 match)', () => (press('Tab'), press('Enter'))],
      ['Other partners', () => (type('Јавно обвинителство'), press('Enter'))],
      ['People', () => (type('Борче Петревски'), press('Enter'))],
      ['Tags', () => (type('соработка, конференција'), press('Enter'))],
      ['Language', () => press('Enter')],
      ['Summary', () => (type('Кратко резиме.'), press('Enter'))],
      ['Text of the release', () => (type('Текст на соопштението.'), press('Enter'), press('Enter'))],
      ['Files to attach', () => press('Enter')],
      ['Write archive/2018/2018-10-19-sredba-vo-ohrid-za-sorabotka.md?', () => press('Enter')],
    ];
    for (const [prompt, act] of answers) {
      await screenShows(prompt);
      act();
    }
    expect(await exitCode(cwd)).toBe(0);
    expect(readFileSync(path.join(cwd, 'out.txt'), 'utf8')).toBe('archive/2018/2018-10-19-sredba-vo-ohrid-za-sorabotka.md\n');
    const text = readFileSync(path.join(cwd, 'archive/2018/2018-10-19-sredba-vo-ohrid-za-sorabotka.md'), 'utf8');
    expect(text).toBe(`---
title: Средба во Охрид за соработка
date: "2018-10-19"
event:
  start: "2018-10-15"
  end: "2018-10-18"
  location: Охрид
partners:
  - OSCE Mission to Skopje
  - Јавно обвинителство
people:
  - Борче Петревски
tags:
  - соработка
  - конференција
lang: mk
summary: Кратко резиме.
---

Текст на соопштението.
`);
  }, 120_000);

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const cwd = fixtureProject('multilingual');
    const mdFiles = () => (readdirSync(path.join(cwd, 'archive'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
    const before = mdFiles();
    start(cwd, '--title "Прекинато" --body x');
    await screenShows('Publication date');
    press('C-c');
    expect(await exitCode(cwd)).toBe(130);
    expect(mdFiles()).toEqual(before);
    expect(readFileSync(path.join(cwd, 'out.txt'), 'utf8')).toBe('');
  }, 60_000);
});
