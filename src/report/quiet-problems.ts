// Pure: the problems --quiet prints: those that fail the run.
import type { BuildError } from '../model/build-error.js';
import { failsRun } from '../run/run-outcome.js';

/** Errors, and with --strict the warnings that fail the run too (never those about the cache); all of them when not quiet. */
export function problemsToPrint(problems: readonly BuildError[], { quiet, strict }: { readonly quiet: boolean; readonly strict: boolean }): readonly BuildError[] {
  return quiet ? problems.filter((problem) => failsRun([problem], strict)) : problems;
}
