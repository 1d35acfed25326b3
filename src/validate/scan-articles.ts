// Pure: article files → for each, its summary when valid and every problem in it, in path order.
import type { BuildError } from '../errors/build-error.js';
import type { FileStamp } from '../load/read-file-with-stat.js';
import type { SourceFile } from '../load/read-sources.js';
import { ArticleTable } from './article-table.js';
import { contentDigest } from '../cache/content-digest.js';
import { summarizeArticle, type ArticleSummary } from './article-summary.js';
import type { SiteConfig } from './config-schema.js';
import { summarizeCleanArticle } from './summarize-clean-article.js';
import { validateArticleFile } from './validate-article-file.js';

/** One article file as validated on its own. */
export interface ScannedArticle {
  readonly path: string;
  /** Undefined when the file could not be read as an article at all. */
  readonly summary: ArticleSummary | undefined;
  readonly problems: readonly BuildError[];
}

/** Every article file of a site, and every folder under articles/ (to find empty ones). */
export interface ScannedArticles {
  /** In path order, whatever order the files were read in. */
  readonly files: ArticleTable;
  readonly folders: readonly string[];
  /** Entries under articles/ that were not read (a link out of the site, a FIFO named en.md): see listArticleTree. */
  readonly problems?: readonly BuildError[];
}

/** What validating an article file depends on besides its bytes. */
export interface ScanContext {
  readonly config: SiteConfig;
  readonly staticFiles: ReadonlyMap<string, number>;
}

/** Shared by every clean file: tens of thousands of empty arrays would be memory for nothing. */
const NO_PROBLEMS: readonly BuildError[] = Object.freeze([]);

/** A clean file takes the quick way; any other the careful one, which reports and places every problem. */
export function scanArticle(path: string, bytes: Uint8Array, context: ScanContext): ScannedArticle {
  const clean = summarizeCleanArticle({ path, bytes, ...context });
  if (clean) return { path, summary: clean, problems: NO_PROBLEMS };
  const { article, problems } = validateArticleFile({ path, bytes, ...context });
  return { path, summary: article && summarizeArticle(article), problems };
}

/** Files held in memory have no stamp. */
const UNKNOWN_STAMP: FileStamp = [0, 0, 0];

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Scans files held in memory (the library's build(); the CLI reads them in parallel instead). */
export function scanArticles(files: readonly SourceFile[], folders: readonly string[], context: ScanContext): ScannedArticles {
  const rows = files.map((file) => ({ ...scanArticle(file.path, file.bytes, context), stamp: UNKNOWN_STAMP, digest: contentDigest(file.bytes) })).sort(byPath);
  return { files: ArticleTable.of(rows), folders: [...folders].sort() };
}
