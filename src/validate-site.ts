// Pure: everything read from a site folder → the validated site (config, articles, labels, templates), or every problem.
import type { BuildError } from './errors/build-error.js';
import { hasFatalErrors } from './errors/build-error.js';
import { makeError } from './errors/error-catalogue.js';
import { decodeText } from './load/decode-text.js';
import { CONFIG_FILE_NAME, type SiteSources } from './load/read-sources.js';
import { compileTemplates, type CompiledTemplates } from './render/compile-templates.js';
import { articleUrl, resolveTranslations, type PublishedArticle } from './translate/resolve-translations.js';
import { withBodyFromSource } from './validate/body-from-source.js';
import { checkArticleImages } from './validate/check-article-images.js';
import { createFieldLocator, type FieldLocator } from './validate/locate-field.js';
import { validateLocales, type LocaleResources } from './translate/validate-locales.js';
import type { SiteConfig } from './validate/config-schema.js';
import { parseArticlePath } from './validate/parse-article-path.js';
import { validateArticle, type Article } from './validate/validate-article.js';
import { validateConfig } from './validate/validate-config.js';

/** Labels the code itself uses, besides those the templates name. */
export const CODE_LABEL_KEYS = ['feed.title', 'feed.description', 'feed.copyright'] as const;

/** A site whose every source passed validation. */
export interface ValidSite {
  readonly config: SiteConfig;
  readonly templates: CompiledTemplates;
  readonly locales: LocaleResources;
  readonly articles: readonly Article[];
  /** Non-draft versions with URLs, ids and translation links. */
  readonly published: readonly PublishedArticle[];
  /** Sizes of the files under static/, for enclosure lengths. */
  readonly staticFiles: ReadonlyMap<string, number>;
}

export interface ValidateSiteResult {
  readonly site: ValidSite | undefined;
  /** Problems in the config itself (exit code 2) are told apart from problems in sources (exit code 1). */
  readonly configErrors: readonly BuildError[];
  readonly errors: readonly BuildError[];
}

function decodeAll<T extends { path: string }>(files: readonly (T & { bytes: Uint8Array })[], errors: BuildError[]) {
  return files.flatMap((file) => {
    const decoded = decodeText(file);
    errors.push(...decoded.errors);
    return decoded.value === undefined ? [] : [{ path: file.path, text: decoded.value }];
  });
}

/** Files that exist but did not decode (their NOT_UTF8 is reported; they must not also count as missing). */
function unreadablePaths(files: readonly { path: string }[], decoded: readonly { path: string }[]): Set<string> {
  const ok = new Set(decoded.map((file) => file.path));
  return new Set(files.map((file) => file.path).filter((path) => !ok.has(path)));
}

function validateArticles(sources: SiteSources, config: SiteConfig, errors: BuildError[], cached: CachedArticleLookup): Article[] {
  const articles: Article[] = [];
  const maxBytes = config.maxFileSizeKb * 1024;
  for (const file of sources.articleFiles) {
    // Valid when last read, unchanged since, under the same config and static files: not read again.
    const known = cached(file.path);
    if (known) {
      articles.push(withBodyFromSource({ ...known.article, body: '' }, file));
      errors.push(...known.warnings);
      continue;
    }
    const location = parseArticlePath(file.path);
    errors.push(...location.errors);
    if (!location.value) continue;
    const { key, lang } = location.value;
    if (!config.languages.includes(lang)) {
      errors.push(makeError('LANGUAGE_NOT_CONFIGURED', `The language "${lang}" is not one of the configured languages (${config.languages.join(', ')}).`, { file: file.path }));
      continue;
    }
    // Read once here; the article keeps only a way to read its body again (withBodyFromSource).
    const loaded = { path: file.path, bytes: file.bytes };
    if (loaded.bytes.length > maxBytes) {
      errors.push(makeError('FILE_TOO_LARGE', `The file has ${Math.ceil(loaded.bytes.length / 1024)} KiB; the limit is ${config.maxFileSizeKb} KiB.`, { file: file.path }));
      continue;
    }
    const decoded = decodeText(loaded);
    errors.push(...decoded.errors);
    if (decoded.value === undefined) continue;
    const article = validateArticle({ file: file.path, key, lang, text: decoded.value });
    errors.push(...article.errors);
    if (!article.value) continue;
    const bases = { siteUrl: config.baseUrl, pageUrl: articleUrl(config, key, lang) };
    errors.push(...checkArticleImages({ article: article.value, bases, staticFiles: sources.staticFiles }));
    articles.push(withBodyFromSource(article.value, file));
  }
  return articles;
}

