// I/O: argv → a command run → its report printed → the exit code. The only module that exits.
// Longer than most modules: it is the one table of every command and option (commander's definitions
// read best side by side); what a command does lives in run/, how its outcome is printed in report/.
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { printReport, type ReportFormat } from './report/print-report.js';
import type { DiffFormat } from './report/print-diff.js';
import { defaultJobs } from './run/worker-pool.js';
import { readCacheVersion, readPolyfeedVersion } from './run/polyfeed-version.js';
import { ExitCode, type RunOutcome } from './run/run-outcome.js';
import { runBuild } from './run/run-build.js';
import { runCheck } from './run/run-check.js';
import { chooseNow } from './run/choose-now.js';
import type { PublicationWindow } from './model/publication-window.js';
import { jsonSchedule, publicationLines } from './report/format-publication.js';
import { observeRun, type RunObserver } from './report/run-observer.js';
import { problemsToPrint } from './report/quiet-problems.js';
import { formatIgnoredFields } from './report/format-ignored-fields.js';
import { toJsonCoverage } from './report/format-coverage-json.js';

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
  now?: string;
  languages?: string[];
  quiet: boolean;
  verbose: boolean;
}

interface CheckCommandOptions extends CommonOptions {
  ignoredFields: boolean;
  coverage: boolean;
}

interface CoverageCommandOptions extends Omit<CommonOptions, 'format'> {
  format: 'human' | 'markdown' | 'json';
}

interface BuildCommandOptions extends CommonOptions {
  out?: string;
  wait: number;
  dryRun: boolean;
  drafts: boolean;
  future: boolean;
  acceptIdChanges: boolean;
  ping: boolean;
}

interface PingCommandOptions {
  root: string;
  format: 'human' | 'json';
  strict: boolean;
  dryRun: boolean;
  timeout: number;
  attempts: number;
  maxTime: number;
  quiet: boolean;
}

interface ServeCommandOptions extends Omit<CommonOptions, 'verbose'> {
  out?: string;
  wait: number;
  drafts: boolean;
  future: boolean;
  port: number;
  host: string;
}

interface DiffCommandOptions extends Omit<CommonOptions, 'format'> {
  format: DiffFormat;
  against?: string;
  to?: string;
}

/** Prints how a run ended and gives its exit code; with --quiet (`quiet.quiet`), only the problems that fail it. */
function printOutcome(outcome: RunOutcome, format: ReportFormat, root: string, quiet = { quiet: false, strict: false }): number {
  if (outcome.kind === 'usage') {
    process.stderr.write(`polyfeed: ${outcome.message}\nRun "polyfeed --help" for the commands and their options.\n`);
    return ExitCode.usage;
  }
  const { publication } = outcome;
  // A JSON report is for programs: whole, whatever --quiet says.
  const problems = format === 'json' ? outcome.problems : problemsToPrint(outcome.problems, quiet);
  const { ignoredFields } = outcome;
  const coverage = format === 'json' && outcome.coverage ? toJsonCoverage(outcome.coverage) : undefined;
  printReport(format, problems, outcome.sources, outcome.ok, { output: outcome.output, schedule: publication && jsonSchedule(publication), ignoredFields, coverage, ping: outcome.ping }, root);
  if (format !== 'json' && !quiet.quiet) {
    if (outcome.notice) process.stderr.write(`${outcome.notice}\n`);
    for (const line of [...(outcome.summary ?? []), ...(publication ? publicationLines(publication) : [])]) process.stdout.write(`${line}\n`);
  }
  // Asked for by name, so printed even with --quiet.
  if (format !== 'json' && ignoredFields) for (const line of formatIgnoredFields(ignoredFields)) process.stdout.write(`${line}\n`);
  return outcome.exitCode;
}

const reportFormats = { choices: ['human', 'json', 'github'], description: 'how problems are reported' };

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

/** The run's "now" (from --now, SOURCE_DATE_EPOCH or the clock, read here at the edge), or why it cannot be had. */
function windowFor(options: { now?: string; drafts?: boolean; future?: boolean }): PublicationWindow | RunOutcome {
  const now = chooseNow({ nowOption: options.now, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, clockMs: Date.now() });
  if ('problem' in now) return { kind: 'usage', message: now.problem };
  return { nowMs: now.nowMs, drafts: options.drafts ?? false, future: options.future ?? false };
}

