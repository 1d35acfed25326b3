// I/O: every article file of a site as validated: unchanged ones from the build index, the rest read now.
import type { ArticleChanges } from '../cache/build-index.js';
import { ArticleTable } from '../model/article-table.js';
import type { ValidationContext } from '../validate/validate-article-files.js';
import type { ValidatedArticleFiles } from '../model/article-table.js';
import { articleFoldersOf, type ArticleTreeListing } from '../load/list-article-tree.js';
import type { WorkerPool } from './worker-pool.js';

export interface ReadArticlesInput {
  readonly root: string;
  readonly listing: ArticleTreeListing;
  readonly changes: ArticleChanges;
  /** The index's articles that `changes.unchanged` points into. */
  readonly cached: ArticleTable | undefined;
  readonly context: ValidationContext;
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

/**
 * Rows read now whose bytes are what the index validated take the index's summary and warnings
 * (keeping the stamp they have now), in place. Both tables are in path order, and so are `changedRows`.
 */
function takeIndexSummaries(read: ArticleTable, sameBytes: readonly number[], cached: ArticleTable, changes: ArticleChanges): void {
  let changed = 0;
  for (const row of sameBytes) {
    while (changed < changes.changed.length && changes.changed[changed] !== read.pathAt(row)) changed++;
    if (changed === changes.changed.length) throw new Error(`${read.pathAt(row)} was read but is not among the changed files.`);
    read.adoptSummary(row, cached, changes.changedRows[changed]!);
  }
}

export interface ReadArticlesResult {
  readonly articleFiles: ValidatedArticleFiles;
  /** Files read whose bytes were what the last build validated: not validated again. */
  readonly sameBytes: number;
}

export async function readArticles({ root, listing, changes, cached, context, pool }: ReadArticlesInput): Promise<ReadArticlesResult> {
  // A file whose stamp changed may still hold the same bytes (a fresh clone, a touch, a checkout and back).
  const knownDigests = cached && changes.changedRows.some((row) => row >= 0) ? changes.changedRows.map((row) => (row >= 0 ? cached.digestAt(row) : '')) : undefined;
  const { table, sameBytes } = await pool.scan(root, changes.changed, context, knownDigests);
  if (cached) takeIndexSummaries(table, sameBytes, cached, changes);
  const articleFiles = { files: mergeRows(cached, changes.unchanged, table), folders: articleFoldersOf(listing, context.config.content), problems: listing.problems ?? [] };
  return { articleFiles, sameBytes: sameBytes.length };
}
