// I/O: a build's feeds staged (here or on worker threads), published all or none under the output folder's lock, then published-ids.tsv and the cache written.
import { makeError, type BuildError } from '../model/build-error.js';
import { withoutRepeats } from '../model/without-repeats.js';
import type { OutputRecord } from '../cache/build-index.js';
import { statOutputs } from '../cache/index-store.js';
import { nextBuildIndex } from '../cache/next-build-index.js';
import type { BuildIndex } from '../cache/build-index.js';
import type { FileStamp } from '../model/file-stamp.js';
import { nextOutputsOf, staleOutputsOf } from '../cache/next-outputs.js';
import { writeCache } from '../cache/write-cache.js';
import { withFeedChanges } from '../cache/pending-pings.js';
import { updatePendingPings } from './pending-pings-lock.js';
import { checkFeedFolders, checkOutOption } from '../write/check-output-folder.js';
import { contentFoldersOf, POLYFEED_CONTENT } from '../model/content-folders.js';
import { normalStaticDir } from '../model/static-dir-rule.js';
import { openOutputFolder } from '../write/open-output-folder.js';
import { publishStaged } from '../write/publish-staged.js';
import { discardStaged, prepareOutputFolders, stageFiles, type StagingResult } from '../write/staging-files.js';
import { StagedFlusher } from '../write/flush-staged.js';
import { splitUnchangedFeeds } from './no-op-check.js';
import { exitCodeFor, ExitCode, stoppedOn, type RunOutcome } from './run-outcome.js';
import { type BuiltRun } from './built-run.js';
import { startWorkerPool } from './worker-pool.js';
import { collectGarbage } from './collect-garbage.js';
import type { LanguageFeeds } from '../feeds/language-feeds.js';
import { publishedPathsOf } from '../feeds/published-paths.js';
import { isCompressedCopy } from '../model/precompress.js';
import { stageCompressedCopies } from '../write/stage-compressed-copies.js';
import { isFullArchivePage } from '../feeds/archive-pages.js';
import type { ItemTexts } from '../feeds/feed-writer.js';
import { publishPublishedIds, withPublishedIdsStamp } from './publish-published-ids.js';
import { itemsIn, noProgress } from './run-progress.js';
import { pagesCount } from './count-pages.js';

/** A write that failed: reported with the run's other problems; the previous output is whole. */
function writeFailed(problems: readonly BuildError[], run: BuiltRun): RunOutcome {
  return { kind: 'report', exitCode: ExitCode.invalidInput, problems, sources: run.read.sources, ok: false };
}

