// Pure: the whole build in memory — sources in, output files and problems out; writes nothing.
import type { BuildError } from './errors/build-error.js';
import { makeError } from './errors/error-catalogue.js';
import { withoutRepeats } from './errors/without-repeats.js';
import type { SiteSources } from './load/read-sources.js';
import { TemplateRenderError } from './render/compile-templates.js';
import { renderItem } from './render/render-item.js';
import { createMarkdownRenderer, type MarkdownRenderer } from './render/render-markdown.js';
import { collectOutputFiles } from './collect-output-files.js';
import { buildFeedHead, toItemModel, type ItemSource } from './serialize/build-feed-model.js';
import { createFeedStream } from './serialize/stream-feed.js';
import { feedFormats } from './serialize/feed-formats.js';
import { createTranslator, MissingLabelError, type Translate } from './translate/create-translator.js';
import type { PublishedArticle } from './translate/resolve-translations.js';
import type { Article } from './validate/validate-article.js';
import { validateSite, type CachedArticleLookup, type ValidSite } from './validate-site.js';

/** A file the build would write, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * Output files written together, a chunk for each at every step: a feed of every item is never
 * one string. The generator returns the problems met while rendering; if there are any, nothing
 * of the run may be published.
 */
export interface OutputStream {
  readonly paths: readonly string[];
  readonly chunks: () => Generator<readonly string[], readonly BuildError[]>;
}

export interface BuildResult {
  readonly files: readonly OutputFile[];
  /** Feeds written incrementally (with `maxItems: 0`, or when asked for); their files are not in `files`. */
  readonly streams: readonly OutputStream[];
  readonly errors: readonly BuildError[];
  /** True when the problems are in polyfeed.config.yaml (a usage error, exit code 2). */
  readonly configInvalid: boolean;
  /** The output folder from the config, relative to the site folder. */
  readonly outDir: string | undefined;
  /** Every valid article (for the cache of the next build); empty when the config is invalid. */
  readonly articles: readonly Article[];
}

export interface BuildOptions {
  /** polyfeed's version, written into each feed's generator element. */
  readonly version: string;
  /** Articles validated by an earlier build whose files have not changed; they are not parsed again. */
  readonly cached?: CachedArticleLookup;
  /** Stream the feeds instead of returning them whole; the default streams when `maxItems` is 0. */
  readonly stream?: boolean;
}

/** Items rendered and serialized together when streaming: few enough to hold, enough to amortize. */
const STREAM_BATCH_SIZE = 100;

interface RenderTools {
  /** The build's one i18next instance, fixed to a language. */
  readonly translatorFor: (lang: string) => Translate;
  readonly renderMarkdown: MarkdownRenderer;
}

/**
 * One language's feeds as a stream: a head, then items rendered and serialized a batch at a time,
 * then a tail. Only the items that go into the feed are rendered.
 */
function streamLanguage(site: ValidSite, lang: string, options: BuildOptions, tools: RenderTools): OutputStream {
  const { config } = site;
  return {
    paths: config.formats.map((format) => `${lang}/${feedFormats[format].fileName}`),
    *chunks() {
      const t = tools.translatorFor(lang);
      const { renderMarkdown } = tools;
      const all = entriesOf(site, lang);
      const entries = config.maxItems > 0 ? all.slice(0, config.maxItems) : all;
      const newestUpdateMs = entries.reduce((newest, entry) => Math.max(newest, (entry.article.frontMatter.updated ?? entry.article.frontMatter.date).epochMs), 0);
      const streams = config.formats.map((format) => createFeedStream(format, buildFeedHead({ lang, newestUpdateMs, config, t, version: options.version })));
      const errors: BuildError[] = [];
      yield streams.map((stream) => stream.head);
      for (let start = 0; start < entries.length; start += STREAM_BATCH_SIZE) {
        const rendered = renderEntries(site, entries.slice(start, start + STREAM_BATCH_SIZE), t, renderMarkdown);
        errors.push(...rendered.errors);
        const items = rendered.items.map((item) => toItemModel(item, config, site.staticFiles));
        yield streams.map((stream) => stream.items(items));
      }
      yield streams.map((stream) => stream.tail());
      return withoutRepeats(errors);
    },
  };
}

