// Test helper: validated articles → published versions with their article attached, as build() renders them.
import { resolveTranslations } from '../../src/translate/resolve-translations.js';
import type { PublishedArticle, PublishedEntries, PublishedEntry } from '../../src/translate/published-entry.js';
import { summarizeArticle } from '../../src/model/article-summary.js';
import type { SiteConfig } from '../../src/model/config-schema.js';
import type { Article } from '../../src/model/article.js';
import type { BuildError } from '../../src/model/build-error.js';
import { tableOfSummaries } from './table-of-summaries.js';
import { publishedAt } from '../../src/model/publication-window.js';

export function publishArticles(articles: readonly Article[], config: SiteConfig): { value: PublishedArticle[]; errors: BuildError[] } {
  const byFile = new Map(articles.map((article) => [article.file, article]));
  const result = resolveTranslations(tableOfSummaries(articles.map(summarizeArticle)), config, publishedAt(Date.UTC(2100, 0, 1)));
  return {
    value: publishedInPathOrder(result.value, config).map((entry) => ({ summary: entry.summary, url: entry.url, id: entry.id, translations: entry.translations, article: byFile.get(entry.summary.file)! })),
    errors: result.errors,
  };
}

/** Every published version of every configured language, in path order. */
export function publishedInPathOrder(entries: PublishedEntries, config: Pick<SiteConfig, 'languages'>): PublishedEntry[] {
  const all = config.languages.flatMap((lang) => entries.newestOf(lang, 0));
  return all.sort((a, b) => (a.summary.file < b.summary.file ? -1 : a.summary.file > b.summary.file ? 1 : 0));
}