/** Stages every feed that changed, publishes them, writes the cache and says what was done. */
export async function publishBuild(run: BuiltRun): Promise<RunOutcome> {
  const { options, outDir, result, read, cacheProblems } = run;
  const { root } = options;
  const progress = options.progress ?? noProgress;
  const paths = result.feeds.flatMap((feeds) => feeds.paths);
  const pages = result.pages ? [result.pages] : [];
  const pagePaths = pages.flatMap((made) => made.paths);
  // --out was checked before the config was read; the config's staticDir is a folder polyfeed reads too.
  const staticDir = read.validated.site?.config.staticDir === undefined ? undefined : normalStaticDir(read.validated.site.config.staticDir);
  const unsafeOut = staticDir !== undefined && options.out !== undefined && run.outOption !== null ? checkOutOption(root, options.out, run.outOption, [staticDir]) : undefined;
  if (unsafeOut) return stoppedOn([unsafeOut], ExitCode.usage, read.sources);
  const contentFolders = contentFoldersOf(run.snapshot.content ?? POLYFEED_CONTENT);
  const unsafeFolder = checkFeedFolders(root, outDir, paths, staticDir === undefined ? contentFolders : [...contentFolders, staticDir]);
  if (unsafeFolder) return stoppedOn([unsafeFolder], ExitCode.usage, read.sources);
  const opened = openOutputFolder({ root, outDir, waitMs: options.waitSeconds * 1000, onWait: (pid) => options.onWait(pid, outDir) });
  if ('errors' in opened) return writeFailed([...result.errors, ...opened.errors], run);
  if (!('lock' in opened)) {
    const locked = lockedProblem(opened.heldBy, outDir, options.waitSeconds, opened.path);
    return { kind: 'report', exitCode: ExitCode.invalidInput, problems: [...result.errors, ...cacheProblems, locked], sources: read.sources, ok: false };
  }
  try {
    const { kept, toMake: toWrite } = splitUnchangedFeeds(result.feeds, run.index, outDir);
    const { kept: pagesKept, toMake: pagesToWrite } = splitUnchangedFeeds(pages, run.index, outDir);
    const place = { root, outDir };
    const folderErrors = prepareOutputFolders(place, toWrite.flatMap((feeds) => feeds.paths));
    if (folderErrors.length > 0) return writeFailed([...result.errors, ...folderErrors], run);
    // Every feed is staged first: a problem met while rendering any of them must leave everything unpublished.
    const { here, inBulk } = splitRenderWork(toWrite, read.validated.site?.config.maxItems === 0);
    progress.setTotal(itemsIn(toWrite));
    const { configFile, localeFiles, templateFiles, staticFiles, packaged } = read.sources;
    const settingSources = { configFile, localeFiles, templateFiles, staticFiles, packaged };
    const context = { root, outDir, version: options.version, settingSources };
    // Feeds of every item and full archive pages on workers alone (this thread waits): one a
    // thread, the scan's workers closed; workers' heaps are capped, so memory stays bounded. Then,
    // with the workers gone, the current feeds and newest archive pages here, with the cache of
    // item texts: what this thread's heap grows by while rendering never adds to the workers'.
    const useWorkers = inBulk.length > 0 && options.jobs > 1;
    if (useWorkers) {
      run.pool.close();
      collectGarbage();
    }
    const renderPool = useWorkers ? startWorkerPool(options.jobs, progress) : run.pool;
    // Each language's staged files are flushed to disk on the thread pool while the next renders.
    const flusher = new StagedFlusher(place);
    const flush = (job: StagingResult) => flusher.add(job.staged);
    const jobs = await renderPool.stageFeeds(context, inBulk, useWorkers, flush).finally(() => renderPool.close());
    jobs.push(...(await run.pool.stageFeeds(context, here, false, flush)));
    const stagedFeeds = jobs.flatMap((job) => job.staged);
    // The pages are in the build's files already (small, whole texts; their problems in its errors); they get no compressed copies.
    const pagesJob: StagingResult = pagesToWrite.length > 0 ? stageFiles(context, result.files.filter((file) => pagePaths.includes(file.path))) : { staged: [], errors: [] };
    flush(pagesJob);
    const flushErrors = await flusher.settled();
    const problems = [...result.errors, ...withoutRepeats([...jobs, pagesJob].flatMap((job) => job.errors)), ...flushErrors, ...cacheProblems];
    const code = exitCodeFor(problems, false, options.strict);
    if (code !== ExitCode.ok) {
      discardStaged([...stagedFeeds, ...pagesJob.staged]);
      return stoppedOn(problems, code, read.sources);
    }
    // The compressed copies of every feed file staged, made from its staged bytes: published with it, or not at all.
    const copies = await stageCompressedCopies(place, stagedFeeds, read.validated.site?.config.precompress ?? []);
    if (copies.errors.length > 0) {
      discardStaged([...stagedFeeds, ...pagesJob.staged]);
      return writeFailed([...problems, ...copies.errors], run);
    }
    const staged = [...stagedFeeds, ...copies.staged, ...pagesJob.staged];
    // Feeds of languages and formats no longer in the config, which the last build into this folder recorded, go in the same publish.
    const previous = run.index?.outDir === outDir ? run.index.outputs : undefined;
    progress.stage('publish');
    const stale = staleOutputsOf(previous, [...[...result.feeds, ...result.skippedLanguages].flatMap(publishedPathsOf), ...pagePaths]);
    const published = publishStaged({ ...place, journalPath: opened.journalPath }, staged, stale);
    if (published.errors.length > 0) return writeFailed([...problems, ...published.errors], run);
    const { written, removed } = published;
    const publishedIds = publishPublishedIds(root, run.publishedIds);
    problems.push(...publishedIds.problems);
    const unchanged = [...kept.flatMap(publishedPathsOf), ...pagesKept.flatMap((made) => made.paths), ...published.unchanged];
    const after = statOutputs(outDir, [...result.feeds.flatMap(publishedPathsOf), ...pagePaths]);
    const outputs: Record<string, OutputRecord> = {};
    for (const made of pages) {
      for (const path of made.paths) if (after[path]) outputs[path] = { stamp: after[path], fingerprint: made.fingerprint };
    }
    for (const feeds of result.feeds) {
      for (const path of publishedPathsOf(feeds)) if (after[path]) outputs[path] = { stamp: after[path], fingerprint: feeds.fingerprint };
    }
    const settingsAsRead = { configBytes: read.sources.configFile?.bytes, staticFiles: read.sources.staticFiles };
    const next = { ...nextOutputsOf({ previous, made: outputs, skipped: result.skippedLanguages }), languages: read.validated.site?.config.languages ?? [] };
    const builtIndex = withPublishedIdsStamp(
      nextBuildIndex({ cacheVersion: options.cacheVersion, snapshot: run.snapshot, articles: read.articles, settingsAsRead, outDir, outOption: run.outOption, ...next, problems, startedMs: run.startedMs, publication: run.publication }),
      publishedIds.stamp,
    );
    progress.stage('cache');
    const nextIndex = withHelpersStamp(builtIndex, read.validated.site?.helpersFile);
    const items = run.keepsItems ? cachedItemsOf(here) : new Map<string, ReadonlyMap<string, ItemTexts>>();
    problems.push(...writeCache(root, { index: nextIndex, items }).filter((problem) => !cacheProblems.some((seen) => seen.code === problem.code)));
    problems.push(...recordFeedChanges(run, written, removed).filter((problem) => !problems.some((seen) => seen.code === problem.code)));
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
      output: { dir: outDir, written, unchanged, removed },
      publication: run.publication,
      summary: [
        ...removed.map((path) => `  removed  ${path}`),
        `Built ${paths.length} feeds${pagesCount(pagePaths)} into ${outDir}: ${feedCount(written)} written, ${feedCount(unchanged)} unchanged${removedCount(removed)}; ${read.articlesRead} of ${articleFiles} article files read${sameBytes}.`,
        ...publishedIds.summary,
      ],
    };
  } finally {
    opened.lock.release();
  }
}

