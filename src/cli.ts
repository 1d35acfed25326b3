// I/O: argv → options → build or check → write → report → exit code. The only module that exits.
// Over 250 lines: it still holds the incremental run (no-op check, lock, staging, publishing, cache writes);
// issue #12 moves that into the orchestration layer and leaves argv and the report here.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { BuildError } from './errors/build-error.js';
import { makeError } from './errors/error-catalogue.js';
import { withoutRepeats } from './errors/without-repeats.js';
import type { OutputStream } from './build.js';
import { sameRecords, sameStamp, sameStamps, type BuildIndex, type OutputRecord } from './cache/build-index.js';
import { nextBuildIndex } from './cache/next-build-index.js';
import { isCacheProblem } from './cache/cache-problem.js';
import { itemTextsReader } from './cache/item-store.js';
import { buildIndexBytes, readBuildIndex, statOutputs, type ReadBuildIndexResult } from './cache/index-store.js';
import { writeCache } from './cache/write-cache.js';
import { PARALLEL_STAT_MIN_INDEX_BYTES, startStatPool } from './load/stat-paths.js';
import { snapshotSite, type SiteSnapshot } from './cache/snapshot-site.js';
import type { FileStamp } from './load/read-file-with-stat.js';
import type { SiteSources } from './load/read-sources.js';
import { sameFolderStamp } from './load/list-article-tree.js';
import { defaultJobs, startWorkerPool, workersFor, type WorkerPool } from './load/worker-pool.js';
import { readCacheVersion, readPolyfeedVersion } from './polyfeed-version.js';
import { printReport, type ReportFormat } from './print-report.js';
import { checkFeedFolders, checkOutOption } from './write/check-output-folder.js';
import { hasLockFolder } from './write/output-lock.js';
import { openOutputFolder, tidyOutputFolder } from './write/open-output-folder.js';
import { publishStaged } from './write/publish-staged.js';
import { discardStaged, prepareOutputFolders } from './write/staging-files.js';

/** 0 success, 1 invalid sources, 2 bad usage or config, 3 a bug in polyfeed. */
export const ExitCode = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;

const version = readPolyfeedVersion();
/** What the cache is keyed by besides the inputs (see readCacheVersion). */
const cacheVersion = readCacheVersion(version);

interface CommonOptions {
  root: string;
  format: ReportFormat;
  strict: boolean;
  jobs: number;
}

interface CheckCommandOptions extends CommonOptions {
  /** Commander turns --no-cache into cache: false. */
  cache: boolean;
}

interface BuildCommandOptions extends CommonOptions {
  out?: string;
  wait: number;
  /** Commander turns --no-cache into cache: false. */
  cache: boolean;
}

/** With --strict, warnings fail the run too, except those about the cache: it is not the user's source. */
function failsRun(errors: readonly BuildError[], strict: boolean): boolean {
  return errors.some((error) => error.severity === 'error' || (strict && !isCacheProblem(error)));
}

function exitCodeFor(errors: readonly BuildError[], configInvalid: boolean, strict: boolean): number {
  if (configInvalid) return ExitCode.usage;
  return failsRun(errors, strict) ? ExitCode.invalidInput : ExitCode.ok;
}

/** A folder the user named that is missing or is a file is a usage error, not a crash. */
function usageProblem(root: string, out: string | undefined): string | undefined {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return `--root ${root} is not a folder.`;
  if (out !== undefined && statSync(out, { throwIfNoEntry: false })?.isFile()) return `--out ${out} is a file, not a folder.`;
  return undefined;
}

function reportUnsafeOutput(format: ReportFormat, error: BuildError, sources: SiteSources | undefined, root: string): number {
  printReport(format, [error], sources, false, undefined, root);
  if (format !== 'json') process.stderr.write('Nothing was written; the previous output is unchanged.\n');
  return ExitCode.usage;
}

function reportUsageProblem(problem: string): number {
  process.stderr.write(`polyfeed: ${problem}\nRun "polyfeed --help" for the commands and their options.\n`);
  return ExitCode.usage;
}

/**
 * The no-op check: when no input file and no output file changed since the last successful build
 * (sizes and modification times, see cache/), the build would write the same bytes, so it is
 * skipped without loading the pipeline at all.
 */
