// Pure: a published article + its language's labels → the item's HTML, through the item template.
import Handlebars from 'handlebars';
import type { Translate } from '../translate/create-translator.js';
import type { PublishedArticle } from '../translate/published-entry.js';
import { textDirection } from '../model/language-tag.js';
import { estimateReadingMinutes } from './estimate-reading-minutes.js';
import { formatArticleDate } from './format-article-date.js';
import type { MarkdownRenderer } from './render-markdown.js';
import { resolveSiteUrl } from '../urls/resolve-site-url.js';
import { renderSanitized } from './sanitize-template-output.js';
import { summaryFromBody } from './summary-from-body.js';
import { markBorrowed, resolveBorrowedMarks } from './borrowed-labels.js';
import { videoUrl } from '../urls/video-url.js';
import { withDisplayedNumbers } from './display-numbers.js';
import { formatIsolatedNames, formatNames, isolateText, translateWithHtml } from './isolate-text.js';

export interface RenderItemInput {
  readonly entry: PublishedArticle;
  readonly siteUrl: string;
  readonly template: Handlebars.TemplateDelegate;
  readonly renderMarkdown: MarkdownRenderer;
  readonly t: Translate;
  /** The site's helpers (CompiledTemplates.helpers), given with `t`. */
  readonly siteHelpers?: Readonly<Record<string, Handlebars.HelperDelegate>>;
  /** The config's `digits` for the item's language: the Intl numbering system its dates and label numbers are written in; undefined for the language's usual digits. */
  readonly numberingSystem?: string | undefined;
  /**
   * When the item stands in for a version its feed's language lacks (config `fallbacks`): the
   * feed's language and its labels, for the note that says so. `t` stays the item's own language.
   */
  readonly fallback?: { readonly lang: string; readonly t: Translate } | undefined;
  /**
   * Label keys the item's language takes from another language (config `labelFallbacks`), each
   * with that language, and the labels of any language: a borrowed label is made as its language
   * makes it (its plural rules) and marked as that language.
   */
  readonly borrowedLabels?: { readonly keys: Readonly<Record<string, string>>; readonly translatorFor: (lang: string) => Translate } | undefined;
  /** The config's `summaryLength`: with it, an article without `summary` gets one made from its body. */
  readonly summaryLength?: number | undefined;
}

export interface RenderedItem {
  readonly html: string;
  /** Absolute URL of the main image, if any. */
  readonly imageUrl: string | undefined;
  /** A summary made from the body (config `summaryLength`), when the front matter has none. */
  readonly summary?: string | undefined;
}

const languageNames = new Map<string, string>();

/** A language's own name for itself ("العربية", "日本語"): the text of a translation link, and a language's name on the subscribe page. */
export function nativeLanguageName(lang: string): string {
  let name = languageNames.get(lang);
  if (name === undefined) {
    name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    languageNames.set(lang, name);
  }
  return name;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in another language (`en` in `pt-BR`: "inglês"), for the fallback note. */
function languageNameIn(lang: string, inLang: string): string {
  let names = displayNames.get(inLang);
  if (!names) {
    names = new Intl.DisplayNames([inLang], { type: 'language' });
    displayNames.set(inLang, names);
  }
  return names.of(lang) ?? lang;
}

/**
 * The note of an item taken from another language, in the feed's language and marked as it (the
 * item's own text is marked as the item's language): "Not yet available in Portuguese; here in English".
 */
function fallbackNoteOf(fallback: RenderItemInput['fallback'], itemLang: string): { lang: string; dir: string; text: string } | null {
  if (!fallback) return null;
  const language = languageNameIn(fallback.lang, fallback.lang);
  const fallbackLanguage = languageNameIn(itemLang, fallback.lang);
  return { lang: fallback.lang, dir: textDirection(fallback.lang), text: fallback.t('item.fallbackNote', { language, fallbackLanguage }) };
}

export function renderItem({ entry, siteUrl, template, renderMarkdown, t, siteHelpers, fallback, numberingSystem, summaryLength, borrowedLabels }: RenderItemInput): RenderedItem {
  const { article, url } = entry;
  const { frontMatter: fm, lang } = article;
  const bases = { siteUrl, pageUrl: url };
  const imageUrl = fm.image ? resolveSiteUrl(fm.image.src, bases) : undefined;
  const authors = (fm.authors ?? []).map((author) => author.name);
  const context = {
    lang,
    dir: textDirection(lang),
    title: fm.title,
    url,
    summary: fm.summary ?? null,
    authors: authors.length > 0 ? formatNames(authors, lang) : null,
    isolatedAuthors: authors.length > 0 ? formatIsolatedNames(authors, lang) : null,
    dateline: fm.dateline ?? null,
    published: { iso: fm.date.text, text: formatArticleDate(fm.date, lang, numberingSystem) },
    updated: fm.updated ? { iso: fm.updated.text, text: formatArticleDate(fm.updated, lang, numberingSystem) } : null,
    readingMinutes: estimateReadingMinutes(article.body),
    image: fm.image && imageUrl ? { src: imageUrl, alt: fm.image.alt, caption: fm.image.caption ?? null, credit: fm.image.credit ?? null } : null,
    video: fm.video ? { url: videoUrl(fm.video), title: fm.video.title ?? null } : null,
    translations: entry.translations.map((translation) => ({
      ...translation,
      name: nativeLanguageName(translation.lang),
      dir: textDirection(translation.lang),
    })),
    fallback: fallbackNoteOf(fallback, lang),
  };
  const helpers = {
    ...siteHelpers,
    t: (key: string, options: Handlebars.HelperOptions) => {
      const values = withDisplayedNumbers(options.hash as Record<string, unknown>, lang, numberingSystem);
      const from = borrowedLabels && Object.hasOwn(borrowedLabels.keys, key) ? borrowedLabels.keys[key] : undefined;
      if (from === undefined) return translateWithHtml(t, key, values);
      return markBorrowed(translateWithHtml(borrowedLabels!.translatorFor(from), key, values), from);
    },
    isolate: (text: unknown) => (typeof text === 'string' ? isolateText(text) : text),
  };
  // A template is site code, but it puts front-matter text where it likes ({{{summary}}} unescaped):
  // its output is held to the body's rules.
  const render = (body: Handlebars.SafeString) => template({ ...context, body }, { helpers });
  const bodyHtml = renderMarkdown(article.body, bases);
  const summary = fm.summary === undefined && summaryLength !== undefined ? summaryFromBody(bodyHtml, summaryLength, lang) : undefined;
  const html = resolveBorrowedMarks(renderSanitized(render, bodyHtml, bases)).trim();
  return { html, imageUrl, ...(summary === undefined ? {} : { summary }) };
}
