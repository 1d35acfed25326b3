// I/O: argv → a command run → its report printed → the exit code. The only module that exits.
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { printReport, type ReportFormat } from './report/print-report.js';
import { defaultJobs } from './run/worker-pool.js';
import { readCacheVersion, readPolyfeedVersion } from './run/polyfeed-version.js';
import { ExitCode, type RunOutcome } from './run/run-outcome.js';
import { runBuild } from './run/run-build.js';
import { runCheck } from './run/run-check.js';

const version = readPolyfeedVersion();
/** What the cache is keyed by besides the inputs (see readCacheVersion). */
const cacheVersion = readCacheVersion(version);

interface CommonOptions {
  root: string;
  format: ReportFormat;
  strict: boolean;
  jobs: number;
  /** Commander turns --no-cache into cache: false. */
  cache: boolean;
}

interface BuildCommandOptions extends CommonOptions {
  out?: string;
  wait: number;
  dryRun: boolean;
  acceptIdChanges: boolean;
}

/** Prints how a run ended and gives its exit code. */
function printOutcome(outcome: RunOutcome, format: ReportFormat, root: string): number {
  if (outcome.kind === 'usage') {
    process.stderr.write(`polyfeed: ${outcome.message}\nRun "polyfeed --help" for the commands and their options.\n`);
    return ExitCode.usage;
  }
  printReport(format, outcome.problems, outcome.sources, outcome.ok, outcome.output, root);
  if (format !== 'json') {
    if (outcome.notice) process.stderr.write(`${outcome.notice}\n`);
    for (const line of outcome.summary ?? []) process.stdout.write(`${line}\n`);
  }
  return outcome.exitCode;
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
    .option('--dry-run', 'say which feeds would be added, changed or left alone; write nothing (not even the cache)', false)
    .option('--accept-id-changes', 'publish on purpose item ids that changed or were dropped since published-ids.tsv listed them, and rewrite it', false)
    .action(async (options: BuildCommandOptions) => {
      const root = resolve(options.root);
      const onWait = (pid: number, outDir: string) => void process.stderr.write(`Waiting for another polyfeed build (process ${pid}) to finish writing ${outDir}…\n`);
      const run = { ...options, out: options.out, root, waitSeconds: options.wait, version, cacheVersion, onWait };
      setExitCode(printOutcome(await runBuild(run), options.format, root));
    });
  addCommonOptions(program.command('check').description('validate every source and report all problems; writes nothing'))
    .option('--no-cache', 'validate every article again, not only those changed since the last build')
    .action(async (options: CommonOptions) => {
      const root = resolve(options.root);
      setExitCode(printOutcome(await runCheck({ ...options, root, cacheVersion }), options.format, root));
    });
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