function isUnchanged(index: BuildIndex | undefined, snapshot: SiteSnapshot, outOption: string | null, strict: boolean): boolean {
  if (!index || index.polyfeedVersion !== cacheVersion || index.outOption !== outOption) return false;
  if (strict && index.warnings.length > 0) return false;
  const { changes } = snapshot;
  if (changes.changed.length > 0 || changes.removed > 0 || index.articleKey !== snapshot.articleKey) return false;
  // A folder added, removed or changed (even one without an article file: an empty folder is a problem) is a change.
  if (!sameRecords(index.listing.folderTimes, snapshot.listing.folderTimes, sameFolderStamp)) return false;
  if (!sameStamps(index.settingFiles, snapshot.settingFiles)) return false;
  // A lock folder is left by a build that was killed (with its leftovers, maybe a publish to undo) or is running.
  if (hasLockFolder(index.outDir)) return false;
  const recorded = Object.fromEntries(Object.entries(index.outputs).map(([path, output]) => [path, output.stamp]));
  return sameStamps(recorded, statOutputs(index.outDir, Object.keys(index.outputs)));
}

function reportUnchanged(index: BuildIndex, format: ReportFormat, root: string): void {
  const paths = Object.keys(index.outputs);
  printReport(format, index.warnings, undefined, true, { dir: index.outDir, written: [], unchanged: paths }, root);
  if (format !== 'json') process.stdout.write(`Nothing changed since the last build: ${paths.length} feeds in ${index.outDir}, 0 written, ${paths.length} unchanged.\n`);
}

/** Streams whose fingerprint and files on disk are what the last build left: their bytes would be the same. */
function isStreamUnchanged(stream: OutputStream, previous: BuildIndex['outputs'], onDisk: Readonly<Record<string, FileStamp>>): boolean {
  return stream.paths.every((path) => previous[path]?.fingerprint === stream.fingerprint && sameStamp(previous[path]?.stamp, onDisk[path]));
}

/** Stat workers pay when the last build's index lists many files. */
function statWorkersFor(root: string, jobs: number): number {
  return buildIndexBytes(root) >= PARALLEL_STAT_MIN_INDEX_BYTES ? jobs - 1 : 0;
}

async function runBuild(options: BuildCommandOptions): Promise<number> {
  const startedMs = Date.now();
  const root = resolve(options.root);
  const outOption = options.out === undefined ? null : resolve(options.out);
  const problem = usageProblem(root, outOption ?? undefined);
  if (problem) return reportUsageProblem(problem);
  // Before anything is read, locked or written: an output folder that shares anything with the sources is refused.
  const unsafe = outOption === null ? undefined : checkOutOption(root, options.out!, outOption);
  if (unsafe) return reportUnsafeOutput(options.format, unsafe, undefined, root);
  // Started first, so the workers start up while this thread reads the index.
  const statPool = startStatPool(options.cache ? statWorkersFor(root, options.jobs) : 0);
  const { index, problem: indexProblem }: ReadBuildIndexResult = options.cache ? readBuildIndex(root) : { index: undefined };
  // Taken before any source is read: a file changed during the build differs from it next time.
  const snapshot = await snapshotSite(root, cacheVersion, index, statPool);
  if (index && isUnchanged(index, snapshot, outOption, options.strict)) {
    reportUnchanged(index, options.format, root);
    return ExitCode.ok;
  }
  // Started before the pipeline loads here, so the workers load theirs at the same time.
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs));
  try {
    return await buildAndWrite({ root, options, outOption, index, snapshot, pool, startedMs, cacheProblems: indexProblem ? [indexProblem] : [] });
  } finally {
    pool.close();
  }
}

interface BuildAndWriteInput {
  readonly root: string;
  readonly options: BuildCommandOptions;
  readonly outOption: string | null;
  readonly index: BuildIndex | undefined;
  readonly snapshot: SiteSnapshot;
  readonly pool: WorkerPool;
  readonly startedMs: number;
  /** Warnings about the cache met so far (more are added as item texts are read and the cache written). */
  readonly cacheProblems: BuildError[];
}

