// Pure: the article table → published versions with their URL, item id and links to their translations.
import type { BuildError } from '../model/build-error.js';
import type { ArticleTable } from '../model/article-table.js';
import type { SiteConfig } from '../model/config-schema.js';
import { urlPatternOf } from '../urls/article-url.js';
import { isCandidate, type PublicationWindow } from '../model/publication-window.js';
import type { PublishedEntries } from './published-entry.js';
import { Entry, PublishedRows } from './published-rows.js';
import { duplicateIds } from './duplicate-ids.js';
import { FeedRows } from './feed-rows.js';

/**
 * Every version the window publishes gets its URL, id and translations (when asked for), and
 * a DUPLICATE_ID for an id used before (in path order).
 */
export function resolveTranslations(table: ArticleTable, config: SiteConfig, window: PublicationWindow): { value: PublishedEntries; errors: BuildError[] } {
  const { urlOf, distinct } = urlPatternOf(config);
  const rows = new PublishedRows(table, urlOf, window);
  const candidates: number[] = [];
  const feedRows = new FeedRows(table, config.fallbacks);
  for (let row = 0; row < table.length; row++) {
    if (!isCandidate(table, row, window)) continue;
    candidates.push(row);
    if (rows.isPublished(row)) feedRows.add(row);
  }
  const value: PublishedEntries = {
    newestOf(lang, limit) {
      const ids = new Map<number, string>();
      const idOf = (row: number) => ids.get(row) ?? ids.set(row, rows.idAt(row)).get(row)!;
      const taken = feedRows.fallbackRowsOf(lang);
      // Newest first, then by id (worked out only for versions published at the same time).
      const newest = [...feedRows.feedRowsOf(lang)].sort((a, b) => {
        const byDate = table.dateMsAt(b) - table.dateMsAt(a);
        if (byDate !== 0) return byDate;
        const idA = idOf(a);
        const idB = idOf(b);
        return idA < idB ? -1 : idA > idB ? 1 : 0;
      });
      return (limit > 0 ? newest.slice(0, limit) : newest).map((row) => new Entry(rows, row, taken.has(row) ? lang : undefined));
    },
    idsOf(lang) {
      const inPathOrder = feedRows.ownRowsOf(lang);
      const keysInPathOrder = inPathOrder.map((row) => table.keyAt(row));
      // Path order is key order but where a key is another key followed by "-" ("a-b/" < "a/"): nearly sorted, which a merge sort passes through in one walk.
      const order = keysInPathOrder.map((_, index) => index).sort((a, b) => (keysInPathOrder[a]! < keysInPathOrder[b]! ? -1 : keysInPathOrder[a]! > keysInPathOrder[b]! ? 1 : 0));
      return {
        keys: order.map((index) => keysInPathOrder[index]!),
        ids: order.map((index) => rows.idAt(inPathOrder[index]!)),
        dateMs: order.map((index) => table.dateMsAt(inPathOrder[index]!)),
      };
    },
  };
  return { value, errors: duplicateIds(rows, candidates, distinct) };
}
