// Pure: the article table of a site in another generator's layout → its problems across files: two files of one key and language, an article without a default-language version.
import type { ArticleTable } from '../model/article-table.js';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import { articleUrlMaker } from '../urls/article-url.js';
import { defaultLanguagePathOf } from '../model/source-path.js';

/**
 * In polyfeed's own layout a folder is an article and a file a language, so neither check is
 * needed there beyond ARTICLE_FOLDER_EMPTY; in another generator's, `post.md` and `post/index.md`
 * both make the key `post`, and a translation is found by key. `table` must read places by layout.
 */
export function checkForeignArticles(table: ArticleTable, config: SiteConfig): BuildError[] {
  const errors: BuildError[] = [];
  const urlOf = articleUrlMaker(config);
  const languagesByKey = new Map<string, { first: string; languages: Map<string, string> }>();
  for (let row = 0; row < table.length; row++) {
    if (!table.isArticle(row)) continue;
    const key = table.keyAt(row);
    const lang = table.langAt(row);
    const path = table.pathAt(row);
    let article = languagesByKey.get(key);
    if (!article) languagesByKey.set(key, (article = { first: path, languages: new Map() }));
    const earlier = article.languages.get(lang);
    if (earlier !== undefined) errors.push(makeError('DUPLICATE_ID', { id: urlOf(key, lang), earlier, sameVersion: { key, lang } }, { file: path }));
    else article.languages.set(lang, path);
  }
  if (config.missingDefaultLanguage === 'allow') return errors;
  for (const [key, article] of languagesByKey) {
    if (article.languages.has(config.defaultLanguage)) continue;
    const [firstLang, firstPath] = [...article.languages].find(([, path]) => path === article.first)!;
    const fileToAdd = defaultLanguagePathOf(firstPath, firstLang, config);
    errors.push(
      makeError(
        'MISSING_DEFAULT_LANGUAGE',
        { folder: key, defaultLanguage: config.defaultLanguage, languages: [...article.languages.keys()].sort(), setting: config.missingDefaultLanguage, fileToAdd },
        { file: article.first, severity: config.missingDefaultLanguage },
      ),
    );
  }
  return errors;
}
