// Pure: the whole build in memory — sources in, output files and problems out; writes nothing.
// Over 250 lines: it still holds the feed writer, item keys and output types beside the orchestration;
// issue #12 (layered layout, one build path) splits them into modules of their own.
import { createHash } from 'node:crypto';
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
import type { PublishedArticle, PublishedEntry } from './translate/resolve-translations.js';
import type { FeedFormat } from './validate/config-schema.js';
import type { ScannedArticles } from './validate/scan-articles.js';
import { validateSite, type ValidateSiteResult, type ValidSite } from './validate-site.js';

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
  /**
   * A digest of everything these files are made from: polyfeed's version, the config, templates,
   * labels, static file sizes and the bytes and translation links of every item. Equal digests
   * give equal bytes, so a writer that kept the last one may skip the stream.
   */
  readonly fingerprint: string;
  readonly chunks: () => Generator<readonly string[], readonly BuildError[]>;
  /** Each item's texts by item key, filled in as the stream is read (for the next build's cache). */
  readonly items?: ReadonlyMap<string, ItemTexts>;
  /** The language and items of the feeds, so that another thread can render them instead (see beginFeedJob). */
  readonly feed?: { readonly lang: string; readonly entries: readonly PublishedEntry[]; readonly newestUpdateMs: number };
}

/** What rendering a language's feeds needs of a site: its settings, static files and a way to read articles. */
export type FeedSite = Pick<ValidSite, 'config' | 'templates' | 'locales' | 'staticFiles' | 'readArticle'>;

export interface BuildResult {
  readonly files: readonly OutputFile[];
  /** Feeds written incrementally (with `maxItems: 0`, or when asked for); their files are not in `files`. */
  readonly streams: readonly OutputStream[];
  readonly errors: readonly BuildError[];
  /** True when the problems are in polyfeed.config.yaml (a usage error, exit code 2). */
  readonly configInvalid: boolean;
  /** The output folder from the config, relative to the site folder. */
  readonly outDir: string | undefined;
  /** Every article file as validated on its own (for the cache of the next build). */
  readonly scanned: ScannedArticles | undefined;
}

export interface BuildOptions {
  /** polyfeed's version, written into each feed's generator element. */
  readonly version: string;
  /** Stream the feeds instead of returning them whole; the default streams when `maxItems` is 0. */
  readonly stream?: boolean;
  /** What item keys and feed fingerprints depend on besides the inputs (polyfeed's code, Node.js); `version` by default. */
  readonly cacheVersion?: string;
  /** Item texts an earlier build made, per language, by item key: those items are not rendered again. */
  readonly knownItems?: (lang: string) => ReadonlyMap<string, ItemTexts> | undefined;
}

/** Items rendered and serialized together when streaming: few enough to hold, enough to amortize. */
const STREAM_BATCH_SIZE = 100;

/** A batch ends once it holds this much Markdown (in UTF-16 code units): long articles make short batches. */
const STREAM_BATCH_BYTES = 1 << 21;

export interface RenderTools {
  /** The build's one i18next instance, fixed to a language. */
  readonly translatorFor: (lang: string) => Translate;
  readonly renderMarkdown: MarkdownRenderer;
}

/** The entries a language's feeds hold, newest first (ties by id): the newest `maxItems`, or all of them. */
function feedEntriesOf(site: ValidSite, lang: string): PublishedEntry[] {
  return site.published.newestOf(lang, site.config.maxItems);
}

/**
 * An item's key: a digest of everything its text in every format is made from (polyfeed's
 * version, the config, templates and static files, the language's labels, the file's bytes and
 * the item's translation links). Equal keys, equal texts.
 */
function itemKeysOf(site: ValidSite, lang: string, entries: readonly PublishedEntry[], version: string): string[] {
  const common = JSON.stringify([version, site.digest, lang, site.locales[lang] ?? null]);
  return entries.map((entry) => {
    const { file } = entry.summary;
    // 22 characters of base64 (132 bits) rather than 64 of hex: a feed of every item holds a key for each of its items.
    return createHash('sha256')
      .update(common)
      .update(JSON.stringify([file, entry.translations]))
      .update(site.articleBytes(file) ?? '')
      .digest('base64')
      .slice(0, 22);
  });
}

/** Where a language's feeds are written, relative to the output folder. */
export function feedPaths(config: ValidSite['config'], lang: string): string[] {
  return config.formats.map((format) => `${lang}/${feedFormats[format].fileName}`);
}

function streamLanguage(site: ValidSite, lang: string, options: BuildOptions, tools: RenderTools): OutputStream {
  const entries = feedEntriesOf(site, lang);
  const cacheVersion = options.cacheVersion ?? options.version;
  const keys = itemKeysOf(site, lang, entries, cacheVersion);
  // A feed without items takes the site's newest date (see newestSiteUpdateMs), so the date is in the fingerprint.
  const newestUpdateMs = newestUpdateOf(entries, site.newestUpdateMs);
  return {
    ...streamFeeds({ site, lang, entries, newestUpdateMs, version: options.version, tools, keys, knownItems: options.knownItems && (() => options.knownItems!(lang)) }),
    // The labels are in it for themselves too: a feed with no items still has a translated title.
    fingerprint: createHash('sha256').update(JSON.stringify([cacheVersion, site.digest, lang, site.locales[lang] ?? null, keys, newestUpdateMs])).digest('hex'),
    feed: { lang, entries, newestUpdateMs },
  };
}

