// Pure: the whole build in memory — sources in, output files and problems out; writes nothing.
import type { BuildError } from './errors/build-error.js';
import { makeError } from './errors/error-catalogue.js';
import type { SiteSources } from './load/read-sources.js';
import { renderItem } from './render/render-item.js';
import { createMarkdownRenderer } from './render/render-markdown.js';
import { buildFeedModel, type ItemSource } from './serialize/build-feed-model.js';
import { feedFormats } from './serialize/feed-formats.js';
import { createTranslator, MissingLabelError } from './translate/create-translator.js';
import type { PublishedArticle } from './translate/resolve-translations.js';
import { validateSite, type ValidSite } from './validate-site.js';

/** A file the build would write, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

export interface BuildResult {
  readonly files: readonly OutputFile[];
  readonly errors: readonly BuildError[];
  /** True when the problems are in polyfeed.config.yaml (a usage error, exit code 2). */
  readonly configInvalid: boolean;
  /** The output folder from the config, relative to the site folder. */
  readonly outDir: string | undefined;
}

export interface BuildOptions {
  /** polyfeed's version, written into each feed's generator element. */
  readonly version: string;
}

/** Newest first, then by id: the order of items in every feed. */
function compareEntries(a: PublishedArticle, b: PublishedArticle): number {
  return b.article.frontMatter.date.epochMs - a.article.frontMatter.date.epochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function renderFeeds(site: ValidSite, options: BuildOptions): { files: OutputFile[]; errors: BuildError[] } {
  const { config } = site;
  const translatorFor = createTranslator(site.locales, config.languages);
  const renderMarkdown = createMarkdownRenderer();
  const files: OutputFile[] = [];
  const errors: BuildError[] = [];
  for (const lang of config.languages) {
    const t = translatorFor(lang);
    const entries = site.published.filter((entry) => entry.article.lang === lang).sort(compareEntries);
    // Only the items that go into the feed are rendered.
    const selected = config.maxItems > 0 ? entries.slice(0, config.maxItems) : entries;
    const items: ItemSource[] = [];
    for (const entry of selected) {
      try {
        const rendered = renderItem({ entry, siteUrl: config.baseUrl, template: site.templates.item, renderMarkdown, t });
        items.push({ entry, ...rendered });
      } catch (error) {
        errors.push(renderError(error, entry));
      }
    }
    const model = buildFeedModel({ lang, items, config, t, version: options.version, staticFiles: site.staticFiles });
    for (const format of config.formats) {
      files.push({ path: `${lang}/${feedFormats[format].fileName}`, contents: feedFormats[format].serialize(model) });
    }
  }
  return { files, errors };
}

function renderError(error: unknown, entry: PublishedArticle): BuildError {
  if (error instanceof MissingLabelError) {
    return makeError('LOCALE_MISSING_KEY', error.message, { file: `locales/${error.lang}/feed.json`, path: error.key.split('.'), cause: error });
  }
  return makeError('TEMPLATE_RENDER', `Rendering the item failed: ${(error as Error).message}`, { file: entry.article.file, cause: error });
}

/** Validates every source, then renders and serializes every feed. Returns no files if anything is wrong. */
export function build(sources: SiteSources, options: BuildOptions): BuildResult {
  const validated = validateSite(sources);
  const outDir = validated.site?.config.outDir;
  if (!validated.site) {
    return { files: [], errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir };
  }
  const rendered = renderFeeds(validated.site, options);
  const errors = [...validated.errors, ...rendered.errors];
  const failed = errors.some((error) => error.severity === 'error');
  return { files: failed ? [] : rendered.files, errors, configInvalid: false, outDir };
}

/** Validates every source and renders nothing: what `polyfeed check` runs. */
export function check(sources: SiteSources): Omit<BuildResult, 'files'> {
  const validated = validateSite(sources);
  return { errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir: validated.site?.config.outDir };
}