/** Folders without any language file, and articles without a version in the default language. */
function checkArticleFolders(sources: SiteSources, config: SiteConfig): BuildError[] {
  const errors: BuildError[] = [];
  const languagesByFolder = new Map<string, string[]>(sources.articleFolders.map((folder) => [folder, []]));
  for (const file of sources.articleFiles) {
    const folder = file.path.slice(0, file.path.lastIndexOf('/'));
    languagesByFolder.get(folder)?.push(file.path.slice(folder.length + 1, -'.md'.length));
  }
  for (const [folder, languages] of languagesByFolder) {
    if (languages.length === 0) {
      errors.push(makeError('ARTICLE_FOLDER_EMPTY', `The article folder ${folder}/ has no language file.`, { file: `${folder}/` }));
    } else if (config.missingDefaultLanguage !== 'allow' && !languages.includes(config.defaultLanguage)) {
      errors.push(
        makeError('MISSING_DEFAULT_LANGUAGE', `The article has no version in the default language "${config.defaultLanguage}" (it has ${languages.join(', ')}).`, {
          file: `${folder}/`,
          severity: config.missingDefaultLanguage,
          hint:
            config.missingDefaultLanguage === 'warning'
              ? `Add ${folder}/${config.defaultLanguage}.md, or set missingDefaultLanguage: allow in polyfeed.config.yaml if such articles are expected.`
              : `Add ${folder}/${config.defaultLanguage}.md, or set missingDefaultLanguage to "warning" or "allow" in polyfeed.config.yaml.`,
        }),
      );
    }
  }
  return errors;
}

/** Problems about a front-matter field found after parsing get the field's line and column. */
function locateFields(errors: readonly BuildError[], locate: FieldLocator): BuildError[] {
  return errors.map((error) => {
    if (error.file === undefined || error.line !== undefined || error.path.length === 0 || !error.file.endsWith('.md')) return error;
    const position = locate(error.file, error.path);
    return position ? { ...error, ...position } : error;
  });
}

/** Articles a previous build validated and whose file has not changed since (see cache/). */
export type CachedArticleLookup = (path: string) => { readonly article: Omit<Article, 'body'>; readonly warnings: readonly BuildError[] } | undefined;

export function validateSite(sources: SiteSources, cached: CachedArticleLookup = () => undefined): ValidateSiteResult {
  if (!sources.configFile) {
    const error = makeError('CONFIG_NOT_FOUND', `No ${CONFIG_FILE_NAME} in the site folder.`, { file: CONFIG_FILE_NAME });
    return { site: undefined, configErrors: [error], errors: [error] };
  }
  const configErrors: BuildError[] = [];
  const [configText] = decodeAll([sources.configFile], configErrors);
  const config = configText ? validateConfig(configText.text, CONFIG_FILE_NAME) : undefined;
  configErrors.push(...(config?.errors ?? []));
  if (!config?.value) return { site: undefined, configErrors, errors: configErrors };

  const errors: BuildError[] = [];
  const templateTexts = decodeAll(sources.templateFiles, errors);
  const templates = compileTemplates(templateTexts, unreadablePaths(sources.templateFiles, templateTexts));
  errors.push(...templates.errors);
  const localeTexts = decodeAll(sources.localeFiles, errors);
  const locales = validateLocales({
    files: localeTexts,
    unreadable: unreadablePaths(sources.localeFiles, localeTexts),
    languages: config.value.languages,
    defaultLanguage: config.value.defaultLanguage,
    requiredKeys: [...CODE_LABEL_KEYS, ...(templates.value?.labelKeys ?? [])],
  });
  errors.push(...locales.errors);
  const articles = validateArticles(sources, config.value, errors, cached);
  errors.push(...checkArticleFolders(sources, config.value));
  const published = resolveTranslations(articles, config.value);
  errors.push(...published.errors);

  const articleBytes = new Map(sources.articleFiles.map((file) => [file.path, file]));
  const located = locateFields(errors, createFieldLocator((path) => {
    const file = articleBytes.get(path);
    return file === undefined ? undefined : decodeText(file).value;
  }));
  if (hasFatalErrors(located) || !templates.value || !locales.value) return { site: undefined, configErrors: [], errors: located };
  return {
    site: { config: config.value, templates: templates.value, locales: locales.value, articles, published: published.value, staticFiles: sources.staticFiles },
    configErrors: [],
    errors: located,
  };
}
