// Pure; reads articles through the reader it is given: a site's sources → the validated site (config, articles, labels, templates), or every problem.
import { fallbackChainOf } from '../model/fallback-chains.js';
import { feedTextLabels } from '../model/feed-texts.js';
import { createHash } from 'node:crypto';
import type { BuildError } from '../model/build-error.js';
import { hasFatalErrors } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { decodeText } from '../load/decode-text.js';
import { CONFIG_FILE_NAME, type ReadArticleBytes, type SettingSources, type SiteSources } from '../load/read-sources.js';
import { compileTemplates, RESERVED_HELPER_NAMES } from '../render/compile-templates.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import type { SiteHelpers } from '../load/read-site-helpers.js';
import { templateFilesOf } from '../render/find-template.js';
import type { ReadArticle, SiteSettings, ValidSite } from '../feeds/feed-site.js';
import { resolveTranslations } from '../translate/resolve-translations.js';
import { createFieldLocator, locateFields } from '../validate/locate-field.js';
import { validateLocales } from '../translate/validate-locales.js';
import type { SiteConfig } from '../model/config-schema.js';
import { validateArticleFiles, type ValidationContext } from '../validate/validate-article-files.js';
import { type ValidatedArticleFiles } from '../model/article-table.js';
import { newestSiteUpdateMs } from '../validate/newest-site-update.js';
import { ARTICLES_FOLDER } from '../load/list-article-tree.js';
import { validateArticleFile } from '../validate/validate-article-file.js';
import { reviseRenameHints } from '../validate/revise-rename-hints.js';
import { checkForeignArticles } from '../validate/check-foreign-articles.js';
import { parseSourcePath } from '../model/source-path.js';
import { validateConfig } from '../validate/validate-config.js';
import { scheduleOf, type PublicationWindow } from '../model/publication-window.js';
import { FEED_LINK_TITLE_KEY, FEED_NOTE_KEYS, SUBSCRIBE_LABEL_KEYS } from '../model/site-pages.js';

/** Labels the code itself uses, besides those the templates name. */
export const CODE_LABEL_KEYS = ['feed.title', 'feed.description', 'feed.copyright'] as const;

/** The label the code writes the note of a fallback item with (see renderItem): needed once the config has a fallback chain. */
export const FALLBACK_NOTE_KEY = 'item.fallbackNote';

/** The labels only some languages need: the fallback note, in the languages with a fallback chain (their feeds alone carry fallback items). */
export function languageLabelKeys(config: Pick<SiteConfig, 'fallbacks'>): (lang: string) => readonly string[] {
  return (lang) => (fallbackChainOf(config.fallbacks, lang).length > 0 ? [FALLBACK_NOTE_KEY] : []);
}

/** The labels the pages for people take (the feeds' note, the feed links' titles, the page template's): needed once the config asks for them. */
function pageLabelKeys(config: SiteConfig, templateKeys: readonly string[]): string[] {
  return config.subscribePage ? [...FEED_NOTE_KEYS, FEED_LINK_TITLE_KEY, ...templateKeys] : [];
}

export interface ValidateSettingsResult {
  /** Undefined when the config is invalid; templates or labels may still have problems (in `errors`). */
  readonly config: SiteConfig | undefined;
  readonly settings: SiteSettings | undefined;
  /** Problems in the config itself (exit code 2) are told apart from problems in sources (exit code 1). */
  readonly configErrors: readonly BuildError[];
  readonly errors: readonly BuildError[];
  /** The label keys the code and the templates use (templates that did not compile name none); undefined when the config is invalid. */
  readonly labelKeys?: readonly string[];
}

export interface ValidateSiteResult {
  readonly site: ValidSite | undefined;
  readonly configErrors: readonly BuildError[];
  readonly errors: readonly BuildError[];
  /** Every article file as validated on its own (for the cache of the next build). */
  readonly articleFiles: ValidatedArticleFiles | undefined;
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

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Folders without any language file, and articles without a version in the default language. */
function checkArticleFolders(articleFiles: ValidatedArticleFiles, config: SiteConfig): BuildError[] {
  const errors: BuildError[] = [];
  const languagesByFolder = new Map<string, string[]>(articleFiles.folders.map((folder) => [folder, []]));
  // An entry reported already (a FIFO named en.md, a link out of the site) counts as there: no second, misleading problem.
  const reported = (articleFiles.problems ?? []).flatMap((problem) => (problem.file?.endsWith('.md') ? [problem.file] : []));
  for (const path of [...articleFiles.files.paths, ...reported]) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    languagesByFolder.get(folder)?.push(path.slice(folder.length + 1, -'.md'.length));
  }
  for (const [folder, languages] of languagesByFolder) {
    if (languages.length === 0) {
      errors.push(makeError('ARTICLE_FOLDER_EMPTY', { folder }, { file: `${folder}/` }));
    } else if (config.missingDefaultLanguage !== 'allow' && !languages.includes(config.defaultLanguage)) {
      errors.push(
        makeError(
          'MISSING_DEFAULT_LANGUAGE',
          { folder, defaultLanguage: config.defaultLanguage, languages, setting: config.missingDefaultLanguage },
          { file: `${folder}/`, severity: config.missingDefaultLanguage },
        ),
      );
    }
  }
  return errors;
}