/** --verbose and the progress display (on a terminal) around a run; a test may set how soon the display is drawn. */
function observeRunOf(options: CommonOptions | DiffCommandOptions | CoverageCommandOptions): Promise<RunObserver> {
  const delayMs = Number(process.env.POLYFEED_PROGRESS_DELAY_MS);
  return observeRun({ verbose: options.verbose, quiet: options.quiet, stream: process.stderr, env: process.env, delayMs: delayMs >= 0 ? delayMs : undefined });
}

function parseAttempts(value: string): number {
  const attempts = Number(value);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) throw new InvalidArgumentError('Expected a whole number of tries from 1 to 10.');
  return attempts;
}

function parsePositiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('Expected a number of seconds above 0.');
  return seconds;
}

/** The first wait between two tries of a ping; each later one is twice as long. */
const PING_BACKOFF_MS = 1000;

/** Runs `polyfeed ping` with these limits (`build --ping` takes the defaults). */
async function pingHub(root: string, options: { strict: boolean; dryRun: boolean; timeout: number; attempts: number; maxTime: number }): Promise<RunOutcome> {
  const { runPing } = await import('./run/run-ping.js');
  const limits = { timeoutMs: options.timeout * 1000, attempts: options.attempts, backoffMs: PING_BACKOFF_MS, totalMs: options.maxTime * 1000 };
  return runPing({ root, strict: options.strict, dryRun: options.dryRun, limits, userAgent: `polyfeed/${version} (+https://www.npmjs.com/package/polyfeed)` });
}

/**
 * A build followed by its ping, as one report: the build's problems and the ping's, both summaries,
 * and the ping's exit code when the build's is 0. A usage problem of the ping (no hub) is its own.
 */
function withPing(built: RunOutcome, pinged: RunOutcome): RunOutcome {
  if (built.kind !== 'report' || pinged.kind !== 'report') return pinged;
  const exitCode = built.exitCode !== ExitCode.ok ? built.exitCode : pinged.exitCode;
  return {
    ...built,
    exitCode,
    ok: exitCode === ExitCode.ok,
    problems: [...built.problems, ...pinged.problems],
    summary: [...(built.summary ?? []), ...(pinged.summary ?? [])],
    ...(pinged.ping ? { ping: pinged.ping } : {}),
  };
}

const PING_DEFAULTS = { timeout: 10, attempts: 3, maxTime: 60 } as const;

function parseLanguages(value: string): string[] {
  const tags = value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (tags.length === 0) throw new InvalidArgumentError('Expected language tags of the config, separated by commas (en,fr).');
  return tags;
}

function addCommonOptions(command: Command, formats: { readonly choices: readonly string[]; readonly description: string } = reportFormats, { stageTimes = true } = {}): Command {
  command
    .addOption(new Option('--root <dir>', 'site folder holding polyfeed.config.yaml').default('.'))
    .option('--now <date-time>', 'publish as of this ISO 8601 date-time with offset instead of the clock (SOURCE_DATE_EPOCH is used when set); later-dated articles stay scheduled')
    .addOption(new Option('--format <format>', formats.description).choices(formats.choices).default('human'))
    .option('--strict', 'warnings fail the run too', false)
    .addOption(
      new Option('--jobs <threads>', 'threads that read and validate articles (default: one per core; 1 keeps everything on one thread)')
        .argParser(parseJobs)
        .default(defaultJobs()),
    )
    .addOption(new Option('--languages <tags>', 'only these languages of the config, separated by commas (every article is still validated)').argParser(parseLanguages))
    .addOption(new Option('--quiet', 'print only the problems that fail the run: no warnings, no summary, no progress').default(false).conflicts('verbose'));
  return stageTimes ? command.option('--verbose', 'also print the time of each stage (scan, read/validate, render, write/publish, cache) on stderr', false) : command;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('Expected a port number from 0 to 65535 (0: any free port).');
  return port;
}

/** What a build says on stderr while another build holds the output folder (nothing with --quiet). */
function waitNotice(quiet: boolean): (pid: number, outDir: string) => void {
  return (pid, outDir) => void (quiet || process.stderr.write(`Waiting for another polyfeed build (process ${pid}) to finish writing ${outDir}…\n`));
}

