// I/O: the build command: the no-op check, then the whole build (buildSite), then its feeds published under the output folder's lock and the cache written.
import { resolve } from 'node:path';
import type { BuildIndex } from '../cache/build-index.js';
import { outputPathsOf } from '../cache/next-outputs.js';
import { isCompressedCopy } from '../model/precompress.js';
import { checkOutOption } from '../write/check-output-folder.js';
import { contentFoldersOf, POLYFEED_CONTENT } from '../model/content-folders.js';
import { tidyOutputFolder } from '../write/open-output-folder.js';
import { chooseLanguages } from './choose-languages.js';
import { isUnchanged } from './no-op-check.js';
import { readAndBuildSite } from './read-and-build-site.js';
import { exitCodeFor, ExitCode, stoppedOn, type RunOutcome } from './run-outcome.js';
import { startRun, usageProblem } from './start-run.js';
import { startWorkerPool, workersFor } from './worker-pool.js';
import type { BuildRunOptions, BuiltRun } from './built-run.js';
import { noProgress } from './run-progress.js';
import { pagesCount } from './count-pages.js';
import { SITE_PAGE_PATHS } from '../model/site-pages.js';

/** Nothing changed since the last build: its outputs (of the languages built) stand, and its warnings are told again. */
function unchangedOutcome(index: BuildIndex, languages: readonly string[] | undefined, nowMs: number): RunOutcome {
  // The pages for people depend on no language: they stand whatever the languages built.
  const pagePaths = Object.keys(index.outputs).filter((path) => SITE_PAGE_PATHS.includes(path));
  const paths = outputPathsOf(index.outputs, languages).filter((path) => !pagePaths.includes(path));
  // The summary counts feeds; their compressed copies (precompress) go with them.
  const feeds = paths.filter((path) => !isCompressedCopy(path)).length;
  return {
    // Nothing fell due since (see isSamePublication): the schedule is the last build's, at this "now".
    publication: { ...index.publication, nowMs },
    kind: 'report',
    exitCode: ExitCode.ok,
    problems: index.warnings,
    ok: true,
    output: { dir: index.outDir, written: [], unchanged: [...paths, ...pagePaths], removed: [] },
    summary: [`Nothing changed since the last build: ${feeds} feeds${pagesCount(pagePaths)} in ${index.outDir}, 0 written, ${feeds + pagePaths.length} unchanged.`],
  };
}

/** Runs `polyfeed build`. */
export async function runBuild(options: BuildRunOptions): Promise<RunOutcome> {
  const startedMs = Date.now();
  const outOption = options.out === undefined ? null : resolve(options.out);
  const problem = usageProblem(options.root, outOption ?? undefined);
  if (problem) return { kind: 'usage', message: problem };
  const progress = options.progress ?? noProgress;
  progress.stage('scan');
  const { index, snapshot, cacheProblems } = await startRun(options, options.cacheVersion);
  // Before any source is read, anything locked or written: an output folder that shares anything with the sources (the content folder the config names too) is refused.
  const unsafe = outOption === null ? undefined : checkOutOption(options.root, options.out!, outOption, contentFoldersOf(snapshot.content ?? POLYFEED_CONTENT));
  if (unsafe) return stoppedOn([unsafe], ExitCode.usage);
  if (index && !options.dryRun) {
    // Unchanged, the config is the one the index lists the languages of.
    const chosen = chooseLanguages(options.languages, index.languages);
    const languages = 'problem' in chosen ? undefined : chosen.languages;
    if (isUnchanged({ index, snapshot, outOption, strict: options.strict, cacheVersion: options.cacheVersion, window: options.window, languages })) {
      return 'problem' in chosen ? { kind: 'usage', message: chosen.problem } : unchangedOutcome(index, languages, options.window.nowMs);
    }
  }
  progress.stage('read', snapshot.changes.changed.length);
  // Started before the pipeline loads here, so the workers load theirs at the same time.
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs), progress);
  try {
    const build = { version: options.version, cacheVersion: options.cacheVersion };
    const guardIds = { accept: options.acceptIdChanges };
    const made = await readAndBuildSite({ root: options.root, cache: options.cache, snapshot, pool, cacheProblems, build, window: options.window, languages: options.languages, guardIds, progress });
    if ('usage' in made) return { kind: 'usage', message: made.usage };
    const { read, result, keepsItems, publishedIds } = made;
    const code = exitCodeFor(result.errors, result.configInvalid, options.strict);
    const outDir = outOption ?? resolve(options.root, result.outDir ?? 'public');
    if (code !== ExitCode.ok) {
      if (!result.configInvalid && !options.dryRun) tidyOutputFolder(options.root, outDir);
      return stoppedOn([...result.errors, ...cacheProblems], code, read.sources);
    }
    // With no problem, the site is valid.
    const { publication } = read.validated.site!;
    const built: BuiltRun = { options, outOption, outDir, index, snapshot, pool, startedMs, read, result, keepsItems, cacheProblems, publication, publishedIds };
    if (options.dryRun) return (await import('./dry-run.js')).dryRun(built);
    return (await import('./publish-build.js')).publishBuild(built);
  } finally {
    pool.close();
  }
}