/** The site's helpers module, loaded through `sources.readHelpers`: its helpers, or the problem with it, placed at `helpers:` in the config. */
function loadSiteHelpers(sources: SettingSources, config: SiteConfig, configText: string): { value?: SiteHelpers; errors: BuildError[] } {
  if (config.helpers === undefined || !sources.readHelpers) return { errors: [] };
  const loaded = sources.readHelpers(config.helpers);
  const place = { file: CONFIG_FILE_NAME, path: ['helpers'], ...parseYamlWithPositions(configText, { file: CONFIG_FILE_NAME, firstLine: 1 }).value?.positionOf(['helpers']) };
  if ('problem' in loaded) return { errors: [makeError('HELPERS_INVALID', { ...loaded.problem, module: loaded.path }, place)] };
  const reserved = Object.keys(loaded.helpers).filter((name) => RESERVED_HELPER_NAMES.includes(name));
  return reserved.length > 0 ? { errors: reserved.map((name) => makeError('HELPERS_INVALID', { kind: 'reserved-name', module: loaded.path, name }, place)) } : { value: loaded, errors: [] };
}

/** The config, the templates and the labels: what every article is validated and rendered with. */
export function validateSettings(sources: SettingSources): ValidateSettingsResult {
  if (!sources.configFile) {
    const error = makeError('CONFIG_NOT_FOUND', { file: CONFIG_FILE_NAME }, { file: CONFIG_FILE_NAME });
    return { config: undefined, settings: undefined, configErrors: [error], errors: [error] };
  }
  const configErrors: BuildError[] = [];
  const [configText] = decodeAll([sources.configFile], configErrors);
  const config = configText ? validateConfig(configText.text, CONFIG_FILE_NAME) : undefined;
  configErrors.push(...(config?.errors ?? []));
  if (!config?.value) return { config: undefined, settings: undefined, configErrors, errors: configErrors };

  const errors: BuildError[] = [];
  // A site's file stands in for the packaged one of the same name, even one that does not decode (its NOT_UTF8 is the problem).
  const templateFiles = templateFilesOf(sources.templateFiles, sources.packaged.templateFiles);
  const templateTexts = decodeAll(templateFiles, errors);
  const helpers = loadSiteHelpers(sources, config.value, configText!.text);
  errors.push(...helpers.errors);
  const templates = compileTemplates(templateTexts, unreadablePaths(templateFiles, templateTexts), helpers.value?.helpers);
  errors.push(...templates.errors);
  const localeTexts = decodeAll(sources.localeFiles, errors);
  const labelKeys = [...CODE_LABEL_KEYS, ...(templates.value?.labelKeys ?? []), ...pageLabelKeys(config.value, templates.value?.pageLabelKeys ?? [])];
  const locales = validateLocales({
    files: localeTexts,
    packagedFiles: decodeAll(sources.packaged.localeFiles, errors),
    unreadable: unreadablePaths(sources.localeFiles, localeTexts),
    languages: config.value.languages,
    defaultLanguage: config.value.defaultLanguage,
    requiredKeys: labelKeys,
    optionalKeys: [FALLBACK_NOTE_KEY, ...SUBSCRIBE_LABEL_KEYS],
    languageKeys: languageLabelKeys(config.value),
    configLabels: (lang) => feedTextLabels(config.value!, lang),
    labelFallbacks: config.value.labelFallbacks,
  });
  errors.push(...locales.errors);
  // The helpers module is known by its bytes: one it imports is not (README, "Helpers").
  const digest = digestOf([configText!.text, templateTexts.map((file) => [file.path, file.text]), [...sources.staticFiles].sort(), helpers.value?.digest ?? null]);
  const helpersFile = helpers.value && { path: helpers.value.path, stamp: helpers.value.stamp };
  const feedStylesheet = sources.packaged.feedStylesheet && decodeText(sources.packaged.feedStylesheet).value;
  const settings =
    templates.value && locales.value && helpers.errors.length === 0
      ? { config: config.value, templates: templates.value, locales: locales.value, digest, feedStylesheet, ...(helpersFile && { helpersFile }) }
      : undefined;
  return { config: config.value, settings, configErrors: [], errors, labelKeys };
}

