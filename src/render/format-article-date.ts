// Pure: ArticleDate → the date as a reader of that language writes it, in the time zone it was written in.
import type { ArticleDate } from '../model/iso-date-time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Intl in Node 20 takes no "+07:00" time zones, so the instant is shifted by its offset and
 * formatted as UTC: the wall-clock time the author wrote, in the reader's language.
 */
export function formatArticleDate(date: ArticleDate, lang: string): string {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    formatters.set(lang, formatter);
  }
  return formatter.format(new Date(date.epochMs + date.offsetMinutes * 60_000));
}
