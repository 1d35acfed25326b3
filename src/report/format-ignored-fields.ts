// Pure: the front-matter fields polyfeed ignores (check --ignored-fields) → lines for a person: one per field, with how many files carry it and one of them.
import type { IgnoredField } from '../validate/tally-ignored-fields.js';
import { escapeTerminalText } from './escape-terminal-text.js';

function filesWord(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}

/** A header, then the fields in columns; field names and paths come from the sources, so they are escaped like any quoted text. */
export function formatIgnoredFields(fields: readonly IgnoredField[]): string[] {
  if (fields.length === 0) return ['No front-matter field is ignored.'];
  const names = fields.map((row) => escapeTerminalText(row.field));
  const counts = fields.map((row) => filesWord(row.files));
  const nameWidth = Math.max(...names.map((name) => name.length));
  const countWidth = Math.max(...counts.map((count) => count.length));
  return [
    `Front-matter fields polyfeed ignores (${fields.length}):`,
    ...fields.map((row, index) => `  ${names[index]!.padEnd(nameWidth)}  ${counts[index]!.padEnd(countWidth)}  e.g. ${escapeTerminalText(row.example)}`),
  ];
}