/** A ReadArticle over `readArticleBytes`: a published version read again in full, to be rendered; a file removed since it was validated is a problem. */
export function articleReader(context: ValidationContext, readArticleBytes: ReadArticleBytes): ReadArticle {
  return (entry) => {
    const bytes = readArticleBytes(entry.summary.file);
    if (bytes === undefined) {
      return { problems: [makeError('FILE_CHANGED_DURING_BUILD', { kind: 'removed' }, { file: entry.summary.file })] };
    }
    return validateArticleFile({ path: entry.summary.file, bytes, ...context });
  };
}

/**
 * Joins the settings and the validated article files: checks across articles, and the site if
 * nothing is wrong. Articles are read again through `sources.readArticleBytes` only to place a
 * problem found across files; the site it gives reads them through the same reader.
 */
export function assembleSite(
  sources: Pick<SiteSources, 'staticFiles' | 'readArticleBytes'>,
  validated: ValidateSettingsResult,
  articleFiles: ValidatedArticleFiles,
  window: PublicationWindow,
): ValidateSiteResult {
  const { readArticleBytes } = sources;
  const { config } = validated;
  if (!config) return { site: undefined, configErrors: validated.configErrors, errors: validated.errors, articleFiles: undefined };
  const errors: BuildError[] = [...validated.errors];
  const foreign = config.content.layout !== 'polyfeed';
  // In another generator's layout the key and language of a file are what its path says by that layout's rules.
  if (foreign) articleFiles = { ...articleFiles, files: articleFiles.files.withPlaces((path) => parseSourcePath(path, config)) };
  const fileProblems: BuildError[] = [];
  for (const [, problems] of articleFiles.files.rowsWithProblems()) fileProblems.push(...problems);
  errors.push(...(fileProblems.length > 0 ? reviseRenameHints(fileProblems, articleFiles.files.paths) : []));
  errors.push(...(articleFiles.problems ?? []), ...(foreign ? checkForeignArticles(articleFiles.files, config) : checkArticleFolders(articleFiles, config)));
  if (articleFiles.files.length === 0 && (articleFiles.problems ?? []).length === 0) {
    const folder = foreign ? config.content.dir : ARTICLES_FOLDER;
    errors.push(makeError('NO_ARTICLES', { folder, hasFolders: articleFiles.folders.length > 0 }, { file: `${folder}/` }));
  }
  const published = resolveTranslations(articleFiles.files, config, window);

  // Checks across files report a field without its position: their file is parsed again for it.
  errors.push(
    ...locateFields(
      published.errors,
      createFieldLocator((path) => {
        const bytes = readArticleBytes(path);
        return bytes === undefined ? undefined : decodeText({ path, bytes }).value;
      }),
    ),
  );
  if (hasFatalErrors(errors) || !validated.settings) return { site: undefined, configErrors: [], errors, articleFiles };
  const readArticle = articleReader({ config, staticFiles: sources.staticFiles }, readArticleBytes);
  return {
    site: {
      ...validated.settings,
      articles: articleFiles.files,
      published: published.value,
      staticFiles: sources.staticFiles,
      newestUpdateMs: newestSiteUpdateMs(articleFiles.files, window),
      publication: { ...window, ...scheduleOf(articleFiles.files, window) },
      readArticle,
      readArticleBytes,
    },
    configErrors: [],
    errors,
    articleFiles,
  };
}

/**
 * Validates every source: settings first, then each article (read through `sources.readArticleBytes`),
 * then across articles; the site publishes what `window` lets through.
 */
export function validateSite(sources: SiteSources, window: PublicationWindow): ValidateSiteResult {
  const settings = validateSettings(sources);
  if (!settings.config) return { site: undefined, configErrors: settings.configErrors, errors: settings.errors, articleFiles: undefined };
  const context = { config: settings.config, staticFiles: sources.staticFiles };
  const validated = validateArticleFiles({ paths: sources.articlePaths, folders: sources.articleFolders, readArticleBytes: sources.readArticleBytes, context });
  return assembleSite(sources, settings, { ...validated, problems: sources.articleProblems ?? [] }, window);
}
