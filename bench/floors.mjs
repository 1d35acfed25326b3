// Run as a child: prints how long it takes merely to read (or stat) every source file of a site.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [mode, root] = process.argv.slice(2);
const started = process.hrtime.bigint();
let count = 0;
const visit = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) visit(path);
    else {
      if (mode === 'read') readFileSync(path);
      else statSync(path);
      count += 1;
    }
  }
};
for (const folder of ['articles', 'locales', 'templates']) visit(join(root, folder));
statSync(join(root, 'polyfeed.config.yaml'));
process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - started) / 1e6, files: count }));
