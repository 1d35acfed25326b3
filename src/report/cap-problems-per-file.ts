// Pure: sorted problems → the first few of each file, and how many of each file are left out.
import type { BuildError } from '../model/build-error.js';

/** Problems shown per file: a file with thousands of bad keys must not bury the rest of the report. */
export const MAX_PROBLEMS_PER_FILE = 20;

/** Problems of one file (or of the whole run, file null) that a report leaves out. */
export interface OmittedProblems {
  readonly file: string | null;
  readonly problems: number;
}

export interface CappedProblems {
  /** The problems to show, in the order given. */
  readonly shown: readonly BuildError[];
  /** For each file with more than the cap, how many are not shown; in the order of the files. */
  readonly omitted: readonly OmittedProblems[];
}

/** Keeps the first `max` problems of each file of `sorted` (sorted by file, so a file's problems are together). */
export function capProblemsPerFile(sorted: readonly BuildError[], max: number = MAX_PROBLEMS_PER_FILE): CappedProblems {
  const shown: BuildError[] = [];
  const omitted: OmittedProblems[] = [];
  let index = 0;
  while (index < sorted.length) {
    const file = sorted[index]!.file;
    let end = index;
    while (end < sorted.length && sorted[end]!.file === file) end++;
    shown.push(...sorted.slice(index, Math.min(end, index + max)));
    if (end - index > max) omitted.push({ file: file ?? null, problems: end - index - max });
    index = end;
  }
  return { shown, omitted };
}

/** "1 more problem in x.md is not shown (N in all)". */
export function describeOmitted(omitted: OmittedProblems, max: number = MAX_PROBLEMS_PER_FILE): string {
  const where = omitted.file ?? 'this run';
  const more = `${omitted.problems} more problem${omitted.problems === 1 ? '' : 's'}`;
  return `${more} in ${where} ${omitted.problems === 1 ? 'is' : 'are'} not shown (only the first ${max} of each file are); fix these and run again to see the rest.`;
}