/** Newest first, then by id: the order of items in every feed. */
function compareEntries(a: PublishedArticle, b: PublishedArticle): number {
  return b.article.frontMatter.date.epochMs - a.article.frontMatter.date.epochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Renders items of one language; a template or label problem becomes a BuildError, a bug is rethrown. */
function renderEntries(site: ValidSite, entries: readonly PublishedArticle[], t: Translate, renderMarkdown: MarkdownRenderer) {
  const items: ItemSource[] = [];
  const errors: BuildError[] = [];
  for (const entry of entries) {
    try {
      items.push({ entry, ...renderItem({ entry, siteUrl: site.config.baseUrl, template: site.templates.item, renderMarkdown, t }) });
    } catch (error) {
      errors.push(renderError(error, entry));
    }
  }
  return { items, errors };
}

/** Each language's published versions, newest first. */
function entriesOf(site: ValidSite, lang: string): PublishedArticle[] {
  return site.published.filter((entry) => entry.article.lang === lang).sort(compareEntries);
}

function renderError(error: unknown, entry: PublishedArticle): BuildError {
  if (error instanceof MissingLabelError) {
    return makeError('LOCALE_MISSING_KEY', error.message, { file: `locales/${error.lang}/feed.json`, path: error.key.split('.'), cause: error });
  }
  if (error instanceof TemplateRenderError) {
    return makeError('TEMPLATE_RENDER', `${error.reason} (while rendering ${entry.article.file})`, {
      file: error.template,
      line: error.line,
      column: error.column,
      hint: 'Templates receive the fields listed in README.md ("Templates"); correct the name, or guard an optional part with {{#if …}}.',
      cause: error,
    });
  }
  throw error;
}

/** Validates every source, then renders and serializes every feed. Returns no files if anything is wrong. */
export function build(sources: SiteSources, options: BuildOptions): BuildResult {
  const validated = validateSite(sources, options.cached);
  const outDir = validated.site?.config.outDir;
  if (!validated.site) {
    return { files: [], streams: [], errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir, articles: [] };
  }
  const { site } = validated;
  const failedValidation = validated.errors.some((error) => error.severity === 'error');
  const tools = { translatorFor: createTranslator(site.locales, site.config.languages), renderMarkdown: createMarkdownRenderer() };
  const streams = failedValidation ? [] : site.config.languages.map((lang) => streamLanguage(site, lang, options, tools));
  if (options.stream ?? site.config.maxItems === 0) {
    return { files: [], streams, errors: validated.errors, configInvalid: false, outDir, articles: site.articles };
  }
  // Feeds of a few items are gathered whole: one code path writes both kinds.
  const collected = collectOutputFiles({ files: [], streams });
  const errors = [...validated.errors, ...withoutRepeats(collected.errors)];
  const failed = errors.some((error) => error.severity === 'error');
  return { files: failed ? [] : collected.files, streams: [], errors, configInvalid: false, outDir, articles: site.articles };
}

/**
 * Validates every source and renders one item per language, the newest: template fields and
 * labels that only fail at render time are found without rendering every feed.
 */
export function check(sources: SiteSources, cached?: CachedArticleLookup): Omit<BuildResult, 'files' | 'streams'> {
  const validated = validateSite(sources, cached);
  const { site } = validated;
  if (!site) return { errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir: undefined, articles: [] };
  const translatorFor = createTranslator(site.locales, site.config.languages);
  const renderMarkdown = createMarkdownRenderer();
  const renderErrors = site.config.languages.flatMap((lang) => renderEntries(site, entriesOf(site, lang).slice(0, 1), translatorFor(lang), renderMarkdown).errors);
  return { errors: [...validated.errors, ...withoutRepeats(renderErrors)], configInvalid: false, outDir: site.config.outDir, articles: site.articles };
}
