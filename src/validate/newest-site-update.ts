// Pure: the site's articles → the date a feed without items carries (issue 11: never the clock, never 1970).

import type { ArticleTable } from '../model/article-table.js';

/**
 * The newest update of any published version of the site, in any language; with none published,
 * that of any version (drafts too). A feed with no items of its own (its language has only drafts,
 * or no articles yet) carries this date: it changes only when the site's sources do. 0 only when
 * the site has no valid article at all, which is an error of its own (NO_ARTICLES).
 */
export function newestSiteUpdateMs(articles: ArticleTable): number {
  let newestPublished = 0;
  let newestAny = 0;
  for (let row = 0; row < articles.length; row++) {
    if (!articles.isArticle(row)) continue;
    const updated = articles.updatedMsAt(row);
    if (updated > newestAny) newestAny = updated;
    if (articles.isPublished(row) && updated > newestPublished) newestPublished = updated;
  }
  return newestPublished > 0 ? newestPublished : newestAny;
}