/** An item's text in each format of its feed. */
export type ItemTexts = Readonly<Partial<Record<FeedFormat, string>>>;

export interface StreamFeedsInput {
  readonly site: FeedSite;
  readonly lang: string;
  /** The feed's items, in feed order. */
  readonly entries: readonly PublishedEntry[];
  /** The feed's own date; by default its newest item's (see newestUpdateOf). */
  readonly newestUpdateMs?: number;
  readonly version: string;
  readonly tools: RenderTools;
  /** The entries' item keys (see itemKeysOf); without them every item is rendered. */
  readonly keys?: readonly string[];
  /** Texts of items an earlier build made, by key (asked for when rendering starts): those items are not read or rendered again. */
  readonly knownItems?: () => ReadonlyMap<string, ItemTexts> | undefined;
}

/** What the feeds of one language are written with, besides their entries. */
export interface FeedWriterInput {
  readonly site: FeedSite;
  readonly lang: string;
  /** The newest update among all the feed's entries: the feed's own updated date. */
  readonly newestUpdateMs: number;
  readonly version: string;
  readonly tools: RenderTools;
  /** Texts of items an earlier build made, by key (asked for when the first entries come): those items are not read or rendered again. */
  readonly knownItems?: () => ReadonlyMap<string, ItemTexts> | undefined;
}

/**
 * One language's feeds written in parts, the chunks of every format side by side: the head, the
 * chunks of the entries as they come (in feed order, read, rendered and serialized a batch at a
 * time), then the tail. The entries may come all at once or a slice at a time.
 */
export interface FeedWriter {
  head(): readonly string[];
  entries(entries: readonly PublishedEntry[], keys?: readonly string[]): Generator<readonly string[]>;
  tail(): readonly string[];
  /** The problems met so far; if there are any, nothing of the run may be published. */
  errors(): readonly BuildError[];
  /** Each item's texts by key, filled in as the entries are written (for the next build's cache). */
  readonly items: ReadonlyMap<string, ItemTexts>;
}

export function feedWriter({ site, lang, newestUpdateMs, version, tools, knownItems }: FeedWriterInput): FeedWriter {
  const { config } = site;
  const items = new Map<string, ItemTexts>();
  const errors: BuildError[] = [];
  const t = tools.translatorFor(lang);
  const streams = config.formats.map((format) => createFeedStream(format, buildFeedHead({ lang, newestUpdateMs, config, t, version })));
  let knownTexts: ReadonlyMap<string, ItemTexts> | undefined;
  let askedForKnown = false;
  function* writeEntries(entries: readonly PublishedEntry[], keys?: readonly string[]): Generator<readonly string[]> {
    if (keys && !askedForKnown) {
      askedForKnown = true;
      knownTexts = knownItems?.();
    }
    for (let start = 0; start < entries.length; ) {
      const candidates = entries.slice(start, start + STREAM_BATCH_SIZE);
      const candidateKeys = keys?.slice(start, start + STREAM_BATCH_SIZE);
      const candidatesKnown = candidates.map((_, index) => (candidateKeys ? knownTexts?.get(candidateKeys[index]!) : undefined));
      // Read in order until the batch holds STREAM_BATCH_BYTES of text: a batch of long articles is shorter.
      const articles: PublishedArticle[] = [];
      let end = candidates.length;
      let bytes = 0;
      for (let index = 0; index < candidates.length; index++) {
        if (candidatesKnown[index] !== undefined) continue;
        if (bytes >= STREAM_BATCH_BYTES) {
          end = index;
          break;
        }
        const read = readEntries(site, [candidates[index]!]);
        errors.push(...read.errors);
        articles.push(...read.articles);
        bytes += read.articles[0]?.article.body.length ?? 0;
      }
      start += end;
      const batch = candidates.slice(0, end);
      const batchKeys = candidateKeys?.slice(0, end);
      const known = candidatesKnown.slice(0, end);
      const missing = batch.filter((_, index) => known[index] === undefined);
      const rendered = renderEntries(site, articles, t, tools.renderMarkdown);
      errors.push(...rendered.errors);
      const models = rendered.items.map((item) => toItemModel(item, config, site.staticFiles));
      if (models.length !== missing.length) {
        yield streams.map(() => ''); // a problem: nothing of this run is published
        continue;
      }
      const fresh = streams.map((stream) => stream.itemTexts(models));
      let next = 0;
      const texts = batch.map((_, index) => {
        const texts = known[index] ?? Object.fromEntries(config.formats.map((format, f) => [format, fresh[f]![next]!]));
        if (known[index] === undefined) next++;
        if (batchKeys) items.set(batchKeys[index]!, texts);
        return texts;
      });
      yield streams.map((stream, f) => stream.joinItems(texts.map((item) => item[config.formats[f]!]!)));
    }
  }
  return {
    head: () => streams.map((stream) => stream.head),
    entries: writeEntries,
    tail: () => streams.map((stream) => stream.tail()),
    errors: () => withoutRepeats(errors),
    items,
  };
}

