// Pure: BuildError → human-readable text ("file:line:col CODE field" + message + hint).
import type { BuildError, FieldPath } from './build-error.js';
import { sortErrors } from './sort-errors.js';

/** `['authors', 0, 'name']` → `authors[0].name`. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text;
}

function formatLocation(error: BuildError): string {
  if (error.file === undefined) return 'polyfeed';
  let location = error.file;
  if (error.line !== undefined) {
    location += `:${error.line}`;
    if (error.column !== undefined) location += `:${error.column}`;
  }
  return location;
}

/** One problem as a few lines of text, without a trailing newline. */
export function formatError(error: BuildError): string {
  const field = formatFieldPath(error.path);
  const severity = error.severity === 'warning' ? ' warning' : '';
  const head = `${formatLocation(error)}${severity} ${error.code}${field ? ` ${field}` : ''}`;
  const lines = [head, `  ${error.message}`];
  if (error.hint) lines.push(`  hint: ${error.hint}`);
  return lines.join('\n');
}

/** "3 errors, 1 warning in 2 files". */
export function formatSummary(errors: readonly BuildError[]): string {
  const errorCount = errors.filter((e) => e.severity === 'error').length;
  const warningCount = errors.length - errorCount;
  // Problems with the whole run (no file) are counted, but they are not a file.
  const files = new Set(errors.flatMap((e) => (e.file === undefined ? [] : [e.file]))).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = `${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}`;
  return files > 0 ? `${counts} in ${plural(files, 'file')}` : counts;
}

/** Every problem, sorted, each followed by a blank line, then the summary line. */
export function formatErrorReport(errors: readonly BuildError[]): string {
  const blocks = sortErrors(errors).map(formatError);
  return [...blocks, formatSummary(errors)].join('\n\n') + '\n';
}
