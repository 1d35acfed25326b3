// Pure; reads articles through the site's reader it is given: published entries → their articles read again in full, and their item HTML.
import { makeError, type BuildError } from '../model/build-error.js';
import { TemplateRenderError } from '../render/compile-templates.js';
import { renderItem, type RenderItemInput } from '../render/render-item.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../render/render-markdown.js';
import type { ItemSource } from '../serialize/build-feed-model.js';
import { createTranslator, MissingLabelError, type Translate } from '../translate/create-translator.js';
import type { PublishedArticle, PublishedEntry } from '../translate/published-entry.js';
import { BORROWED_LABELS } from '../translate/validate-locales.js';
import type { FeedSite, ValidSite } from './feed-site.js';
import type { Article } from '../model/article.js';

/** What rendering needs besides a site's data, made once per build (or per worker). */
export interface RenderTools {
  /** The build's one i18next instance, fixed to a language. */
  readonly translatorFor: (lang: string) => Translate;
  readonly renderMarkdown: MarkdownRenderer;
}

export function renderTools(site: Pick<ValidSite, 'locales' | 'config'>): RenderTools {
  return { translatorFor: createTranslator(site.locales, site.config.languages), renderMarkdown: createMarkdownRenderer() };
}

/** The article as published now: an `updated` that has not fallen due yet (a scheduled update, see updatedMsIn) is not shown. */
function withUpdateDue(article: Article, updatedMs: number): Article {
  const { updated, ...frontMatter } = article.frontMatter;
  return updated === undefined || updated.epochMs === updatedMs ? article : { ...article, frontMatter };
}

/** Reads published versions again in full; a file that changed since it was validated is a problem. */
export function readEntries(site: FeedSite, entries: readonly PublishedEntry[]): { articles: PublishedArticle[]; errors: BuildError[] } {
  const articles: PublishedArticle[] = [];
  const errors: BuildError[] = [];
  for (const entry of entries) {
    const { article, problems } = site.readArticle(entry);
    const fatal = problems.filter((problem) => problem.severity === 'error');
    if (article && fatal.length === 0) {
      articles.push({
        summary: entry.summary,
        url: entry.url,
        id: entry.id,
        translations: entry.translations,
        fallbackFor: entry.fallbackFor,
        article: withUpdateDue(article, entry.summary.updatedMs),
      });
    } else if (fatal.some((problem) => problem.code === 'FILE_CHANGED_DURING_BUILD')) {
      errors.push(...fatal);
    } else {
      errors.push(
        makeError('FILE_CHANGED_DURING_BUILD', { kind: 'no-longer-valid' }, { file: entry.summary.file }),
        ...fatal,
      );
    }
  }
  return { articles, errors };
}

/** The labels `lang` takes from other languages (see BORROWED_LABELS), with the translators to make them; undefined when it takes none. */
function borrowedLabelsOf(site: FeedSite, lang: string, translatorFor: RenderTools['translatorFor']): RenderItemInput['borrowedLabels'] {
  const keys = site.locales[lang]?.[BORROWED_LABELS] as Record<string, string> | undefined;
  return keys === undefined ? undefined : { keys, translatorFor };
}

/**
 * Renders items of one language's feeds, each with the labels of its own language (an item taken
 * from another language by a fallback is that language's item, with a note in the feed's); a
 * template or label problem becomes a BuildError, a bug is rethrown.
 */
export function renderEntries(site: FeedSite, entries: readonly PublishedArticle[], tools: RenderTools): { items: ItemSource[]; errors: BuildError[] } {
  const items: ItemSource[] = [];
  const errors: BuildError[] = [];
  const { translatorFor, renderMarkdown } = tools;
  for (const entry of entries) {
    try {
      const t = translatorFor(entry.article.lang);
      const fallback = entry.fallbackFor === undefined ? undefined : { lang: entry.fallbackFor, t: translatorFor(entry.fallbackFor) };
      items.push({ entry, ...renderItem({ entry, siteUrl: site.config.baseUrl, template: site.templates.item, siteHelpers: site.templates.helpers, renderMarkdown, t, fallback, numberingSystem: site.config.digits?.[entry.article.lang], summaryLength: site.config.summaryLength, borrowedLabels: borrowedLabelsOf(site, entry.article.lang, translatorFor) }) });
    } catch (error) {
      errors.push(renderError(error, entry));
    }
  }
  return { items, errors };
}

function renderError(error: unknown, entry: PublishedArticle): BuildError {
  if (error instanceof MissingLabelError) {
    return makeError('LOCALE_MISSING_KEY', { kind: 'unknown-at-render', key: error.key, lang: error.lang }, { file: `locales/${error.lang}/feed.json`, path: error.key.split('.'), cause: error });
  }
  if (error instanceof TemplateRenderError) {
    return makeError('TEMPLATE_RENDER', { ...error.failure, article: entry.article.file }, { file: error.template, line: error.line, column: error.column, cause: error });
  }
  throw error;
}
