// I/O (reads only): the diff command: the feeds a build would write (or those of a folder) compared, item by item, with those of another folder; nothing is written.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { withoutRepeats } from '../model/without-repeats.js';
import { readSideBySide } from '../model/output-file.js';
import { compareFeedPaths, diffFeedFile } from '../diff/diff-feeds.js';
import type { FileDiff } from '../diff/feed-diff.js';
import { feedFiles } from '../feeds/feed-files.js';
import type { FeedsOutline, LanguageFeeds } from '../feeds/language-feeds.js';
import type { BuildIndex } from '../cache/build-index.js';
import { splitUnchangedFeeds } from './no-op-check.js';
import { readAndBuildSite } from './read-and-build-site.js';
import { listFeedPaths, readFeedText } from './read-feed-folder.js';
import { exitCodeFor, ExitCode, type DiffOutcome, type UsageOutcome } from './run-outcome.js';
import { startRun, usageProblem, type RunOptions } from './start-run.js';
import { startWorkerPool, workersFor } from './worker-pool.js';
import { itemsIn, noProgress, type RunProgress } from './run-progress.js';

/** What the diff command is run with. */
export interface DiffRunOptions extends RunOptions {
  /** --against as given (relative to the working directory), or undefined for the last build's output folder. */
  readonly against: string | undefined;
  /** --to as given: the folder compared with --against, with no build. */
  readonly to: string | undefined;
  /** polyfeed's version, and what the cache is keyed by besides the inputs (see readCacheVersion). */
  readonly version: string;
  readonly cacheVersion: string;
}

/** A folder named on the command line that is missing or is a file. */
function folderProblem(option: string, dir: string): string | undefined {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? undefined : `${option} ${dir} is not a folder.`;
}

/** The files that differ and those that do not, in report order; exit code 1 when any differs. */
function diffOutcome(files: FileDiff[], unchanged: string[], problems: readonly BuildError[], dirs: Pick<DiffOutcome, 'oldDir' | 'newDir' | 'sources'>): DiffOutcome {
  const diff = { files: files.sort((a, b) => compareFeedPaths(a.path, b.path)), unchanged: unchanged.sort(compareFeedPaths) };
  return { kind: 'diff', exitCode: files.length === 0 ? ExitCode.ok : ExitCode.different, problems, diff, ...dirs };
}

/** Compares the feed files of two folders: those of either, by path. */
function diffFolders(oldDir: string, newDir: string): DiffOutcome {
  const files: FileDiff[] = [];
  const unchanged: string[] = [];
  for (const path of new Set([...listFeedPaths(oldDir), ...listFeedPaths(newDir)])) {
    const diff = diffFeedFile({ path, oldText: readFeedText(oldDir, path), newText: readFeedText(newDir, path) });
    if (diff) files.push(diff);
    else unchanged.push(path);
  }
  return diffOutcome(files, unchanged, [], { oldDir, newDir });
}

/**
 * Runs `polyfeed diff`. With --to, compares two folders. Otherwise builds the site in memory as
 * `build` would (the same read, the same cache of item texts) and compares each feed with the
 * file in the old folder: --against, else the last build's output folder (the build index's),
 * else the config's outDir. Feeds whose fingerprint and files are what the last build left in
 * that folder have the same bytes and are not made. Writes nothing, not even the cache.
 */
export async function runDiff(options: DiffRunOptions): Promise<DiffOutcome | UsageOutcome> {
  const against = options.against === undefined ? undefined : resolve(options.against);
  if (options.to !== undefined) {
    if (against === undefined) return { kind: 'usage', message: '--to needs --against: the folder of the feeds to compare it with.' };
    const newDir = resolve(options.to);
    const problem = folderProblem('--against', against) ?? folderProblem('--to', newDir);
    return problem ? { kind: 'usage', message: problem } : diffFolders(against, newDir);
  }
  const problem = usageProblem(options.root, undefined) ?? (against === undefined ? undefined : folderProblem('--against', against));
  if (problem) return { kind: 'usage', message: problem };
  const progress = options.progress ?? noProgress;
  progress.stage('scan');
  const { index, snapshot, cacheProblems } = await startRun(options, options.cacheVersion);
  progress.stage('read', snapshot.changes.changed.length);
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs), progress);
  try {
    const build = { version: options.version, cacheVersion: options.cacheVersion };
    const built = await readAndBuildSite({ root: options.root, cache: options.cache, snapshot, pool, cacheProblems, build, window: options.window, languages: options.languages, progress });
    if ('usage' in built) return { kind: 'usage', message: built.usage };
    const { read, result } = built;
    const oldDir = against ?? index?.outDir ?? resolve(options.root, result.outDir ?? 'public');
    const dirs = { oldDir, newDir: null, sources: read.sources };
    const stopped = (problems: readonly BuildError[], exitCode: number): DiffOutcome => ({ kind: 'diff', exitCode, problems, diff: undefined, ...dirs });
    const code = exitCodeFor(result.errors, result.configInvalid, options.strict);
    if (code !== ExitCode.ok) return stopped([...result.errors, ...cacheProblems], code);
    const { files, unchanged, renderErrors } = diffBuiltFeeds(result.feeds, result.skippedLanguages, index, oldDir, progress);
    const problems = [...result.errors, ...withoutRepeats(renderErrors), ...cacheProblems];
    const problemCode = exitCodeFor(problems, false, options.strict);
    // A problem met while a feed was made (a template field, say) stops the build, so the diff too.
    if (problemCode !== ExitCode.ok) return stopped(problems, problemCode);
    return diffOutcome(files, unchanged, problems, dirs);
  } finally {
    pool.close();
  }
}

/**
 * Makes each language's feeds (on this thread, a language at a time, its files side by side) and
 * compares them with the old folder's; feed files only the old folder has (a language or format
 * no longer built) are removed.
 */
function diffBuiltFeeds(
  feeds: readonly LanguageFeeds[],
  skipped: readonly FeedsOutline[],
  index: BuildIndex | undefined,
  oldDir: string,
  progress: RunProgress,
): { files: FileDiff[]; unchanged: string[]; renderErrors: BuildError[] } {
  const { kept, toMake } = splitUnchangedFeeds(feeds, index, oldDir);
  const files: FileDiff[] = [];
  const unchanged = kept.flatMap((languageFeeds) => languageFeeds.paths);
  const renderErrors: BuildError[] = [];
  progress.setTotal(itemsIn(toMake));
  for (const languageFeeds of toMake) {
    const made = feedFiles(languageFeeds, renderErrors);
    const texts = made.map((): string[] => []);
    readSideBySide(made, (chunks) => chunks.forEach((chunk, position) => texts[position]!.push(chunk)));
    made.forEach((file, position) => {
      const diff = diffFeedFile({ path: file.path, oldText: readFeedText(oldDir, file.path), newText: texts[position]!.join('') });
      if (diff) files.push(diff);
      else unchanged.push(file.path);
    });
    progress.advance(languageFeeds.entries.length);
  }
  // A feed the config still makes but this run left out (--languages; the combined feed then) is not compared, nor removed.
  const built = new Set([...feeds, ...skipped].flatMap((languageFeeds) => languageFeeds.paths));
  for (const path of listFeedPaths(oldDir)) {
    const diff = built.has(path) ? undefined : diffFeedFile({ path, oldText: readFeedText(oldDir, path), newText: undefined });
    if (diff) files.push(diff);
  }
  return { files, unchanged, renderErrors };
}

