// Test helper: validated articles → published versions with their article attached, as build() renders them.
import { resolveTranslations, type PublishedArticle } from '../../src/translate/resolve-translations.js';
import { summarizeArticle } from '../../src/model/article-summary.js';
import type { SiteConfig } from '../../src/model/config-schema.js';
import type { Article } from '../../src/model/article.js';
import type { BuildError } from '../../src/model/build-error.js';
import { tableOfSummaries } from './table-of-summaries.js';

export function publishArticles(articles: readonly Article[], config: SiteConfig): { value: PublishedArticle[]; errors: BuildError[] } {
  const byFile = new Map(articles.map((article) => [article.file, article]));
  const result = resolveTranslations(tableOfSummaries(articles.map(summarizeArticle)), config);
  return {
    value: result.value.all().map((entry) => ({ summary: entry.summary, url: entry.url, id: entry.id, translations: entry.translations, article: byFile.get(entry.summary.file)! })),
    errors: result.errors,
  };
}
