// Pure: the published versions of every language → the combined feed's entries, newest first, ties by id.
import type { PublishedEntries, PublishedEntry } from '../translate/published-entry.js';

/** The order of every feed: newest first (by the article's `date`), then by item id. */
function newestFirst(a: PublishedEntry, b: PublishedEntry): number {
  const byDate = b.summary.dateMs - a.summary.dateMs;
  if (byDate !== 0) return byDate;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every published version of every language, each once, in the order of every feed: the newest
 * `limit` of them, or all with 0. Each language gives its own newest `limit` at most, which holds
 * every one of the newest `limit` of all (item ids are unique across languages: DUPLICATE_ID).
 */
export function combinedEntriesOf(published: PublishedEntries, languages: readonly string[], limit: number): PublishedEntry[] {
  const all = languages.flatMap((lang) => ownNewestOf(published, lang, limit)).sort(newestFirst);
  return limit > 0 ? all.slice(0, limit) : all;
}

/**
 * A language's own newest versions: an item a fallback chain takes from another language is that
 * language's version, which the combined feed has already. When fallbacks took some of the newest
 * `limit` places, the language's whole list is asked for.
 */
function ownNewestOf(published: PublishedEntries, lang: string, limit: number): PublishedEntry[] {
  const isOwn = (entry: PublishedEntry) => entry.fallbackFor === undefined;
  const newest = published.newestOf(lang, limit);
  if (limit === 0 || newest.every(isOwn)) return newest.filter(isOwn);
  return published.newestOf(lang, 0).filter(isOwn).slice(0, limit);
}
