// Preloaded into Node peers and `releases` when GNU time is missing (NODE_OPTIONS=--require):
// writes the process's own CPU time and peak memory to BENCH_RUSAGE_FILE as it exits.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  const usage = { cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssMb: u.maxRSS / 1024 };
  try {
    fs.writeFileSync(file, JSON.stringify(usage));
  } catch {
    /* best effort */
  }
});
