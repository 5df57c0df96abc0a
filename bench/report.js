// Turns measurements into Markdown: the goals of issues 4 and 13 (ratios ours / peer, met or not),
// the growth of every command over 1k/10k/100k, and the raw numbers with their spread.
// `results` is { [archive]: { [caseId]: measurement } } (see measure.js).

/**
 * The goals: ours / peer ≤ goal, by wall time (CPU time beside it, the machine is shared).
 * `floor` is the case that does the least any Node program must do for that work (floor.js:
 * start, stat every file to see edits, and for `list` print); when the floor alone takes more than the goal
 * allows, the verdict says that no Node program can meet it.
 */
export const GOALS = [
  { work: 'export-html', peer: 'hugo-build', archives: ['digitalgov', '10k'], goal: 0.5 },
  { work: 'export-html-one', peer: 'hugo-build', archives: ['10k'], goal: 0.05, floor: 'floor' },
  { work: 'export-html', peer: 'eleventy-build', archives: ['digitalgov', '10k'], goal: 0.2 },
  { work: 'list', peer: 'hugo-list', archives: ['10k'], goal: 0.1, floor: 'floor' },
  { work: 'list', peer: 'hugo-list', archives: ['100k'], goal: 0.25, floor: 'floor' },
  { work: 'search', peer: 'rg', archives: ['10k'], goal: 1, floor: 'floor-stat' },
  { work: 'search', peer: 'rg', archives: ['100k'], goal: 0.5, floor: 'floor-stat' },
  { work: 'search-json', peer: 'rg-common', archives: ['10k'], goal: 2, floor: 'floor-stat' },
  { work: 'first', peer: 'hugo-list', archives: ['10k', '100k'], goal: 1, floor: 'floor' },
  { work: 'version', peer: 'node', archives: ['1k'], goal: 2 },
  { work: 'add', peer: 'node', archives: ['100k'], goal: 4 },
];
export const MEMORY_GOAL_MB = 512;

