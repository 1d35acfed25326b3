// I/O: a build's feeds staged (here or on worker threads), published all or none under the output folder's lock, then published-ids.tsv and the cache written.
import { makeError, type BuildError } from '../model/build-error.js';
import { withoutRepeats } from '../model/without-repeats.js';
import type { OutputRecord } from '../cache/build-index.js';
import { statOutputs } from '../cache/index-store.js';
import { nextBuildIndex } from '../cache/next-build-index.js';
import { writeCache } from '../cache/write-cache.js';
import { checkFeedFolders } from '../write/check-output-folder.js';
import { openOutputFolder } from '../write/open-output-folder.js';
import { publishStaged } from '../write/publish-staged.js';
import { discardStaged, prepareOutputFolders } from '../write/staging-files.js';
import { splitUnchangedFeeds } from './no-op-check.js';
import { exitCodeFor, ExitCode, stoppedOn, type RunOutcome } from './run-outcome.js';
import { type BuiltRun } from './built-run.js';
import { startWorkerPool } from './worker-pool.js';
import { publishPublishedIds, withPublishedIdsStamp } from './publish-published-ids.js';

/** A write that failed: reported with the run's other problems; the previous output is whole. */
function writeFailed(problems: readonly BuildError[], run: BuiltRun): RunOutcome {
  return { kind: 'report', exitCode: ExitCode.invalidInput, problems, sources: run.read.sources, ok: false };
}

/** Stages every feed that changed, publishes them, writes the cache and says what was done. */
export async function publishBuild(run: BuiltRun): Promise<RunOutcome> {
  const { options, outDir, result, read, cacheProblems } = run;
  const { root } = options;
  const paths = result.feeds.flatMap((feeds) => feeds.paths);
  const unsafeFolder = checkFeedFolders(root, outDir, paths);
  if (unsafeFolder) return stoppedOn([unsafeFolder], ExitCode.usage, read.sources);
  const opened = openOutputFolder({ root, outDir, waitMs: options.waitSeconds * 1000, onWait: (pid) => options.onWait(pid, outDir) });
  if ('errors' in opened) return writeFailed([...result.errors, ...opened.errors], run);
  if (!('lock' in opened)) {
    const locked = lockedProblem(opened.heldBy, outDir, options.waitSeconds, opened.path);
    return { kind: 'report', exitCode: ExitCode.invalidInput, problems: [...result.errors, ...cacheProblems, locked], sources: read.sources, ok: false };
  }
  try {
    const { kept, toMake: toWrite } = splitUnchangedFeeds(result.feeds, run.index, outDir);
    const place = { root, outDir };
    const folderErrors = prepareOutputFolders(place, toWrite.flatMap((feeds) => feeds.paths));
    if (folderErrors.length > 0) return writeFailed([...result.errors, ...folderErrors], run);
    // Every feed is staged first: a problem met while rendering any of them must leave everything unpublished.
    const everyItem = read.validated.site?.config.maxItems === 0;
    // Feeds of every item are rendered on workers alone (this thread waits): one a thread, the scan's workers closed.
    if (everyItem && options.jobs > 1) run.pool.close();
    const renderPool = everyItem && options.jobs > 1 ? startWorkerPool(options.jobs) : run.pool;
    const { configFile, localeFiles, templateFiles, staticFiles } = read.sources;
    const settingSources = { configFile, localeFiles, templateFiles, staticFiles };
    // Feeds of every item are rendered only in workers, whose heap is capped: memory stays bounded.
    const jobs = await renderPool.stageFeeds({ root, outDir, version: options.version, settingSources }, toWrite, everyItem).finally(() => renderPool.close());
    const staged = jobs.flatMap((job) => job.staged);
    const problems = [...result.errors, ...withoutRepeats(jobs.flatMap((job) => job.errors)), ...cacheProblems];
    const code = exitCodeFor(problems, false, options.strict);
    if (code !== ExitCode.ok) {
      discardStaged(staged);
      return stoppedOn(problems, code, read.sources);
    }
    const published = publishStaged({ ...place, journalPath: opened.journalPath }, staged);
    if (published.errors.length > 0) return writeFailed([...problems, ...published.errors], run);
    const { written } = published;
    const publishedIds = publishPublishedIds(root, run.publishedIds);
    problems.push(...publishedIds.problems);
    const unchanged = [...kept.flatMap((feeds) => feeds.paths), ...published.unchanged];
    const after = statOutputs(outDir, paths);
    const outputs: Record<string, OutputRecord> = {};
    for (const feeds of result.feeds) {
      for (const path of feeds.paths) if (after[path]) outputs[path] = { stamp: after[path], fingerprint: feeds.fingerprint };
    }
    const settingsAsRead = { configBytes: read.sources.configFile?.bytes, staticFiles: read.sources.staticFiles };
    const nextIndex = withPublishedIdsStamp(
      nextBuildIndex({ cacheVersion: options.cacheVersion, snapshot: run.snapshot, articles: read.articles, settingsAsRead, outDir, outOption: run.outOption, outputs, problems, startedMs: run.startedMs }),
      publishedIds.stamp,
    );
    const items = new Map(run.keepsItems ? toWrite.map((feeds) => [feeds.lang, feeds.items] as const) : []);
    problems.push(...writeCache(root, { index: nextIndex, items }).filter((problem) => !cacheProblems.some((seen) => seen.code === problem.code)));
    const articleFiles = read.validated.articleFiles?.files.length ?? 0;
    const sameBytes = read.articlesWithSameBytes > 0 ? ` (${read.articlesWithSameBytes} of them with the bytes of the last build, not validated again)` : '';
    // The feeds are published: a manifest that could not be written fails the run all the same.
    const exitCode = publishedIds.problems.length > 0 ? ExitCode.invalidInput : code;
    return {
      kind: 'report',
      exitCode,
      problems,
      sources: read.sources,
      ok: exitCode === ExitCode.ok,
      output: { dir: outDir, written, unchanged },
      summary: [`Built ${paths.length} feeds into ${outDir}: ${written.length} written, ${unchanged.length} unchanged; ${read.articlesRead} of ${articleFiles} article files read${sameBytes}.`, ...publishedIds.summary],
    };
  } finally {
    opened.lock.release();
  }
}

/** The lock was held by another build for longer than the run would wait. */
export function lockedProblem(heldBy: number, outDir: string, waitSeconds: number, lockPath: string): BuildError {
  return makeError('OUTPUT_LOCKED', { pid: heldBy, outDir, waitSeconds, lockPath });
}
