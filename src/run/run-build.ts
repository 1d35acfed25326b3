// I/O: the build command: the no-op check, then the whole build (buildSite), then its feeds published under the output folder's lock and the cache written.
import { resolve } from 'node:path';
import type { BuildIndex } from '../cache/build-index.js';
import { itemTextsReader } from '../cache/item-store.js';
import { checkOutOption } from '../write/check-output-folder.js';
import { tidyOutputFolder } from '../write/open-output-folder.js';
import { isUnchanged } from './no-op-check.js';
import { exitCodeFor, ExitCode, stoppedOn, type RunOutcome } from './run-outcome.js';
import { startRun, usageProblem } from './start-run.js';
import { startWorkerPool, workersFor } from './worker-pool.js';
import type { BuildRunOptions, BuiltRun } from './built-run.js';

/** Nothing changed since the last build: its outputs stand, and its warnings are told again. */
function unchangedOutcome(index: BuildIndex): RunOutcome {
  const paths = Object.keys(index.outputs);
  return {
    kind: 'report',
    exitCode: ExitCode.ok,
    problems: index.warnings,
    ok: true,
    output: { dir: index.outDir, written: [], unchanged: paths },
    summary: [`Nothing changed since the last build: ${paths.length} feeds in ${index.outDir}, 0 written, ${paths.length} unchanged.`],
  };
}

/** Runs `polyfeed build`. */
export async function runBuild(options: BuildRunOptions): Promise<RunOutcome> {
  const startedMs = Date.now();
  const outOption = options.out === undefined ? null : resolve(options.out);
  const problem = usageProblem(options.root, outOption ?? undefined);
  if (problem) return { kind: 'usage', message: problem };
  // Before anything is read, locked or written: an output folder that shares anything with the sources is refused.
  const unsafe = outOption === null ? undefined : checkOutOption(options.root, options.out!, outOption);
  if (unsafe) return stoppedOn([unsafe], ExitCode.usage);
  const { index, snapshot, cacheProblems } = await startRun(options, options.cacheVersion);
  if (index && !options.dryRun && isUnchanged({ index, snapshot, outOption, strict: options.strict, cacheVersion: options.cacheVersion })) return unchangedOutcome(index);
  // Started before the pipeline loads here, so the workers load theirs at the same time.
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs));
  try {
    const [{ readSite }, { buildSite }, { guardPublishedIds }] = await Promise.all([import('./read-site.js'), import('./build-site.js'), import('./guard-published-ids.js')]);
    const { read, publishedIds } = guardPublishedIds(options.root, await readSite(options.root, snapshot, pool), options.acceptIdChanges);
    const site = read.validated.site;
    const keepsItems = site !== undefined && site.config.maxItems > 0;
    const knownItems = options.cache && keepsItems ? itemTextsReader(options.root, site.config.formats, cacheProblems) : undefined;
    const result = buildSite(read.validated, { version: options.version, cacheVersion: options.cacheVersion, stream: true, knownItems });
    const code = exitCodeFor(result.errors, result.configInvalid, options.strict);
    const outDir = outOption ?? resolve(options.root, result.outDir ?? 'public');
    if (code !== ExitCode.ok) {
      if (!result.configInvalid && !options.dryRun) tidyOutputFolder(options.root, outDir);
      return stoppedOn([...result.errors, ...cacheProblems], code, read.sources);
    }
    const built: BuiltRun = { options, outOption, outDir, index, snapshot, pool, startedMs, read, result, keepsItems, cacheProblems, publishedIds };
    if (options.dryRun) return (await import('./dry-run.js')).dryRun(built);
    return (await import('./publish-build.js')).publishBuild(built);
  } finally {
    pool.close();
  }
}