const s = (x) => (x == null ? '–' : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const mb = (x) => (x == null ? '–' : `${Math.round(x)}`);
const r2 = (x) => (x == null ? '–' : x.toFixed(2));
const row = (cells) => `| ${cells.join(' | ')} |`;

/** One goal line per archive: [work, archive, ours, peer, ratio wall, ratio cpu, goal, verdict]. */
export function goalRows(results, labels, fallback, pairs = {}) {
  const rows = [];
  for (const g of GOALS) {
    for (const want of g.archives) {
      const key = results[want] ? want : fallback; // quick mode: judge at the size it has
      const set = results[key] ?? {};
      const ours = set[g.work];
      const peer = set[g.peer];
      const name = `${labels[g.work] ?? g.work} vs ${labels[g.peer] ?? g.peer}`;
      const where = key === want ? want : `${key} (goal is for ${want})`;
      if (!ours?.ok || !peer?.ok) {
        const why = !ours
          ? 'not measured'
          : !ours.ok
            ? `failed: ${ours.error}`
            : !peer
              ? 'peer skipped (not installed)'
              : `peer failed: ${peer.error}`;
        rows.push({ name, where, ours, peer, ratio: null, cpuRatio: null, floorRatio: null, goal: g.goal, verdict: why });
        continue;
      }
      // Ratios of runs taken in turns when the run has them (pairs.js), else of the two medians.
      const inTurns = (a, field) => {
        const pair = pairs[key]?.[`${a}/${g.peer}`];
        if (pair?.ok) return pair[field];
        const m = set[a];
        return m?.ok && m[field] != null && peer[field] ? m[field] / peer[field] : null;
      };
      const ratio = inTurns(g.work, 'wall');
      const cpuRatio = inTurns(g.work, 'cpu');
      const floorRatio = g.floor ? inTurns(g.floor, 'wall') : null;
      const verdict =
        ratio <= g.goal ? 'met' : floorRatio != null && floorRatio > g.goal ? 'NOT MET: the floor alone is over the goal' : 'NOT MET';
      rows.push({ name, where, ours, peer, ratio, cpuRatio, floorRatio, goal: g.goal, verdict });
    }
  }
  const big = results['100k'] ? '100k' : fallback;
  const worst = Object.entries(results[big] ?? {})
    .filter(([, m]) => m.ok && m.group === 'ours' && m.rssMb != null)
    .sort((x, y) => y[1].rssMb - x[1].rssMb)[0];
  if (worst) {
    rows.push({
      name: `peak memory, any command (highest: ${labels[worst[0]]})`,
      where: big,
      ours: worst[1],
      peer: null,
      ratio: null,
      cpuRatio: null,
      floorRatio: null,
      goal: `${MEMORY_GOAL_MB} MB`,
      verdict: worst[1].rssMb <= MEMORY_GOAL_MB ? 'met' : 'NOT MET',
      memory: true,
    });
  }
  return rows;
}

/** The goals table in Markdown; "floor" is the ratio of the goal's floor case to the peer (wall). */
export function goalsTable(rows) {
  const out = [
    row(['work vs peer', 'archive', 'ours s (cpu s)', 'peer s (cpu s)', 'ratio wall', 'ratio cpu', 'floor', 'goal', 'verdict']),
    row(Array(9).fill('---')),
  ];
  for (const r of rows) {
    if (r.memory) {
      out.push(row([r.name, r.where, `${mb(r.ours.rssMb)} MB`, '–', '–', '–', '–', `≤ ${r.goal}`, r.verdict]));
      continue;
    }
    const t = (m) => (m?.ok ? `${s(m.wall)} (${s(m.cpu)})` : '–');
    out.push(row([r.name, r.where, t(r.ours), t(r.peer), r2(r.ratio), r2(r.cpuRatio), r2(r.floorRatio), `≤ ${r.goal}`, r.verdict]));
  }
  return out.join('\n');
}

/**
 * Time and memory of every case over the archive sizes. A step is flagged when the time
 * grows more than 1.5× faster than the number of files (beyond start-up cost).
 */
export function growthTable(results, sizes, cases, labels) {
  const keys = sizes.filter((k) => results[k]);
  const head = ['command', ...keys.flatMap((k) => [`${k} s`, `${k} cpu s`, `${k} MB`]), 'growth'];
  const out = [row(head), row(head.map(() => '---'))];
  const count = (k) => Number(k.replace(/k$/, '000'));
  for (const id of cases) {
    const cells = [labels[id] ?? id];
    const flags = [];
    keys.forEach((k, i) => {
      const m = results[k][id];
      cells.push(m?.ok ? s(m.wall) : m ? 'failed' : '–', m?.ok ? s(m.cpu) : '–', m?.ok ? mb(m.rssMb) : '–');
      const prev = keys[i - 1] && results[keys[i - 1]][id];
      if (i > 0 && m?.ok && prev?.ok) {
        const files = count(k) / count(keys[i - 1]);
        const base = results[keys[0]].node?.cpu ?? 0.05; // a process that does nothing
        const grew = Math.max(m.cpu ?? m.wall, base) / Math.max(prev.cpu ?? prev.wall, base);
        flags.push(grew > files * 1.5 ? `×${grew.toFixed(1)} for ×${files} files: WORSE THAN LINEAR` : `×${grew.toFixed(1)}`);
      }
    });
    cells.push(flags.join('; ') || '–');
    out.push(row(cells));
  }
  return out.join('\n');
}

/** Every measurement with its spread (min–max of the timed runs). */
export function rawTable(results, labels) {
  const out = [
    row(['archive', 'command', 'runs', 'wall s median (min–max)', 'cpu s median (min–max)', 'peak MB']),
    row(Array(6).fill('---')),
  ];
  for (const [key, set] of Object.entries(results)) {
    for (const [id, m] of Object.entries(set)) {
      if (!m.ok) {
        out.push(row([key, labels[id] ?? id, String(m.runs), `failed: ${m.error.replace(/\|/g, '/')}`, '–', '–']));
        continue;
      }
      out.push(
        row([
          key,
          labels[id] ?? id,
          String(m.runs),
          `${s(m.wall)} (${s(m.wallMin)}–${s(m.wallMax)})`,
          `${s(m.cpu)} (${s(m.cpuMin)}–${s(m.cpuMax)})`,
          mb(m.rssMb),
        ]),
      );
    }
  }
  return out.join('\n');
}
