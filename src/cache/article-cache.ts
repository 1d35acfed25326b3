// Pure: validated article metadata kept between builds, so unchanged articles are neither read nor parsed again.
import type { BuildError } from '../errors/build-error.js';
import type { Article } from '../validate/validate-article.js';
import type { InputSnapshot } from './input-snapshot.js';

/** An article as validated, without its body (read again from its file when rendered). */
export type CachedArticle = Omit<Article, 'body'>;

/** What validating an unchanged file gave: the article, and its warnings to show again. */
export interface CachedValidation {
  readonly article: CachedArticle;
  readonly warnings: readonly BuildError[];
}

/** Kept in `.polyfeed-cache/articles.json`. */
export interface ArticleCache {
  /** What validation also depended on: polyfeed's version, the config and the static files. */
  readonly key: string;
  /** Valid articles only, with the `[size, mtimeMs]` their file had when it was read. */
  readonly entries: Readonly<Record<string, { readonly stat: readonly [number, number] } & CachedValidation>>;
}

/** Article validity depends on the config (languages, limits, base URL) and on static/ (images). */
export function articleCacheKey(version: string, inputs: InputSnapshot): string {
  const dependencies = Object.entries(inputs.files)
    .filter(([path]) => path === 'polyfeed.config.yaml' || path.startsWith('static/'))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([version, dependencies]);
}

/** The cached article for a path when its file is as it was then; undefined otherwise. */
export function lookupCachedArticles(cache: ArticleCache | undefined, key: string, inputs: InputSnapshot): (path: string) => CachedValidation | undefined {
  if (!cache || cache.key !== key) return () => undefined;
  return (path) => {
    const entry = cache.entries[path];
    const now = inputs.files[path];
    return entry && now && entry.stat[0] === now[0] && entry.stat[1] === now[1] ? entry : undefined;
  };
}

/** The cache for the next build: every valid article, with the stat its file had before this build read it. */
export function toArticleCache(key: string, articles: readonly Article[], problems: readonly BuildError[], inputs: InputSnapshot): ArticleCache {
  const warningsByFile = new Map<string, BuildError[]>();
  for (const problem of problems) {
    if (problem.severity !== 'warning' || problem.file === undefined) continue;
    const { cause: _cause, ...plain } = problem;
    warningsByFile.set(problem.file, [...(warningsByFile.get(problem.file) ?? []), plain]);
  }
  const entries: Record<string, { stat: readonly [number, number] } & CachedValidation> = {};
  for (const article of articles) {
    const stat = inputs.files[article.file];
    if (!stat) continue;
    // Fields copied by name: spreading the article would call its body getter and read the file.
    const { key: articleKey, lang, file, frontMatter, bodyStartLine } = article;
    entries[article.file] = { stat, article: { key: articleKey, lang, file, frontMatter, bodyStartLine }, warnings: warningsByFile.get(file) ?? [] };
  }
  return { key, entries };
}
