// Bundles the CLI and its worker threads into dist/bundle/: one file to load per entry instead of
// hundreds of modules, which halves the time a build spends loading its code (see README, "Performance").
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundled CommonJS dependencies call require(); an ES module has none of its own. */
const banner = "import { createRequire as polyfeedCreateRequire } from 'node:module';\nconst require = polyfeedCreateRequire(import.meta.url);";

export async function bundleCli() {
  // Chunk names carry a hash: the chunks of an earlier bundle would pile up.
  rmSync(join(root, 'dist/bundle'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts', 'pool-worker': 'src/run/pool-worker.ts', 'stat-worker': 'src/load/stat-worker.ts', 'serve-build-worker': 'src/run/serve-build-worker.ts' },
    outdir: 'dist/bundle',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: banner },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