/** The newest update among `entries` (`whenEmpty` for none): a feed's own updated date. */
export function newestUpdateOf(entries: readonly PublishedEntry[], whenEmpty = 0): number {
  return entries.length === 0 ? whenEmpty : entries.reduce((newest, entry) => Math.max(newest, entry.summary.updatedMs), 0);
}

/**
 * One language's feeds as a stream: a head, then items read, rendered and serialized a batch at
 * a time, then a tail. Only the items that go into the feed, and whose texts are not known
 * already, are read again and rendered. `items` gets every item's texts as the stream is read.
 */
export function streamFeeds({ site, lang, entries, newestUpdateMs, version, tools, keys, knownItems }: StreamFeedsInput): Pick<OutputStream, 'paths' | 'chunks' | 'items'> {
  const items = new Map<string, ItemTexts>();
  return {
    paths: feedPaths(site.config, lang),
    items,
    *chunks() {
      const writer = feedWriter({ site, lang, newestUpdateMs: newestUpdateMs ?? newestUpdateOf(entries), version, tools, knownItems });
      yield writer.head();
      for (const chunk of writer.entries(entries, keys)) yield chunk;
      for (const [key, texts] of writer.items) items.set(key, texts);
      yield writer.tail();
      return writer.errors();
    },
  };
}

/** Reads published versions again in full; a file that changed since it was validated is a problem. */
function readEntries(site: FeedSite, entries: readonly PublishedEntry[]): { articles: PublishedArticle[]; errors: BuildError[] } {
  const articles: PublishedArticle[] = [];
  const errors: BuildError[] = [];
  for (const entry of entries) {
    const { article, problems } = site.readArticle(entry);
    const fatal = problems.filter((problem) => problem.severity === 'error');
    if (article && fatal.length === 0) {
      articles.push({ summary: entry.summary, url: entry.url, id: entry.id, translations: entry.translations, article });
    } else if (fatal.some((problem) => problem.code === 'FILE_CHANGED_DURING_BUILD')) {
      errors.push(...fatal);
    } else {
      errors.push(
        makeError('FILE_CHANGED_DURING_BUILD', 'The file changed while the build was running and is no longer valid.', { file: entry.summary.file }),
        ...fatal,
      );
    }
  }
  return { articles, errors };
}

/** Renders items of one language; a template or label problem becomes a BuildError, a bug is rethrown. */
function renderEntries(site: FeedSite, entries: readonly PublishedArticle[], t: Translate, renderMarkdown: MarkdownRenderer) {
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

export function renderTools(site: Pick<ValidSite, 'locales' | 'config'>): RenderTools {
  return { translatorFor: createTranslator(site.locales, site.config.languages), renderMarkdown: createMarkdownRenderer() };
}

/** Renders and serializes every feed of a validated site. Returns no files if anything is wrong. */
export function buildSite(validated: ValidateSiteResult, options: BuildOptions): BuildResult {
  const { site, scanned } = validated;
  const outDir = site?.config.outDir;
  if (!site) {
    return { files: [], streams: [], errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir, scanned };
  }
  const tools = renderTools(site);
  const streams = site.config.languages.map((lang) => streamLanguage(site, lang, options, tools));
  if (options.stream ?? site.config.maxItems === 0) {
    return { files: [], streams, errors: validated.errors, configInvalid: false, outDir, scanned };
  }
  // Feeds of a few items are gathered whole: one code path writes both kinds.
  const collected = collectOutputFiles({ files: [], streams });
  const errors = [...validated.errors, ...withoutRepeats(collected.errors)];
  const failed = errors.some((error) => error.severity === 'error');
  return { files: failed ? [] : collected.files, streams: [], errors, configInvalid: false, outDir, scanned };
}

/** Validates every source, then renders and serializes every feed. Returns no files if anything is wrong. */
export function build(sources: SiteSources, options: BuildOptions): BuildResult {
  return buildSite(validateSite(sources), options);
}

/**
 * Renders one item per language, the newest: template fields and labels that only fail at
 * render time are found without rendering every feed.
 */
export function checkSite(validated: ValidateSiteResult): Omit<BuildResult, 'files' | 'streams'> {
  const { site, scanned } = validated;
  if (!site) return { errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir: undefined, scanned };
  const tools = renderTools(site);
  const renderErrors = site.config.languages.flatMap((lang) => {
    const read = readEntries(site, site.published.newestOf(lang, 1));
    return [...read.errors, ...renderEntries(site, read.articles, tools.translatorFor(lang), tools.renderMarkdown).errors];
  });
  return { errors: [...validated.errors, ...withoutRepeats(renderErrors)], configInvalid: false, outDir: site.config.outDir, scanned };
}

/** Validates every source and renders the newest item of each language; writes nothing. */
export function check(sources: SiteSources): Omit<BuildResult, 'files' | 'streams'> {
  return checkSite(validateSite(sources));
}
