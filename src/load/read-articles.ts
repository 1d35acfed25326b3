// I/O: every article file of a site as validated: unchanged ones from the build index, the rest read now.
import type { ArticleChanges } from '../cache/build-index.js';
import { ArticleTable } from '../validate/article-table.js';
import type { ScanContext, ScannedArticles } from '../validate/scan-articles.js';
import { articleFoldersOf, type ArticleTreeListing } from './list-article-tree.js';
import type { WorkerPool } from './worker-pool.js';

export interface ReadArticlesInput {
  readonly root: string;
  readonly listing: ArticleTreeListing;
  readonly changes: ArticleChanges;
  /** The index's articles that `changes.unchanged` points into. */
  readonly cached: ArticleTable | undefined;
  readonly context: ScanContext;
  readonly pool: WorkerPool;
}

/** The index's unchanged rows and the rows read now, both in path order, as one table in path order. */
function mergeRows(cached: ArticleTable | undefined, unchanged: readonly number[], read: ArticleTable): ArticleTable {
  if (!cached || unchanged.length === 0) return read;
  const merged = ArticleTable.empty();
  let i = 0;
  let j = 0;
  while (i < unchanged.length && j < read.length) {
    if (cached.pathAt(unchanged[i]!) <= read.pathAt(j)) merged.pushFrom(cached, unchanged[i++]!);
    else merged.pushFrom(read, j++);
  }
  while (i < unchanged.length) merged.pushFrom(cached, unchanged[i++]!);
  while (j < read.length) merged.pushFrom(read, j++);
  return merged;
}

export async function readArticles({ root, listing, changes, cached, context, pool }: ReadArticlesInput): Promise<{ scanned: ScannedArticles }> {
  const read = await pool.scan(root, changes.changed, context);
  return { scanned: { files: mergeRows(cached, changes.unchanged, read), folders: articleFoldersOf(listing) } };
}
