// Preloaded into each benchmarked child (node --require): writes its own peak RSS when it exits.
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_RUSAGE_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
