// I/O: argv → options → build or check → write → report → exit code. The only module that exits.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { BuildError } from './errors/build-error.js';
import { makeError } from './errors/error-catalogue.js';
import { withoutRepeats } from './errors/without-repeats.js';
import { isUpToDate, type BuildManifest } from './cache/build-manifest.js';
import { snapshotInputs, type InputSnapshot } from './cache/input-snapshot.js';
import { articleCacheKey, lookupCachedArticles, toArticleCache } from './cache/article-cache.js';
import { readArticleCache, readManifest, statOutputs, writeArticleCache, writeManifest } from './cache/manifest-store.js';
import { readSources } from './load/read-sources.js';
import { printReport, type ReportFormat } from './print-report.js';
import { acquireOutputLock } from './write/output-lock.js';
import { writeOutputs, writeOutputStreams } from './write/write-outputs.js';

/** 0 success, 1 invalid sources, 2 bad usage or config, 3 a bug in polyfeed. */
export const ExitCode = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

interface CommonOptions {
  root: string;
  format: ReportFormat;
  strict: boolean;
}

interface BuildCommandOptions extends CommonOptions {
  out?: string;
  wait: number;
  /** Commander turns --no-cache into cache: false. */
  cache: boolean;
}

function failsRun(errors: readonly BuildError[], strict: boolean): boolean {
  return errors.some((error) => error.severity === 'error' || strict);
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

function reportUsageProblem(problem: string): number {
  process.stderr.write(`polyfeed: ${problem}\nRun "polyfeed --help" for the commands and their options.\n`);
  return ExitCode.usage;
}

/**
 * The no-op check: when no input file and no output file changed since the last successful build
 * (sizes and modification times, see cache/), the build would write the same bytes, so it is
 * skipped without loading the pipeline at all.
 */
function skipIfUnchanged(root: string, outOption: string | null, options: BuildCommandOptions): { skipped: boolean; inputs: InputSnapshot } {
  const manifest = options.cache ? readManifest(root) : undefined;
  const inputs = snapshotInputs(root, manifest?.inputs);
  if (!manifest || (options.strict && manifest.warnings.length > 0)) return { skipped: false, inputs };
  const outputs = statOutputs(manifest.outDir, Object.keys(manifest.outputs));
  if (!isUpToDate(manifest, { version, outOption, inputs, outputs })) return { skipped: false, inputs };
  printReport(options.format, manifest.warnings, undefined, true, { dir: manifest.outDir, written: [], unchanged: Object.keys(manifest.outputs) });
  if (options.format !== 'json') {
    const count = Object.keys(manifest.outputs).length;
    process.stdout.write(`Nothing changed since the last build: ${count} feeds in ${manifest.outDir}, 0 written, ${count} unchanged.\n`);
  }
  return { skipped: true, inputs };
}

async function runBuild(options: BuildCommandOptions): Promise<number> {
  const root = resolve(options.root);
  const outOption = options.out === undefined ? null : resolve(options.out);
  const problem = usageProblem(root, outOption ?? undefined);
  if (problem) return reportUsageProblem(problem);
  // Taken before any source is read: a file changed during the build differs from it next time.
  const { skipped, inputs } = skipIfUnchanged(root, outOption, options);
  if (skipped) return ExitCode.ok;

  const { build } = await import('./build.js');
  const sources = readSources(root);
  const cacheKey = articleCacheKey(version, inputs);
  const cached = lookupCachedArticles(options.cache ? readArticleCache(root) : undefined, cacheKey, inputs);
  const result = build(sources, { version, cached });
  const code = exitCodeFor(result.errors, result.configInvalid, options.strict);
  if (code !== ExitCode.ok) {
    printReport(options.format, result.errors, sources, false);
    if (options.format !== 'json') process.stderr.write('Nothing was written; the previous output is unchanged.\n');
    return code;
  }
  const outDir = outOption ?? resolve(root, result.outDir ?? 'public');
  const acquired = acquireOutputLock(outDir, options.wait * 1000, (pid) => {
    process.stderr.write(`Waiting for another polyfeed build (process ${pid}) to finish writing ${outDir}…\n`);
  });
  if (!('lock' in acquired)) {
    const locked = makeError('OUTPUT_LOCKED', `Another build (process ${acquired.heldBy}) is still writing ${outDir} after ${options.wait} s.`, {
      hint: `Wait for it, or delete ${acquired.path} if no build is running.`,
    });
    printReport(options.format, [...result.errors, locked], sources, false);
    return ExitCode.invalidInput;
  }
  try {
    // Streamed feeds first: a problem met while rendering them must leave everything unpublished.
    const streamed = writeOutputStreams(outDir, result.streams);
    const problems = [...result.errors, ...withoutRepeats(streamed.errors)];
    const streamCode = exitCodeFor(problems, false, options.strict);
    if (streamCode !== ExitCode.ok) {
      printReport(options.format, problems, sources, false);
      if (options.format !== 'json') process.stderr.write('Nothing was written; the previous output is unchanged.\n');
      return streamCode;
    }
    const whole = writeOutputs(outDir, result.files);
    const written = [...streamed.written, ...whole.written];
    const unchanged = [...streamed.unchanged, ...whole.unchanged];
    const paths = [...result.streams.flatMap((stream) => stream.paths), ...result.files.map((file) => file.path)];
    const manifest: BuildManifest = {
      polyfeedVersion: version,
      outDir,
      outOption,
      inputs,
      outputs: statOutputs(outDir, paths),
      warnings: problems.map(({ cause: _cause, ...error }) => error),
    };
    writeManifest(root, manifest);
    writeArticleCache(root, toArticleCache(cacheKey, result.articles, problems, inputs));
    printReport(options.format, problems, sources, true, { dir: outDir, written, unchanged });
    if (options.format !== 'json') {
      process.stdout.write(`Built ${paths.length} feeds into ${outDir}: ${written.length} written, ${unchanged.length} unchanged.\n`);
    }
  } finally {
    acquired.lock.release();
  }
  return code;
}

async function runCheck(options: CommonOptions): Promise<number> {
  const root = resolve(options.root);
  const problem = usageProblem(root, undefined);
  if (problem) return reportUsageProblem(problem);
  const { check } = await import('./build.js');
  const sources = readSources(root);
  // check reads the cache of the last build but writes nothing, not even the cache.
  const inputs = snapshotInputs(root, readManifest(root)?.inputs);
  const result = check(sources, lookupCachedArticles(readArticleCache(root), articleCacheKey(version, inputs), inputs));
  const code = exitCodeFor(result.errors, result.configInvalid, options.strict);
  printReport(options.format, result.errors, sources, code === ExitCode.ok);
  if (code === ExitCode.ok && options.format !== 'json') process.stdout.write('All sources are valid.\n');
  return code;
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
    .option('--strict', 'warnings fail the run too', false);
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
  addCommonOptions(program.command('check').description('validate every source and report all problems; writes nothing')).action(
    async (options: CommonOptions) => setExitCode(await runCheck(options)),
  );
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