async function buildAndWrite({ root, options, outOption, index, snapshot, pool, startedMs, cacheProblems }: BuildAndWriteInput): Promise<number> {
  const [{ readSite }, { buildSite }] = await Promise.all([import('./read-site.js'), import('./build.js')]);
  const read = await readSite(root, snapshot, pool);
  const { sources } = read;
  // Item texts are kept for feeds of the newest items; feeds of every item would make the cache as large as the archive.
  const keepsItems = read.validated.site !== undefined && read.validated.site.config.maxItems > 0;
  const knownItems = options.cache && keepsItems ? itemTextsReader(root, read.validated.site!.config.formats, cacheProblems) : undefined;
  const result = buildSite(read.validated, { version, cacheVersion, stream: true, knownItems });
  const code = exitCodeFor(result.errors, result.configInvalid, options.strict);
  const outDir = outOption ?? resolve(root, result.outDir ?? 'public');
  if (code !== ExitCode.ok) {
    if (!result.configInvalid) tidyOutputFolder(root, outDir);
    printReport(options.format, [...result.errors, ...cacheProblems], sources, false, undefined, root);
    if (options.format !== 'json') process.stderr.write('Nothing was written; the previous output is unchanged.\n');
    return code;
  }
  const unsafeFolder = checkFeedFolders(root, outDir, result.streams.flatMap((stream) => stream.paths));
  if (unsafeFolder) return reportUnsafeOutput(options.format, unsafeFolder, sources, root);
  const opened = openOutputFolder({
    root,
    outDir,
    waitMs: options.wait * 1000,
    onWait: (pid) => process.stderr.write(`Waiting for another polyfeed build (process ${pid}) to finish writing ${outDir}…\n`),
  });
  if ('errors' in opened) return reportWriteFailure(options.format, [...result.errors, ...opened.errors], sources, root);
  if (!('lock' in opened)) {
    const locked = makeError('OUTPUT_LOCKED', `Another build (process ${opened.heldBy}) is still writing ${outDir} after ${options.wait} s.`, {
      hint: `Wait for it, or delete ${opened.path} if no build is running.`,
    });
    printReport(options.format, [...result.errors, ...cacheProblems, locked], sources, false, undefined, root);
    return ExitCode.invalidInput;
  }
  try {
    const paths = result.streams.flatMap((stream) => stream.paths);
    const previous = index?.outDir === outDir ? index.outputs : {};
    const before = statOutputs(outDir, paths);
    const kept = result.streams.filter((stream) => isStreamUnchanged(stream, previous, before));
    const toWrite = result.streams.filter((stream) => !kept.includes(stream));
    const place = { root, outDir };
    const folderErrors = prepareOutputFolders(place, toWrite.flatMap((stream) => stream.paths));
    if (folderErrors.length > 0) return reportWriteFailure(options.format, [...result.errors, ...folderErrors], sources, root);
    // Every feed is staged first: a problem met while rendering any of them must leave everything unpublished.
    const everyItem = read.validated.site?.config.maxItems === 0;
    // Feeds of every item are rendered on workers alone (this thread waits): one a thread, the scan's workers closed.
    if (everyItem && options.jobs > 1) pool.close();
    const renderPool = everyItem && options.jobs > 1 ? startWorkerPool(options.jobs) : pool;
    const { configFile, localeFiles, templateFiles, staticFiles } = sources;
    const settingSources = { configFile, localeFiles, templateFiles, staticFiles, articleFiles: [], articleFolders: [] };
    // Feeds of every item are rendered only in workers, whose heap is capped: memory stays bounded.
    const jobs = await renderPool.stageFeeds({ root, outDir, version, settingSources }, toWrite, everyItem).finally(() => renderPool.close());
    const staged = jobs.flatMap((job) => job.staged);
    const problems = [...result.errors, ...withoutRepeats(jobs.flatMap((job) => job.errors)), ...cacheProblems];
    const streamCode = exitCodeFor(problems, false, options.strict);
    if (streamCode !== ExitCode.ok) {
      discardStaged(staged);
      printReport(options.format, problems, sources, false, undefined, root);
      if (options.format !== 'json') process.stderr.write('Nothing was written; the previous output is unchanged.\n');
      return streamCode;
    }
    const published = publishStaged({ ...place, journalPath: opened.journalPath }, staged);
    if (published.errors.length > 0) return reportWriteFailure(options.format, [...problems, ...published.errors], sources, root);
    const written = published.written;
    const unchanged = [...kept.flatMap((stream) => stream.paths), ...published.unchanged];
    const after = statOutputs(outDir, paths);
    const outputs: Record<string, OutputRecord> = {};
    for (const stream of result.streams) {
      for (const path of stream.paths) if (after[path]) outputs[path] = { stamp: after[path], fingerprint: stream.fingerprint };
    }
    const settingsAsRead = { configBytes: read.sources.configFile?.bytes, staticFiles: read.sources.staticFiles };
    const nextIndex = nextBuildIndex({ cacheVersion, snapshot, articles: read.articles, settingsAsRead, outDir, outOption, outputs, problems, startedMs });
    const items = new Map(keepsItems ? toWrite.flatMap((stream) => (stream.feed && stream.items ? [[stream.feed.lang, stream.items] as const] : [])) : []);
    problems.push(...writeCache(root, { index: nextIndex, items }).filter((problem) => !cacheProblems.some((seen) => seen.code === problem.code)));
    printReport(options.format, problems, sources, true, { dir: outDir, written, unchanged }, root);
    if (options.format !== 'json') {
      const articleFiles = read.validated.scanned?.files.length ?? 0;
      const sameBytes = read.articlesWithSameBytes > 0 ? ` (${read.articlesWithSameBytes} of them with the bytes of the last build, not validated again)` : '';
      process.stdout.write(`Built ${paths.length} feeds into ${outDir}: ${written.length} written, ${unchanged.length} unchanged; ${read.articlesRead} of ${articleFiles} article files read${sameBytes}.\n`);
    }
  } finally {
    opened.lock.release();
  }
  return code;
}

