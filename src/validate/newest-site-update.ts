// Pure: the site's articles at a window's "now" → the date a feed without items carries (never the clock's 1970, never later than now).

import type { ArticleTable } from '../model/article-table.js';
import { isPublishedIn, updatedMsIn, type PublicationWindow } from '../model/publication-window.js';

/**
 * The newest update of any version the window publishes, in any language; with none published,
 * the newest date at or before now of any version (drafts too). A feed with no items of its own
 * (its language has only drafts, or no articles yet) carries this date: it changes only when the
 * site's sources do, or when a version falls due. When every version is dated after now, the
 * feed carries now itself.
 */
export function newestSiteUpdateMs(articles: ArticleTable, window: PublicationWindow): number {
  let newestPublished = 0;
  let newestAny = 0;
  const { nowMs } = window;
  for (let row = 0; row < articles.length; row++) {
    if (!articles.isArticle(row)) continue;
    const dateMs = articles.dateMsAt(row);
    const updatedMs = articles.updatedMsAt(row);
    const due = updatedMs <= nowMs ? updatedMs : dateMs;
    if (due <= nowMs && due > newestAny) newestAny = due;
    if (!isPublishedIn(articles, row, window)) continue;
    const updated = updatedMsIn(dateMs, updatedMs, window);
    if (updated > newestPublished) newestPublished = updated;
  }
  return newestPublished > 0 ? newestPublished : newestAny > 0 ? newestAny : nowMs;
}
