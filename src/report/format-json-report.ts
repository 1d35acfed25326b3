// Pure: problems → the stable JSON report of `--format json` (shape documented in docs/errors.md).
import type { BuildError } from '../model/build-error.js';
import { escapeJsonText } from './escape-terminal-text.js';
import { capProblemsPerFile, type OmittedProblems } from './cap-problems-per-file.js';
import { sortErrors } from './sort-errors.js';
import type { JsonSchedule } from './format-publication.js';
import type { IgnoredField } from '../validate/tally-ignored-fields.js';
import type { JsonCoverage } from './format-coverage-json.js';
import type { PingReport } from '../run/run-outcome.js';

/** Version 1 of the report. Fields are only ever added, never renamed or removed. */
export interface JsonReport {
  readonly version: 1;
  /** True when nothing fails the run. */
  readonly ok: boolean;
  readonly problems: ReadonlyArray<{
    readonly code: string;
    readonly severity: 'error' | 'warning';
    readonly message: string;
    readonly hint: string | null;
    readonly file: string | null;
    readonly line: number | null;
    readonly column: number | null;
    readonly path: ReadonlyArray<string | number>;
  }>;
  /** Counts of every problem, shown or not. */
  readonly summary: { readonly errors: number; readonly warnings: number; readonly files: number };
  /** Only when some are left out: files with more problems than `problems` shows (the first 20 of each file), and how many more. */
  readonly omitted?: readonly OmittedProblems[];
  /** For `build`: what was written, what was already up to date, and the feeds no longer in the config that were removed. */
  readonly output?: { readonly dir: string; readonly written: readonly string[]; readonly unchanged: readonly string[]; readonly removed?: readonly string[] };
  /** For `build` and `check`: "now", what is scheduled, and the next publish time. */
  readonly schedule?: JsonSchedule;
  /** For `check --ignored-fields` with a valid config: each front-matter field polyfeed ignores, sorted by name, with how many files carry it and the first of them. */
  readonly ignoredFields?: readonly IgnoredField[];
  /** For `ping` and `build --ping`: the hub, the feed URLs pending when the ping began, those the hub took, and those it did not (still pending); `dryRun` when nothing was sent. */
  readonly ping?: PingReport;
  /** For `coverage` with a valid config: per article and language its status (translated, outdated, fallback, missing), and per language the labels taken from polyfeed or missing. */
  readonly coverage?: JsonCoverage;
}

/** Problems as the report lists them: sorted, the first 20 of each file, and how many of each file are left out. */
export function toJsonProblems(errors: readonly BuildError[]): Pick<JsonReport, 'problems'> & { readonly omitted: readonly OmittedProblems[] } {
  const { shown, omitted } = capProblemsPerFile(sortErrors(errors));
  const problems = shown.map((error) => ({
    code: error.code,
    severity: error.severity,
    message: error.message,
    hint: error.hint ?? null,
    file: error.file ?? null,
    line: error.line ?? null,
    column: error.column ?? null,
    path: [...error.path],
  }));
  return { problems, omitted };
}

/** What a report tells besides its problems. */
export type ReportDetails = Pick<JsonReport, 'output' | 'schedule' | 'ignoredFields' | 'coverage' | 'ping'>;

export function formatJsonReport(errors: readonly BuildError[], ok: boolean, details: ReportDetails = {}): string {
  const { output, schedule, ignoredFields, coverage, ping } = details;
  const { problems, omitted } = toJsonProblems(errors);
  const report: JsonReport = {
    version: 1,
    ok,
    problems,
    summary: {
      errors: errors.filter((error) => error.severity === 'error').length,
      warnings: errors.filter((error) => error.severity === 'warning').length,
      files: new Set(errors.flatMap((error) => (error.file === undefined ? [] : [error.file]))).size,
    },
    ...(omitted.length > 0 ? { omitted } : {}),
    ...(output ? { output } : {}),
    ...(schedule ? { schedule } : {}),
    ...(ignoredFields ? { ignoredFields } : {}),
    ...(coverage ? { coverage } : {}),
    ...(ping ? { ping } : {}),
  };
  // JSON escapes C0 controls itself; C1 and bidirectional controls it leaves raw, which a terminal showing the report would act on.
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}