/** A write that failed: reported with the run's other problems; the previous output is whole. */
function reportWriteFailure(format: ReportFormat, problems: readonly BuildError[], sources: Parameters<typeof printReport>[2], root: string): number {
  printReport(format, problems, sources, false, undefined, root);
  return ExitCode.invalidInput;
}

async function runCheck(options: CheckCommandOptions): Promise<number> {
  const root = resolve(options.root);
  const problem = usageProblem(root, undefined);
  if (problem) return reportUsageProblem(problem);
  // check reads the index of the last build but writes nothing, not even the cache.
  const statPool = startStatPool(options.cache ? statWorkersFor(root, options.jobs) : 0);
  const { index, problem: indexProblem }: ReadBuildIndexResult = options.cache ? readBuildIndex(root) : { index: undefined };
  const snapshot = await snapshotSite(root, cacheVersion, index, statPool);
  const pool = startWorkerPool(workersFor(snapshot.changes.changed.length, options.jobs));
  const [{ readSite }, { checkSite }] = await Promise.all([import('./read-site.js'), import('./build.js')]);
  const read = await readSite(root, snapshot, pool).finally(() => pool.close());
  const result = checkSite(read.validated);
  const errors = indexProblem ? [...result.errors, indexProblem] : result.errors;
  const code = exitCodeFor(errors, result.configInvalid, options.strict);
  printReport(options.format, errors, read.sources, code === ExitCode.ok, undefined, root);
  if (code === ExitCode.ok && options.format !== 'json') process.stdout.write('All sources are valid.\n');
  return code;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('Expected a whole number of threads (1 or more).');
  return jobs;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('Expected a number of seconds (0 or more).');
  return seconds;
}

function addCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--root <dir>', 'site folder holding polyfeed.config.yaml').default('.'))
    .addOption(new Option('--format <format>', 'how problems are reported').choices(['human', 'json', 'github']).default('human'))
    .option('--strict', 'warnings fail the run too', false)
    .addOption(
      new Option('--jobs <threads>', 'threads that read and validate articles (default: one per core; 1 keeps everything on one thread)')
        .argParser(parseJobs)
        .default(defaultJobs()),
    );
}

function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('polyfeed')
    .description('Builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds for every language of a multilingual site.')
    .version(version)
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 success, 1 invalid sources, 2 bad usage or config, 3 internal error.');
  addCommonOptions(
    program.command('build').description('validate every source, then write the feeds (nothing is written if any source is invalid)'),
  )
    .option('--out <dir>', 'output folder (default: outDir from the config, "public")')
    .addOption(new Option('--wait <seconds>', 'how long to wait for another build writing the same output folder').argParser(parseSeconds).default(60))
    .option('--no-cache', 'ignore .polyfeed-cache/ and rebuild everything (it is written afresh)')
    .action(async (options: BuildCommandOptions) => setExitCode(await runBuild(options)));
  addCommonOptions(program.command('check').description('validate every source and report all problems; writes nothing'))
    .option('--no-cache', 'validate every article again, not only those changed since the last build')
    .action(async (options: CheckCommandOptions) => setExitCode(await runCheck(options)));
  program.commands.forEach((command) => command.exitOverride().showHelpAfterError());
  return program;
}

/** Runs the CLI and exits the process with its exit code. */
export async function runCli(argv: readonly string[]): Promise<void> {
  let exitCode: number = ExitCode.ok;
  try {
    await createProgram((code) => (exitCode = code)).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else {
      process.stderr.write(
        `polyfeed: internal error — this is a bug in polyfeed, not in your files. Please report it with the text below.\n${(error as Error).stack ?? String(error)}\n`,
      );
      exitCode = ExitCode.internal;
    }
  }
  process.exitCode = exitCode;
  process.exit(exitCode);
}
