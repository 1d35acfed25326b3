// Pure; reads source text through the function it is given (for code frames): BuildError → human-readable text ("file:line:col CODE field" + message + hint).
import type { BuildError, FieldPath } from '../model/build-error.js';
import { escapeTerminalText } from './escape-terminal-text.js';
import { formatCodeFrame } from './format-code-frame.js';
import { capProblemsPerFile, describeOmitted } from './cap-problems-per-file.js';
import { sortErrors } from './sort-errors.js';

/** How to present a report: source lines for code frames, and colour (ANSI) or not. */
export interface HumanReportOptions {
  /** The decoded text of a site file, for code frames; undefined when it cannot be shown. */
  readonly sourceText?: (file: string) => string | undefined;
  /** Wraps text in a colour; the identity when colour is off. */
  readonly paint?: (style: 'red' | 'yellow' | 'bold' | 'dim' | 'cyan', text: string) => string;
}

const plain: NonNullable<HumanReportOptions['paint']> = (_style, text) => text;

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
export function formatError(error: BuildError, options: HumanReportOptions = {}): string {
  const paint = options.paint ?? plain;
  // Paths, fields, messages and hints quote sources: what a terminal would act on is shown escaped.
  const field = escapeTerminalText(formatFieldPath(error.path));
  // Errors are the norm and carry no label; a warning says so.
  const severity = error.severity === 'warning' ? ` ${paint('yellow', 'warning')}` : '';
  const code = paint(error.severity === 'warning' ? 'yellow' : 'red', error.code);
  const head = `${paint('bold', escapeTerminalText(formatLocation(error)))}${severity} ${code}${field ? ` ${paint('cyan', field)}` : ''}`;
  const lines = [head, `  ${escapeTerminalText(error.message)}`];
  const text = error.file !== undefined && error.line !== undefined ? options.sourceText?.(error.file) : undefined;
  if (text !== undefined) {
    const frame = formatCodeFrame(text, error.line!, error.column);
    if (frame) lines.push(paint('dim', frame.replace(/^/gm, '  ')));
  }
  if (error.hint) lines.push(`  hint: ${escapeTerminalText(error.hint)}`);
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

/** Every problem (the first few of each file), sorted, each followed by a blank line, then the summary line. */
export function formatErrorReport(errors: readonly BuildError[], options: HumanReportOptions = {}): string {
  const { shown, omitted } = capProblemsPerFile(sortErrors(errors));
  const omittedByFile = new Map(omitted.map((entry) => [entry.file ?? undefined, entry]));
  const blocks: string[] = [];
  shown.forEach((error, index) => {
    blocks.push(formatError(error, options));
    const entry = omittedByFile.get(error.file);
    // After the last problem shown of a file, how many of it are not.
    if (entry && shown[index + 1]?.file !== error.file) blocks.push(escapeTerminalText(`${error.file ?? 'polyfeed'}: ${describeOmitted(entry)}`));
  });
  return [...blocks, formatSummary(errors)].join('\n\n') + '\n';
}
