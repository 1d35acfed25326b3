// I/O: the first steps of the commands that read a site and write nothing (check, coverage): the index of the last build, then every source read (the changed articles again, on worker threads) and validated.
import type { BuildError } from '../model/build-error.js';
import type { ReadSiteResult } from './read-site.js';
import { noProgress } from './run-progress.js';
import { startRun, usageProblem, type RunOptions } from './start-run.js';
import { startWorkerPool, workersFor } from './worker-pool.js';

/** The site as read, and the cache's problems; or the usage problem that stopped it (`--root` not a folder). */
export type ReadOnlyRun = { readonly usage: string } | { readonly read: ReadSiteResult; readonly cacheProblems: readonly BuildError[] };

export async function readSiteOnly(options: RunOptions, cacheVersion: string): Promise<ReadOnlyRun> {
  const problem = usageProblem(options.root, undefined);
  if (problem) return { usage: problem };
  const progress = options.progress ?? noProgress;
  progress.stage('scan');
  const { snapshot, cacheProblems } = await startRun(options, cacheVersion);
  progress.stage('read', snapshot.changes.changed.length);
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs), progress);
  const { readSite } = await import('./read-site.js');
  const read = await readSite(options.root, snapshot, options.window, pool).finally(() => pool.close());
  return { read, cacheProblems };
}
