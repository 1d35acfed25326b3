// Pure: article files → for each, its summary when valid and every problem in it, in path order.
import type { BuildError } from '../model/build-error.js';
import type { FileStamp } from '../model/file-stamp.js';
import type { SourceFile } from '../load/read-sources.js';
import { ArticleTable, type ValidatedArticleFile, type ValidatedArticleFiles } from '../model/article-table.js';
import { contentDigest } from '../model/content-digest.js';
import { summarizeArticle } from '../model/article-summary.js';
import type { SiteConfig } from '../model/config-schema.js';
import { summarizeCleanArticle } from './summarize-clean-article.js';
import { validateArticleFile } from './validate-article-file.js';

/** What validating an article file depends on besides its bytes. */
export interface ValidationContext {
  readonly config: SiteConfig;
  readonly staticFiles: ReadonlyMap<string, number>;
}

/** Shared by every clean file: tens of thousands of empty arrays would be memory for nothing. */
const NO_PROBLEMS: readonly BuildError[] = Object.freeze([]);

/** A clean file takes the quick way; any other the careful one, which reports and places every problem. */
export function validateArticleBytes(path: string, bytes: Uint8Array, context: ValidationContext): ValidatedArticleFile {
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

/** Validates files held in memory (the library's build(); the CLI scans them on every thread instead, see scan-article-files). */
export function validateArticleFiles(files: readonly SourceFile[], folders: readonly string[], context: ValidationContext): ValidatedArticleFiles {
  const rows = files.map((file) => ({ ...validateArticleBytes(file.path, file.bytes, context), stamp: UNKNOWN_STAMP, digest: contentDigest(file.bytes) })).sort(byPath);
  return { files: ArticleTable.of(rows), folders: [...folders].sort() };
}
