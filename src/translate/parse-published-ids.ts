// Pure: the text of published-ids.tsv → its rows as columns sorted by language and article key, with a problem for each line that does not read.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { MessageParams } from '../model/error-catalogue.js';
import { FIRST_PUBLISHED_FORMAT, PUBLISHED_IDS_HEADER, PUBLISHED_IDS_HEADER_LINES, emptyPublishedIdColumns, type PublishedIdColumns } from '../model/published-ids.js';

/** A manifest as read. */
export interface ParsedPublishedIds {
  /** Every line that reads, sorted by language, then article key; a duplicate of an earlier line is left out. */
  readonly columns: PublishedIdColumns;
  /** The line in the file of each row of `columns` (1-based). */
  readonly lines: number[];
  readonly errors: BuildError[];
  /**
   * True when the text is exactly what formatPublishedIds writes for `columns`: the build then
   * need not make the text again to know that it would write the same bytes.
   */
  readonly canonical: boolean;
}

const TAB = '\t';
const FIELD_NAMES = ['language', 'article key', 'date', 'item id'] as const;

/** `a` before `b` in the manifest's order: by language tag, then article key, in code-unit order. */
function isBefore(langA: string, keyA: string, langB: string, keyB: string): boolean {
  return langA < langB || (langA === langB && keyA < keyB);
}

/** Why a line is not a row (told only for lines the quick reading refused), or undefined when it is one. */
function lineProblem(line: string): MessageParams<'PUBLISHED_IDS_INVALID'> | undefined {
  const fields = line.split(TAB);
  if (fields.length !== 4) return { kind: 'fields', fields: fields.length };
  const empty = fields.findIndex((field) => field === '');
  if (empty !== -1) return { kind: 'empty-field', field: FIELD_NAMES[empty]! };
  if (!FIRST_PUBLISHED_FORMAT.test(fields[2]!)) return { kind: 'date', text: fields[2]! };
  return undefined;
}

/**
 * Reads the manifest's lines: `#` lines are comments, blank lines are skipped, every other line
 * is `language<TAB>article key<TAB>first publication date<TAB>item id`. One walk down the text,
 * no object made per line: a manifest of 250,000 lines reads in tens of milliseconds.
 */
export function parsePublishedIds(text: string, file: string): ParsedPublishedIds {
  const read = emptyPublishedIdColumns();
  const lines: number[] = [];
  const errors: BuildError[] = [];
  let canonical = text.startsWith(PUBLISHED_IDS_HEADER);
  let position = canonical ? PUBLISHED_IDS_HEADER.length : 0;
  let lineNumber = canonical ? PUBLISHED_IDS_HEADER_LINES + 1 : 1;
  let sorted = true;
  for (; position < text.length; lineNumber++) {
    let end = text.indexOf('\n', position);
    if (end === -1) {
      end = text.length;
      canonical = false; // no newline at the end
    }
    const start = position;
    position = end + 1;
    if (end === start || text.charCodeAt(start) === 35 /* # */) {
      canonical = false;
      continue;
    }
    const tab1 = text.indexOf(TAB, start);
    const tab2 = tab1 === -1 ? -1 : text.indexOf(TAB, tab1 + 1);
    const tab3 = tab2 === -1 ? -1 : text.indexOf(TAB, tab2 + 1);
    const tab4 = tab3 === -1 ? -1 : text.indexOf(TAB, tab3 + 1);
    const date = tab3 !== -1 && tab3 < end ? text.slice(tab2 + 1, tab3) : '';
    const wellFormed = tab3 !== -1 && tab3 < end && (tab4 === -1 || tab4 > end) && tab1 > start && tab2 > tab1 + 1 && tab3 > tab2 + 1 && end > tab3 + 1 && FIRST_PUBLISHED_FORMAT.test(date);
    if (!wellFormed) {
      canonical = false;
      const problem = lineProblem(text.slice(start, end));
      if (problem) errors.push(makeError('PUBLISHED_IDS_INVALID', problem, { file, line: lineNumber }));
      continue;
    }
    const lang = text.slice(start, tab1);
    const key = text.slice(tab1 + 1, tab2);
    const last = read.langs.length - 1;
    if (last >= 0 && !isBefore(read.langs[last]!, read.keys[last]!, lang, key)) sorted = false;
    read.langs.push(lang);
    read.keys.push(key);
    read.dates.push(date);
    read.ids.push(text.slice(tab3 + 1, end));
    lines.push(lineNumber);
  }
  if (sorted) return { columns: read, lines, errors, canonical };
  return { ...withoutDuplicateKeys(read, lines, file, errors), canonical: false };
}

/** Rows out of order (a hand-edited file) sorted; of two rows for one language and key, the later line is a problem. */
function withoutDuplicateKeys(read: PublishedIdColumns, lines: number[], file: string, errors: BuildError[]): Omit<ParsedPublishedIds, 'canonical'> {
  const order = read.langs.map((_, row) => row);
  order.sort((a, b) => (isBefore(read.langs[a]!, read.keys[a]!, read.langs[b]!, read.keys[b]!) ? -1 : isBefore(read.langs[b]!, read.keys[b]!, read.langs[a]!, read.keys[a]!) ? 1 : lines[a]! - lines[b]!));
  const columns = emptyPublishedIdColumns();
  const sortedLines: number[] = [];
  let previous = -1;
  for (const row of order) {
    if (previous !== -1 && read.langs[previous] === read.langs[row] && read.keys[previous] === read.keys[row]) {
      errors.push(makeError('PUBLISHED_IDS_INVALID', { kind: 'duplicate-key', lang: read.langs[row]!, key: read.keys[row]!, earlierLine: lines[previous]! }, { file, line: lines[row]! }));
      continue;
    }
    previous = row;
    columns.langs.push(read.langs[row]!);
    columns.keys.push(read.keys[row]!);
    columns.dates.push(read.dates[row]!);
    columns.ids.push(read.ids[row]!);
    sortedLines.push(lines[row]!);
  }
  errors.sort((a, b) => a.line! - b.line!);
  return { columns, lines: sortedLines, errors };
}
