// Pure; reads articles through the reader it is given: article files → for each, its summary when valid and every problem in it, in path order.
import type { BuildError } from '../model/build-error.js';
import type { FileStamp } from '../model/file-stamp.js';
import type { ReadArticleBytes } from '../load/read-sources.js';
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

/** Files read through a reader have no stamp. */
const UNKNOWN_STAMP: FileStamp = [0, 0, 0];

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export interface ValidateArticleFilesInput {
  /** Site-relative paths of the article files, in any order. */
  readonly paths: readonly string[];
  /** Every folder under articles/. */
  readonly folders: readonly string[];
  /** Each file is read through it once, and its bytes are let go once validated. */
  readonly readArticleBytes: ReadArticleBytes;
  readonly context: ValidationContext;
}

/**
 * Validates article files one after the other (the library's build(); the CLI scans them on
 * every thread instead, see scan-article-files). A file gone since it was listed is left out, as
 * if it had been removed before the build.
 */
export function validateArticleFiles({ paths, folders, readArticleBytes, context }: ValidateArticleFilesInput): ValidatedArticleFiles {
  const rows = paths.flatMap((path) => {
    const bytes = readArticleBytes(path);
    return bytes === undefined ? [] : [{ ...validateArticleBytes(path, bytes, context), stamp: UNKNOWN_STAMP, digest: contentDigest(bytes) }];
  });
  return { files: ArticleTable.of(rows.sort(byPath)), folders: [...folders].sort() };
}
