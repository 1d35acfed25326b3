// I/O: every article file of a site as validated: unchanged ones from the build index, the rest read now.
import type { ArticleChanges, CachedArticle, CachedArticles } from '../cache/build-index.js';
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

export interface ReadArticlesResult {
  readonly scanned: ScannedArticles;
  /** The stamp of every file as it was when validated, for the next build's index. */
  readonly stamps: ReadonlyMap<string, FileStamp>;
}

function fromCache(cached: CachedArticle): ScannedArticle {
  return { path: cached.summary.file, summary: cached.summary, problems: cached.warnings };
}

/** Two lists sorted by path, as one (the index's articles are in path order, and so is a scan's result). */
function mergeByPath(a: readonly ScannedArticle[], b: readonly ScannedArticle[]): ScannedArticle[] {
  const merged: ScannedArticle[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]!.path <= b[j]!.path ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

export async function readArticles({ root, listing, changes, cached, context, pool }: ReadArticlesInput): Promise<ReadArticlesResult> {
  const read = await pool.scan(root, changes.changed, context);
  const stamps = new Map<string, FileStamp>();
  const unchanged = cached ? changes.unchanged.map((position) => cached.articleAt(position)) : [];
  for (const article of unchanged) stamps.set(article.summary.file, article.stamp);
  for (const file of read) stamps.set(file.path, file.stamp);
  const files = mergeByPath(unchanged.map(fromCache), read);
  return { scanned: { files, folders: articleFoldersOf(listing) }, stamps };
}
