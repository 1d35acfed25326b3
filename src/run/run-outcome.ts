// Pure: what a command run ends with, for the CLI to print (problems, a summary, an exit code), and the exit code its problems give.
import type { BuildError } from '../model/build-error.js';
import type { SettingSources, SiteSources } from '../load/read-sources.js';
import type { NamedSourceFiles } from '../load/named-source-files.js';
import { isCacheProblem } from '../cache/cache-problem.js';
import type { Publication } from '../model/publication-window.js';
import type { SiteDiff } from '../diff/feed-diff.js';
import type { IgnoredField } from '../validate/tally-ignored-fields.js';
import type { SiteCoverage } from '../translate/site-coverage.js';

/** 0 success, 1 invalid sources (or, for `diff`, feeds that differ), 2 bad usage or config, 3 a bug in polyfeed. */
export const ExitCode = { ok: 0, invalidInput: 1, different: 1, usage: 2, internal: 3 } as const;

/** What a build wrote (or, in a dry run, would write) into its output folder. */
export interface OutputReport {
  readonly dir: string;
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** Files the last build wrote that the config no longer makes (a language or format removed from it), removed in the same publish. */
  readonly removed?: readonly string[];
  /** Only in a dry run: the files that would be written, new or changed, and those that would be removed; `written` is then empty. */
  readonly dryRun?: { readonly added: readonly string[]; readonly changed: readonly string[]; readonly removed: readonly string[] };
}

/** What `polyfeed ping` (or `build --ping`) told the WebSub hub, or in a dry run would tell it. */
export interface PingReport {
  readonly hub: string;
  readonly dryRun: boolean;
  /** The feed URLs pending when the ping began: those it sent (or would send), one request each. */
  readonly urls: readonly string[];
  /** Those the hub took (a 2xx answer): no longer pending. */
  readonly sent: readonly string[];
  /** Those it did not take, why and after how many tries: still pending. */
  readonly failed: ReadonlyArray<{ readonly url: string; readonly reason: string; readonly attempts: number }>;
}

/** How a run ended: a usage problem told in a sentence, or a report of problems. */
export type RunOutcome =
  | { readonly kind: 'usage'; readonly message: string }
  | {
      readonly kind: 'report';
      readonly exitCode: number;
      readonly problems: readonly BuildError[];
      /** The sources read, for code frames in the report (or, from a build run in another thread, the files its problems name). */
      readonly sources?: SettingSources | SiteSources | NamedSourceFiles | undefined;
      /** True when nothing fails the run. */
      readonly ok: boolean;
      readonly output?: OutputReport;
      /** What the build published at its "now" and what waits for its date (build and check). */
      readonly publication?: Publication;
      /** `check --ignored-fields`: the front-matter fields polyfeed ignores, by name (undefined when not asked for, or the config is invalid). */
      readonly ignoredFields?: readonly IgnoredField[] | undefined;
      /** `coverage`: articles × languages and each language's labels (undefined when the config is invalid). */
      readonly coverage?: SiteCoverage | undefined;
      /** `ping`, or `build --ping`: what the hub was told. */
      readonly ping?: PingReport;
      /** Lines for a person, after the problems (stdout); not part of a JSON report. */
      readonly summary?: readonly string[];
      /** Said when nothing was written because of the problems (stderr); not part of a JSON report. */
      readonly notice?: string;
    };

/** A usage problem told in a sentence (exit code 2). */
export type UsageOutcome = Extract<RunOutcome, { readonly kind: 'usage' }>;

/** How `polyfeed diff` ended: what differs, or the problems that stopped it before a diff was made. */
export interface DiffOutcome {
  readonly kind: 'diff';
  /** 0 identical, 1 different (or invalid sources), 2 an invalid config. */
  readonly exitCode: number;
  /** Every problem of the sources (warnings only, when a diff was made). */
  readonly problems: readonly BuildError[];
  /** The sources read, for code frames in the report. */
  readonly sources?: SettingSources | SiteSources | undefined;
  /** Undefined when problems stopped the run: no diff was made. */
  readonly diff: SiteDiff | undefined;
  /** The folder compared against (absolute). */
  readonly oldDir: string;
  /** The folder compared with it (--to, absolute), or null for the feeds built in memory. */
  readonly newDir: string | null;
}

/** With --strict, warnings fail the run too, except those about the cache: it is not the user's source. */
export function failsRun(errors: readonly BuildError[], strict: boolean): boolean {
  return errors.some((error) => error.severity === 'error' || (strict && !isCacheProblem(error)));
}

export function exitCodeFor(errors: readonly BuildError[], configInvalid: boolean, strict: boolean): number {
  if (configInvalid) return ExitCode.usage;
  return failsRun(errors, strict) ? ExitCode.invalidInput : ExitCode.ok;
}

export const NOTHING_WRITTEN = 'Nothing was written; the previous output is unchanged.';

/** A run that stops on problems: nothing was written. */
export function stoppedOn(problems: readonly BuildError[], exitCode: number, sources?: SettingSources | SiteSources): RunOutcome {
  return { kind: 'report', exitCode, problems, sources, ok: false, notice: NOTHING_WRITTEN };
}
