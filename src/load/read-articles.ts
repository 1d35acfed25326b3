// I/O: every article file of a site as validated: unchanged ones from the build index, the rest read now.
import type { ArticleChanges, CachedArticles } from '../cache/build-index.js';
import type { ScanContext, ScannedArticle, ScannedArticles } from '../validate/scan-articles.js';
import { articleFoldersOf, type ArticleTreeListing } from './list-article-tree.js';
import type { FileStamp } from './read-file-with-stat.js';
import type { WorkerPool } from './worker-pool.js';

export interface ReadArticlesInput {
  readonly root: string;
  readonly listing: ArticleTreeListing;
  readonly changes: ArticleChanges;
  /** The index's articles that `changes.unchanged` points into. */
  readonly cached: CachedArticles | undefined;
  readonly context: ScanContext;
  readonly pool: WorkerPool;
}

/** An article file as validated, with the stamp it had then (for the next build's index). */
export interface StampedArticle extends ScannedArticle {
  readonly stamp: FileStamp;
}

export interface ReadArticlesResult {
  readonly scanned: ScannedArticles & { readonly files: readonly StampedArticle[] };
}

/** Two lists sorted by path, as one (the index's articles are in path order, and so is a scan's result). */
function mergeByPath(a: readonly StampedArticle[], b: readonly StampedArticle[]): StampedArticle[] {
  const merged: StampedArticle[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]!.path <= b[j]!.path ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

export async function readArticles({ root, listing, changes, cached, context, pool }: ReadArticlesInput): Promise<ReadArticlesResult> {
  const read = await pool.scan(root, changes.changed, context);
  const unchanged: StampedArticle[] = cached ? changes.unchanged.map((position) => cached.articleAt(position)) : [];
  return { scanned: { files: mergeByPath(unchanged, read), folders: articleFoldersOf(listing) } };
}
