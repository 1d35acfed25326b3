// Pure: the manifest's rows as columns → the text of published-ids.tsv (its header, then one line per published article version).
import { PUBLISHED_IDS_HEADER, type PublishedIdColumns } from '../model/published-ids.js';

/**
 * A tab or a line break in a field would split a line. None can be there: a language tag is
 * BCP 47, an article key holds letters, digits, "_" and "-" only, a date is ISO 8601, and an id
 * holds no control character (the URL rule, model/url-rule.ts, refuses tab, LF and CR in every
 * id, explicit or made from the URL). A field with one is a bug, and is thrown as one.
 */
function breaksLine(field: string): boolean {
  return field.includes('\t') || field.includes('\n') || field.includes('\r');
}

/** One line per row, in the columns' order (sorted by language, then article key), after the header: a change to one id is a change to one line. */
export function formatPublishedIds(columns: PublishedIdColumns): string {
  const { langs, keys, dates, ids } = columns;
  // Appended to one string (a rope, flattened once when written): cheaper than an array of 250,000 lines joined.
  let text = PUBLISHED_IDS_HEADER;
  for (let row = 0; row < langs.length; row++) {
    const key = keys[row]!;
    const id = ids[row]!;
    if (breaksLine(key) || breaksLine(id)) throw new Error(`A published article key or id holds a tab or a line break: ${JSON.stringify([key, id])}`);
    text += `${langs[row]}\t${key}\t${dates[row]}\t${id}\n`;
  }
  return text;
}
