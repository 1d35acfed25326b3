// I/O: prints the outcome of `polyfeed diff` in the chosen format (human text, Markdown or JSON) and problems, if any, as `check` does.
import type { DiffOutcome } from '../run/run-outcome.js';
import { formatDiffJson } from './format-diff-json.js';
import { formatDiffMarkdown, formatNoDiffMarkdown } from './format-diff-markdown.js';
import { formatDiffText } from './format-diff-text.js';
import { printReport } from './print-report.js';

/** How a diff is reported: `diff --format`. */
export type DiffFormat = 'human' | 'markdown' | 'json';

/** Said when problems stopped the run. */
const NO_DIFF_MADE = 'No diff was made: these problems would stop the build.';

/**
 * Prints the diff on stdout. Problems go to stderr as a human report (in JSON, into the report);
 * when they stopped the run, stderr says no diff was made, and Markdown says so too (for the comment).
 */
export function printDiff(outcome: DiffOutcome, format: DiffFormat): void {
  const { diff, problems, oldDir, newDir } = outcome;
  if (format === 'json') {
    process.stdout.write(formatDiffJson({ diff, problems, oldDir, newDir }));
    return;
  }
  printReport('human', problems, outcome.sources, diff !== undefined, {});
  if (!diff) {
    process.stderr.write(`${NO_DIFF_MADE}\n`);
    if (format === 'markdown') process.stdout.write(formatNoDiffMarkdown(problems));
    return;
  }
  process.stdout.write(format === 'markdown' ? formatDiffMarkdown(diff) : formatDiffText(diff, oldDir, newDir));
}
