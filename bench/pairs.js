// Goals compare ours with a peer. Timed one case after the other, a drift of the machine's
// speed (other work, the page cache, a CPU's clock) lands on one side only; timed in turns,
// A B A B …, each pair sees the same machine, and the ratio of each pair is what we quote.

import { median, runOnce } from './measure.js';

const ratio = (a, b) => (a != null && b ? a / b : null);

/**
 * Runs case `a` and case `b` in turns, `rounds` times after one untimed turn, each run after
 * its case's `setup()` and followed by its `after()`. Returns the medians of the ratios a/b
 * of each pair (wall and CPU) with their spread, or { ok: false, error } when a run failed.
 */
export async function measurePair(a, b, { rounds = 3, budget = 120 } = {}) {
  const walls = [];
  const cpus = [];
  let spent = 0;
  for (let i = 0; i <= rounds && walls.length < rounds; i++) {
    const pair = [];
    for (const c of [a, b]) {
      if (c.setup) await c.setup();
      const r = await runOnce(c);
      if (c.after) await c.after(r);
      if (r.code !== 0 && !(c.okCodes ?? [0]).includes(r.code)) return { ok: false, error: `${c.id}: exit ${r.code}` };
      spent += r.wall;
      pair.push(r);
    }
    if (i === 0) continue; // the untimed turn
    walls.push(ratio(pair[0].wall, pair[1].wall));
    const cpu = ratio(pair[0].cpu, pair[1].cpu);
    if (cpu != null) cpus.push(cpu);
    if (spent > budget) break;
  }
  return {
    ok: true,
    rounds: walls.length,
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: median(cpus),
  };
}