/** Declares every command and option (for tests that check what examples and docs use); parsing runs the command. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('polyfeed')
    .description('Builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds for every language of a multilingual site.')
    .version(version)
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 success (diff: identical), 1 invalid sources (diff: also the feeds differ), 2 bad usage or config, 3 internal error.');
  addCommonOptions(
    program.command('build').description('validate every source, then write the feeds (nothing is written if any source is invalid)'),
  )
    .option('--out <dir>', 'output folder (default: outDir from the config, "public")')
    .addOption(new Option('--wait <seconds>', 'how long to wait for another build writing the same output folder').argParser(parseSeconds).default(60))
    .option('--no-cache', 'ignore .polyfeed-cache/ and rebuild everything (it is written afresh)')
    .option('--dry-run', 'say which feeds would be added, changed or left alone; write nothing (not even the cache)', false)
    .option('--drafts', 'preview: publish drafts too (never for a build readers see)', false)
    .option('--future', 'preview: publish scheduled articles (dated after now) too (never for a build readers see)', false)
    .option('--accept-id-changes', 'publish on purpose item ids that changed or were dropped since published-ids.tsv listed them, and rewrite it', false)
    .addOption(
      new Option('--ping', 'after a successful build, notify the WebSub hub (hub: in the config) of the feeds changed since the last ping, as "polyfeed ping" does with its defaults').default(false).conflicts(['dryRun', 'drafts', 'future']),
    )
    .action(async (options: BuildCommandOptions) => {
      const root = resolve(options.root);
      const window = windowFor(options);
      if ('kind' in window) return setExitCode(printOutcome(window, options.format, root));
      const onWait = waitNotice(options.quiet);
      const observer = await observeRunOf(options);
      const run = { ...options, out: options.out, root, waitSeconds: options.wait, version, cacheVersion, onWait, window, progress: observer.progress };
      let outcome = await runBuild(run).finally(observer.stop);
      // A build that failed published nothing: the feeds it would have changed are not pending, and no ping is sent.
      if (options.ping && outcome.kind === 'report' && outcome.exitCode === ExitCode.ok) {
        const pinged = await pingHub(root, { ...PING_DEFAULTS, strict: options.strict, dryRun: false });
        if (pinged.kind === 'usage') printOutcome(outcome, options.format, root, options);
        outcome = withPing(outcome, pinged);
      }
      setExitCode(printOutcome(outcome, options.format, root, options));
      observer.printStageTimes();
    });
  program
    .command('ping')
    .description('notify the WebSub hub (hub: in the config) of the current feeds the builds since the last ping changed; one POST per feed URL, with a bounded retry')
    .addOption(new Option('--root <dir>', 'site folder holding polyfeed.config.yaml').default('.'))
    .addOption(new Option('--format <format>', 'how the outcome is reported').choices(['human', 'json']).default('human'))
    .option('--strict', 'a hub that does not take every notification fails the run (exit code 1) instead of warning', false)
    .option('--dry-run', 'print the feed URLs it would send and the form it would post; send nothing', false)
    .addOption(new Option('--timeout <seconds>', 'how long one request may take').argParser(parsePositiveSeconds).default(PING_DEFAULTS.timeout))
    .addOption(new Option('--attempts <n>', 'tries per feed URL when the hub fails (5xx, 408, 429) or cannot be reached; waits 1 s, then 2 s… between tries').argParser(parseAttempts).default(PING_DEFAULTS.attempts))
    .addOption(new Option('--max-time <seconds>', 'how long the whole ping may take; no try starts after it').argParser(parsePositiveSeconds).default(PING_DEFAULTS.maxTime))
    .option('--quiet', 'print only the problems that fail the run', false)
    .action(async (options: PingCommandOptions) => {
      const root = resolve(options.root);
      const outcome = await pingHub(root, options);
      setExitCode(printOutcome(outcome, options.format, root, { quiet: options.quiet, strict: options.strict }));
    });
  addCommonOptions(program.command('check').description('validate every source and report all problems; writes nothing'))
    .option('--no-cache', 'validate every article again, not only those changed since the last build')
    .option('--ignored-fields', 'also list the front-matter fields polyfeed ignores (another generator\'s layout): per field, how many files carry it and one of them', false)
    .option('--coverage', 'also print the table of `polyfeed coverage` (with --strict, an outdated translation fails the run)', false)
    .action(async (options: CheckCommandOptions) => {
      const root = resolve(options.root);
      const window = windowFor(options);
      if ('kind' in window) return setExitCode(printOutcome(window, options.format, root));
      const observer = await observeRunOf(options);
      const outcome = await runCheck({ ...options, root, cacheVersion, window, progress: observer.progress }).finally(observer.stop);
      if (outcome.kind === 'report' && outcome.coverage && options.format !== 'json') {
        const { printCoverage } = await import('./report/print-coverage.js');
        printCoverage(outcome.coverage, 'human');
      }
      setExitCode(printOutcome(outcome, options.format, root, options));
      observer.printStageTimes();
    });
  addCommonOptions(
    program.command('coverage').description('per article and language: translated, outdated (its source was updated after it), fallback or missing; per language the labels left to polyfeed or missing; writes nothing'),
    { choices: ['human', 'markdown', 'json'], description: 'how the coverage is reported (markdown: for a pull request)' },
  )
    .option('--no-cache', 'validate every article again, not only those changed since the last build')
    .addHelpText('after', '\nEach outdated translation is also a TRANSLATION_OUTDATED warning; with --strict it fails the run (exit code 1).')
    .action(async (options: CoverageCommandOptions) => {
      const root = resolve(options.root);
      const window = windowFor(options);
      if ('kind' in window) return setExitCode(printOutcome(window, 'human', root));
      // Loaded only for this command.
      const [{ runCoverage }, { printCoverage }] = await Promise.all([import('./run/run-coverage.js'), import('./report/print-coverage.js')]);
      const observer = await observeRunOf(options);
      const outcome = await runCoverage({ ...options, root, cacheVersion, window, progress: observer.progress }).finally(observer.stop);
      const reportFormat = options.format === 'json' ? 'json' : 'human';
      if (outcome.kind === 'report' && outcome.coverage && options.format !== 'json') printCoverage(outcome.coverage, options.format);
      setExitCode(printOutcome(outcome, reportFormat, root, options));
      observer.printStageTimes();
    });
  addCommonOptions(
    program.command('diff').description('per language and format, the items a build would add, change (which fields) and remove; writes nothing'),
    { choices: ['human', 'markdown', 'json'], description: 'how the diff is reported (markdown: for a pull-request comment)' },
  )
    .option('--against <dir>', 'folder of the feeds to compare with (default: the output folder of the last build, or outDir)')
    .option('--to <dir>', 'compare this folder of feeds with --against instead of building')
    .option('--no-cache', 'ignore .polyfeed-cache/: build every feed again to compare it')
    .action(async (options: DiffCommandOptions) => {
      const root = resolve(options.root);
      const window = windowFor(options);
      if ('kind' in window) return setExitCode(printOutcome(window, 'human', root));
      // Loaded only for this command: it parses feeds.
      const [{ runDiff }, { printDiff }] = await Promise.all([import('./run/run-diff.js'), import('./report/print-diff.js')]);
      const observer = await observeRunOf(options);
      const outcome = await runDiff({ ...options, against: options.against, to: options.to, root, version, cacheVersion, window, progress: observer.progress }).finally(observer.stop);
      if (outcome.kind === 'usage') setExitCode(printOutcome(outcome, 'human', root));
      else {
        printDiff(options.format === 'json' ? outcome : { ...outcome, problems: problemsToPrint(outcome.problems, options) }, options.format);
        setExitCode(outcome.exitCode);
      }
      observer.printStageTimes();
    });
  addCommonOptions(
    program.command('serve').description('preview: build, serve the output folder over HTTP as a static host would, and rebuild whenever a source is saved (not for production)'),
    { choices: ['human', 'github'], description: 'how problems are reported' },
    { stageTimes: false },
  )
    .option('--out <dir>', 'output folder (default: outDir from the config, "public")')
    .addOption(new Option('--port <number>', 'port to listen on (0: any free port; the URL printed says which)').argParser(parsePort).default(8080))
    .option('--host <address>', 'address to listen on (another than the loopback shows the preview to the network)', '127.0.0.1')
    .addOption(new Option('--wait <seconds>', 'how long a build waits for another build writing the same output folder').argParser(parseSeconds).default(60))
    .option('--no-cache', 'ignore .polyfeed-cache/ on the first build (it is written afresh); rebuilds use it')
    .option('--drafts', 'publish drafts too', false)
    .option('--future', 'publish scheduled articles (dated after now) too', false)
    .action(async (options: ServeCommandOptions) => {
      const root = resolve(options.root);
      const firstWindow = windowFor(options);
      if ('kind' in firstWindow) return setExitCode(printOutcome(firstWindow, options.format, root));
      const { runServe } = await import('./run/run-serve.js');
      const stopping = new AbortController();
      const stop = () => stopping.abort();
      process.once('SIGINT', stop).once('SIGTERM', stop);
      const say = (line: string) => void (options.quiet || process.stdout.write(`${line}\n`));
      const onWait = waitNotice(options.quiet);
      const outcome = await runServe({
        build: { root, out: options.out, strict: options.strict, jobs: options.jobs, cache: options.cache, languages: options.languages, waitSeconds: options.wait, version, cacheVersion },
        // The clock is read at each build: an article whose date has come is published by the next one.
        windowNow: () => {
          const window = windowFor(options);
          return 'kind' in window ? firstWindow : window;
        },
        host: options.host,
        port: options.port,
        debounceMs: 100,
        onWait,
        onBuilt: (built, trigger, elapsedMs) => {
          if (trigger) say(`Rebuilt after a change to ${trigger.slice(0, 3).join(', ')}${trigger.length > 3 ? ` and ${trigger.length - 3} more` : ''} (${elapsedMs} ms):`);
          printOutcome(built, options.format, root, options);
          if (built.kind === 'report' && !built.ok) say('Still serving the output of the last build that succeeded.');
        },
        onCrash: (stack) => process.stderr.write(`polyfeed: internal error while building — this is a bug in polyfeed, not in your files. Please report it with the text below.\n${stack}\n`),
        // Printed even with --quiet: the URL is what the command is for.
        onListening: (url, folder) => process.stdout.write(`Serving ${folder} at ${url} (a preview, not for production; Ctrl-C stops it)\n`),
        stop: stopping.signal,
      });
      process.off('SIGINT', stop).off('SIGTERM', stop);
      setExitCode(outcome.kind === 'usage' ? printOutcome(outcome, options.format, root) : ExitCode.ok);
    });
  program
    .command('init')
    .description('write a new site that builds at once: config, labels, one article per language and a GitHub Actions workflow (templates and item labels come from polyfeed)')
    .argument('[dir]', 'folder of the new site, made if missing', '.')
    .addOption(new Option('--languages <tags>', 'languages of the site, separated by commas; the first is the default language').argParser(parseLanguages).default(['en']))
    .option('--eject', "also copy polyfeed's templates and item labels into the site, to edit them", false)
    .option('--force', 'write over files that exist (without it, nothing is written if one does)', false)
    .option('--now <date-time>', 'date the first articles with this ISO 8601 date-time instead of the clock')
    .action(async (dir: string, options: { languages: string[]; eject: boolean; force: boolean; now?: string }) => {
      const window = windowFor(options);
      if ('kind' in window) return setExitCode(printOutcome(window, 'human', resolve(dir)));
      const { runInit } = await import('./run/run-init.js');
      const outcome = runInit({ dir: resolve(dir), languages: options.languages, force: options.force, eject: options.eject, nowMs: window.nowMs });
      setExitCode(printOutcome(outcome, 'human', resolve(dir)));
    });
  program
    .command('new')
    .description("write articles/<key>/<lang>.md with front matter dated now in the site's time zone (never over a file)")
    .argument('<key>', 'the article folder name (letters, digits, "-" and "_"), shared by its language versions')
    .requiredOption('--lang <tag>', 'language of the version, one of the config')
    .option('--title <text>', 'the title (default: made from the key)')
    .option('--draft', 'write draft: true, so builds leave it out until it is removed', false)
    .addOption(new Option('--root <dir>', 'site folder holding polyfeed.config.yaml').default('.'))
    .option('--now <date-time>', 'date the article with this ISO 8601 date-time instead of the clock')
    .action(async (key: string, options: { lang: string; title?: string; draft: boolean; root: string; now?: string }) => {
      const root = resolve(options.root);
      const window = windowFor(options);
      if ('kind' in window) return setExitCode(printOutcome(window, 'human', root));
      const { runNew } = await import('./run/run-new.js');
      setExitCode(printOutcome(runNew({ root, key, lang: options.lang, title: options.title, draft: options.draft, nowMs: window.nowMs }), 'human', root));
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
