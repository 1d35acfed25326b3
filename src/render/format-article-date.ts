// Pure: ArticleDate → the date as a reader of that language writes it, in the time zone it was written in.
import type { ArticleDate } from '../model/iso-date-time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Intl in Node 20 takes no "+07:00" time zones, so the instant is shifted by its offset and
 * formatted as UTC: the wall-clock time the author wrote, in the reader's language; with
 * `numberingSystem` (the config's `digits`), in those digits.
 */
export function formatArticleDate(date: ArticleDate, lang: string, numberingSystem?: string): string {
  const key = numberingSystem === undefined ? lang : `${lang}\u0000${numberingSystem}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', ...(numberingSystem === undefined ? {} : { numberingSystem }) });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(date.epochMs + date.offsetMinutes * 60_000));
}
