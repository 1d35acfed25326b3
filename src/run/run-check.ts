// I/O: the check command: every source read (the changed articles again) and validated, published ids checked, the newest item of each language rendered; writes nothing.
import { chooseLanguages } from './choose-languages.js';
import { exitCodeFor, ExitCode, type RunOutcome } from './run-outcome.js';
import { startRun, usageProblem, type RunOptions } from './start-run.js';
import { startWorkerPool, workersFor } from './worker-pool.js';
import { noProgress } from './run-progress.js';

/** Runs `polyfeed check`: it reads the index of the last build but writes nothing, not even the cache. */
export async function runCheck(options: RunOptions & { readonly cacheVersion: string }): Promise<RunOutcome> {
  const problem = usageProblem(options.root, undefined);
  if (problem) return { kind: 'usage', message: problem };
  const progress = options.progress ?? noProgress;
  progress.stage('scan');
  const { snapshot, cacheProblems } = await startRun(options, options.cacheVersion);
  progress.stage('read', snapshot.changes.changed.length);
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs), progress);
  const [{ readSite }, { checkSite }, { guardPublishedIds }] = await Promise.all([import('./read-site.js'), import('./build-site.js'), import('./guard-published-ids.js')]);
  const { read } = guardPublishedIds(options.root, await readSite(options.root, snapshot, options.window, pool).finally(() => pool.close()), false);
  const site = read.validated.site;
  const chosen = chooseLanguages(options.languages, site?.config.languages ?? []);
  if (site && 'problem' in chosen) return { kind: 'usage', message: chosen.problem };
  progress.stage('render');
  const result = checkSite(read.validated, { languages: 'languages' in chosen ? chosen.languages : undefined });
  const problems = [...result.errors, ...cacheProblems];
  const exitCode = exitCodeFor(problems, result.configInvalid, options.strict);
  const ok = exitCode === ExitCode.ok;
  const publication = site?.publication;
  return { kind: 'report', exitCode, problems, sources: read.sources, ok, publication, ...(ok ? { summary: ['All sources are valid.'] } : {}) };
}