/**
 * The feeds rendered on this thread, with the cache of item texts (the current feeds and each
 * language's newest archive page: those a new article changes), and those rendered in bulk on
 * workers (full archive pages, which seldom change; with `maxItems: 0`, every feed).
 */
function splitRenderWork(toWrite: readonly LanguageFeeds[], everyItem: boolean): { here: LanguageFeeds[]; inBulk: LanguageFeeds[] } {
  const isBulk = (feeds: LanguageFeeds) => everyItem || isFullArchivePage(feeds.document);
  return { here: toWrite.filter((feeds) => !isBulk(feeds)), inBulk: toWrite.filter(isBulk) };
}

/** The item texts kept for the next build, per language: those of the feeds rendered here. */
function cachedItemsOf(rendered: readonly LanguageFeeds[]): Map<string, ReadonlyMap<string, ItemTexts>> {
  const items = new Map<string, Map<string, ItemTexts>>();
  for (const feeds of rendered) {
    const texts = items.get(feeds.lang) ?? new Map<string, ItemTexts>();
    for (const [key, text] of feeds.items) texts.set(key, text);
    items.set(feeds.lang, texts);
  }
  return items;
}

/** Said only when feeds were removed: those of languages or formats no longer in the config, or archive pages no longer needed. */
function removedCount(removed: readonly string[]): string {
  const feeds = feedCount(removed);
  const copies = removed.length - feeds;
  if (removed.length === 0) return '';
  const copiesText = `${copies} compressed ${copies === 1 ? 'copy' : 'copies'}`;
  if (copies === 0) return `, ${feeds} removed (no longer made)`;
  return feeds === 0 ? `, ${copiesText} removed (no longer made)` : `, ${feeds} removed with ${copiesText} (no longer made)`;
}

/** Feed files among these outputs: the summary counts feeds, their compressed copies go with them. */
function feedCount(paths: readonly string[]): number {
  return paths.filter((path) => !isCompressedCopy(path)).length;
}

/**
 * The current feeds this build wrote or removed join the pending WebSub pings (`polyfeed ping`
 * sends them and clears them); a build that changed nothing leaves the pending pings as they are.
 */
function recordFeedChanges(run: BuiltRun, written: readonly string[], removed: readonly string[]): BuildError[] {
  const baseUrl = run.read.validated.site?.config.baseUrl;
  if (baseUrl === undefined || (written.length === 0 && removed.length === 0)) return [];
  const token = `${run.startedMs}-${process.pid}`;
  return updatePendingPings(run.options.root, (pending) => withFeedChanges(pending, { baseUrl, written, removed, token })).problems;
}

/** The lock was held by another build for longer than the run would wait. */
export function lockedProblem(heldBy: number, outDir: string, waitSeconds: number, lockPath: string): BuildError {
  return makeError('OUTPUT_LOCKED', { pid: heldBy, outDir, waitSeconds, lockPath });
}

/**
 * The helpers module is a setting file the snapshot does not know on the first build that names
 * it (the config says where it is): its stamp, taken when it was loaded, joins the index, and
 * from then on each snapshot stats it again (snapshotSettingFiles takes the index's paths).
 */
function withHelpersStamp(index: BuildIndex, helpersFile: { readonly path: string; readonly stamp: FileStamp } | undefined): BuildIndex {
  if (!helpersFile || index.settingFiles[helpersFile.path]) return index;
  return { ...index, settingFiles: { ...index.settingFiles, [helpersFile.path]: helpersFile.stamp } };
}
