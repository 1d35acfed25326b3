// I/O: the check command: every source read (the changed articles again) and validated, published ids checked, the newest item of each language rendered; writes nothing.
import { chooseLanguages } from './choose-languages.js';
import { exitCodeFor, ExitCode, type RunOutcome } from './run-outcome.js';
import type { RunOptions } from './start-run.js';
import { readSiteOnly } from './read-site-only.js';
import { noProgress } from './run-progress.js';

/** What `check` takes besides a run's options. */
export interface CheckOptions extends RunOptions {
  readonly cacheVersion: string;
  /** --ignored-fields: also list the front-matter fields polyfeed ignores in every article file (another generator's layout). */
  readonly ignoredFields?: boolean;
  /** --coverage: also tell, per article and language, whether it is translated (see runCoverage); with `strict`, an outdated translation fails the run. */
  readonly coverage?: boolean;
}

/** Runs `polyfeed check`: it reads the index of the last build but writes nothing, not even the cache. */
export async function runCheck(options: CheckOptions): Promise<RunOutcome> {
  // Loaded while the site is read.
  const modules = Promise.all([import('./build-site.js'), import('./guard-published-ids.js'), import('./read-ignored-fields.js'), import('./run-coverage.js'), import('../translate/outdated-translations.js')]);
  const run = await readSiteOnly(options, options.cacheVersion);
  if ('usage' in run) return { kind: 'usage', message: run.usage };
  const { cacheProblems } = run;
  const progress = options.progress ?? noProgress;
  const [{ checkSite }, { guardPublishedIds }, { readIgnoredFields }, { coverageOfReadSite }, { outdatedTranslationProblems }] = await modules;
  const { read } = guardPublishedIds(options.root, run.read, false);
  const site = read.validated.site;
  const chosen = chooseLanguages(options.languages, site?.config.languages ?? []);
  if (site && 'problem' in chosen) return { kind: 'usage', message: chosen.problem };
  progress.stage('render');
  const result = checkSite(read.validated, { languages: 'languages' in chosen ? chosen.languages : undefined });
  const problems = [...result.errors, ...cacheProblems];
  const coverage = options.coverage ? coverageOfReadSite(read, options.window, 'languages' in chosen ? chosen.languages : undefined) : undefined;
  if (coverage) problems.push(...outdatedTranslationProblems(coverage));
  const exitCode = exitCodeFor(problems, result.configInvalid, options.strict);
  const ok = exitCode === ExitCode.ok;
  const publication = site?.publication;
  // Listed whenever the config is valid, valid articles or not: a field left unused is worth knowing either way.
  const ignoredFields = options.ignoredFields && read.config && 'readArticleBytes' in read.sources ? readIgnoredFields(read.sources, read.config) : undefined;
  return { kind: 'report', exitCode, problems, sources: read.sources, ok, publication, ignoredFields, coverage, ...(ok ? { summary: ['All sources are valid.'] } : {}) };
}
