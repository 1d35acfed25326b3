// I/O: argv → options → build or check → write → report → exit code. The only module that exits.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { build, check } from './build.js';
import type { BuildError } from './errors/build-error.js';
import { formatErrorReport } from './errors/format-error.js';
import { readSources } from './load/read-sources.js';
import { writeOutputs } from './write/write-outputs.js';

/** 0 success, 1 invalid sources, 2 bad usage or config, 3 a bug in polyfeed. */
export const ExitCode = { ok: 0, invalidInput: 1, usage: 2, internal: 3 } as const;

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

interface CommonOptions {
  root: string;
}

function printReport(errors: readonly BuildError[]): void {
  if (errors.length > 0) process.stderr.write(formatErrorReport(errors));
}

function exitCodeFor(result: { errors: readonly BuildError[]; configInvalid: boolean }): number {
  if (result.configInvalid) return ExitCode.usage;
  return result.errors.some((error) => error.severity === 'error') ? ExitCode.invalidInput : ExitCode.ok;
}

function runBuild(options: CommonOptions & { out?: string }): number {
  const root = resolve(options.root);
  const result = build(readSources(root), { version });
  printReport(result.errors);
  const code = exitCodeFor(result);
  if (code !== ExitCode.ok) {
    process.stderr.write('Nothing was written; the previous output is unchanged.\n');
    return code;
  }
  const outDir = options.out !== undefined ? resolve(options.out) : resolve(root, result.outDir ?? 'public');
  const summary = writeOutputs(outDir, result.files);
  process.stdout.write(
    `Built ${result.files.length} feeds into ${outDir}: ${summary.written.length} written, ${summary.unchanged.length} unchanged.\n`,
  );
  return code;
}

function runCheck(options: CommonOptions): number {
  const root = resolve(options.root);
  const result = check(readSources(root));
  printReport(result.errors);
  const code = exitCodeFor(result);
  if (code === ExitCode.ok) process.stdout.write('All sources are valid.\n');
  return code;
}

function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('polyfeed')
    .description('Builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds for every language of a multilingual site.')
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  const rootOption = () => new Option('--root <dir>', 'site folder holding polyfeed.config.yaml').default('.');
  program
    .command('build')
    .description('validate every source, then write the feeds (nothing is written if any source is invalid)')
    .addOption(rootOption())
    .option('--out <dir>', 'output folder (default: outDir from the config, "public")')
    .action((options: CommonOptions & { out?: string }) => setExitCode(runBuild(options)));
  program
    .command('check')
    .description('validate every source and report all problems; writes nothing')
    .addOption(rootOption())
    .action((options: CommonOptions) => setExitCode(runCheck(options)));
  program.commands.forEach((command) => command.exitOverride().showHelpAfterError());
  return program;
}

/** Runs the CLI and exits the process with its exit code. */
export function runCli(argv: readonly string[]): void {
  let exitCode: number = ExitCode.ok;
  try {
    createProgram((code) => (exitCode = code)).parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else {
      process.stderr.write(`polyfeed: internal error — this is a bug, please report it with the text below.\n${(error as Error).stack ?? String(error)}\n`);
      exitCode = ExitCode.internal;
    }
  }
  process.exit(exitCode);
}
