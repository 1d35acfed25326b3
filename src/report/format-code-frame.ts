// Pure: source text + a position → a few lines of the source with a caret under the column.
import { escapeTerminalText } from './escape-terminal-text.js';

/** Two lines of context before the line, none after; empty when the line does not exist. */
export function formatCodeFrame(text: string, line: number, column: number | undefined): string {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - 2);
  const width = String(line).length;
  const out: string[] = [];
  // Control characters are shown as escapes (never raw), so the caret moves by what they became.
  const shown = (text: string) => escapeTerminalText(text.replace(/\t/g, ' '));
  for (let number = first; number <= line; number++) {
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${shown(lines[number - 1]!)}`);
  }
  if (column !== undefined && column >= 1) out.push(`  ${' '.repeat(width)} | ${' '.repeat(shown(lines[line - 1]!.slice(0, column - 1)).length)}^`);
  return out.join('\n');
}
