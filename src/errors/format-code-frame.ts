// Pure: source text + a position → a few lines of the source with a caret under the column.

/** Two lines of context before the line, none after; empty when the line does not exist. */
export function formatCodeFrame(text: string, line: number, column: number | undefined): string {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - 2);
  const width = String(line).length;
  const out: string[] = [];
  for (let number = first; number <= line; number++) {
    const content = lines[number - 1]!.replace(/\t/g, ' ');
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${content}`);
  }
  if (column !== undefined && column >= 1) out.push(`  ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
  return out.join('\n');
}
