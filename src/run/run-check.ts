// I/O: the check command: every source read (the changed articles again) and validated, published ids checked, the newest item of each language rendered; writes nothing.
import { exitCodeFor, ExitCode, type RunOutcome } from './run-outcome.js';
import { startRun, usageProblem, type RunOptions } from './start-run.js';
import { startWorkerPool, workersFor } from './worker-pool.js';

/** Runs `polyfeed check`: it reads the index of the last build but writes nothing, not even the cache. */
export async function runCheck(options: RunOptions & { readonly cacheVersion: string }): Promise<RunOutcome> {
  const problem = usageProblem(options.root, undefined);
  if (problem) return { kind: 'usage', message: problem };
  const { snapshot, cacheProblems } = await startRun(options, options.cacheVersion);
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs));
  const [{ readSite }, { checkSite }, { guardPublishedIds }] = await Promise.all([import('./read-site.js'), import('./build-site.js'), import('./guard-published-ids.js')]);
  const { read } = guardPublishedIds(options.root, await readSite(options.root, snapshot, pool).finally(() => pool.close()), false);
  const result = checkSite(read.validated);
  const problems = [...result.errors, ...cacheProblems];
  const exitCode = exitCodeFor(problems, result.configInvalid, options.strict);
  const ok = exitCode === ExitCode.ok;
  return { kind: 'report', exitCode, problems, sources: read.sources, ok, ...(ok ? { summary: ['All sources are valid.'] } : {}) };
}
