// Pure: a language's published entries (newest first) → the current feed and its RFC 5005 archive pages of a fixed size.
import type { PublishedEntry } from '../translate/published-entry.js';

/** The entries of one document of a language's feed: the current feed (page 0) or an archive page. */
export interface FeedDocumentEntries {
  /** 0 for the current feed; 1 for the oldest archive page, and so on. */
  readonly page: number;
  /** Newest first, as in every feed. */
  readonly entries: readonly PublishedEntry[];
}

/**
 * Splits a language's entries (newest first) into the current feed, the newest `maxItems`, and
 * archive pages of `pageSize` items counted from the oldest: page 1 holds the oldest items. An
 * item's page depends only on how many items are older than it, so a new article changes the
 * current feed and the page that takes the item it pushes out, and a full page never changes
 * again. The last page that holds items is always followed by an empty page: so a page links to
 * its successor before it fills up (and keeps its bytes when the next item is archived), and
 * every archive page has a neighbour to link to. Nothing archived, no pages.
 */
export function splitIntoPages(entries: readonly PublishedEntry[], maxItems: number, pageSize: number): FeedDocumentEntries[] {
  const current = { page: 0, entries: entries.slice(0, maxItems) };
  const archived = entries.length - current.entries.length;
  if (archived <= 0) return [current];
  const pages = Math.ceil(archived / pageSize) + 1;
  const documents: FeedDocumentEntries[] = [current];
  for (let page = 1; page <= pages; page++) {
    // Counted from the oldest: the page's oldest item is the ((page - 1) × pageSize)-th oldest.
    const end = Math.max(maxItems, entries.length - (page - 1) * pageSize);
    const start = Math.max(maxItems, end - pageSize);
    documents.push({ page, entries: entries.slice(start, end) });
  }
  return documents;
}

/**
 * A full archive page: one older than the newest page that holds items (the last page is always
 * the empty one after it). It changes only when one of its own items does, so it is described by
 * one digest (no item keys), rendered in bulk, and its item texts are not kept in the cache. The
 * newest page that holds items takes the item a new article pushes out of the current feed: it
 * is rendered with the cache, like the current feed.
 */
export function isFullArchivePage(document: { readonly page: number; readonly lastPage: number }): boolean {
  return document.page > 0 && document.page < document.lastPage - 1;
}
