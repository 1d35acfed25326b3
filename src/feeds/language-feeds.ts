// Pure; reads articles through the site's reader it is given: a language's feeds (the current one and its archive pages), described (item keys from the articles' digests) and made in parts on demand.
import { createHash, type Hash } from 'node:crypto';
import type { BuildError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import type { PublishedEntry } from '../translate/published-entry.js';
import type { ValidSite } from './feed-site.js';
import { feedWriter, type ItemTexts } from './feed-writer.js';
import type { RenderTools } from './render-entries.js';
import { feedDocumentPath, type FeedDocument } from '../serialize/build-feed-model.js';
import { isFullArchivePage, splitIntoPages } from './archive-pages.js';
import { fallbackChainOf } from '../model/fallback-chains.js';
import { COMBINED_FEED_LANG, feedFormatsOf, isCombinedFeed } from '../model/combined-feed.js';
import { combinedEntriesOf } from './combined-entries.js';
import { compressedPathsOf } from '../model/precompress.js';

/**
 * One document of a language's feeds in every format (the current feed, or an archive page),
 * made together in parts: `parts()` yields a chunk of every file at each step and returns the
 * problems met while rendering; if there are any, nothing of the run may be published.
 */
export interface LanguageFeeds {
  readonly lang: string;
  /** Which document: the current feed (page 0) or an archive page, and the newest page. */
  readonly document: FeedDocument;
  /** One per format, relative to the output folder. */
  readonly paths: readonly string[];
  /** The compressed copies of those files the config's `precompress` asks for (`rss.xml.gz`…), made from their bytes when they are published. */
  readonly compressedPaths: readonly string[];
  /**
   * A digest of everything these files are made from: polyfeed's version, the config, templates,
   * labels (and those of the languages it falls back to), static file sizes and the bytes and
   * translation links of every item, and which items stand in for another language. Equal digests
   * give equal bytes, so a writer that kept the last one may skip these feeds.
   */
  readonly fingerprint: string;
  /** The feeds' items, in feed order: what another thread needs to make them instead (see beginFeedJob). */
  readonly entries: readonly PublishedEntry[];
  /** The feeds' own date. */
  readonly newestUpdateMs: number;
  readonly parts: () => Generator<readonly string[], readonly BuildError[]>;
  /** Each item's texts by item key, filled in as the parts are read (for the next build's cache). */
  readonly items: ReadonlyMap<string, ItemTexts>;
}

/** What is known of a language's feeds without making them: where they go and what they are made from. */
export type FeedsOutline = Pick<LanguageFeeds, 'lang' | 'paths' | 'compressedPaths' | 'fingerprint'>;

export interface LanguageFeedsOptions {
  /** polyfeed's version, written into each feed's generator element. */
  readonly version: string;
  /** What item keys and fingerprints depend on besides the inputs; `version` by default. */
  readonly cacheVersion?: string;
  /** Item texts an earlier build made, per language, by item key: those items are not rendered again. */
  readonly knownItems?: (lang: string) => ReadonlyMap<string, ItemTexts> | undefined;
}

/** Where a document of a language's feeds (the current feed by default) is written, relative to the output folder. */
export function feedPaths(config: Pick<SiteConfig, 'formats' | 'combinedFeed'>, lang: string, page = 0): string[] {
  return feedFormatsOf(config, lang).map((format) => feedDocumentPath(lang, format, page));
}

/** The newest update among `entries` (`whenEmpty` for none): a feed's own updated date. */
export function newestUpdateOf(entries: readonly PublishedEntry[], whenEmpty = 0): number {
  return entries.length === 0 ? whenEmpty : entries.reduce((newest, entry) => Math.max(newest, entry.summary.updatedMs), 0);
}

/**
 * The labels a feed is made with: its language's, or for the combined feed every language's (its
 * items are rendered in their own languages, and its title joins every language's).
 */
function labelsOf(site: ValidSite, lang: string): unknown {
  return isCombinedFeed(lang) ? site.locales : (site.locales[lang] ?? null);
}

/**
 * An item's key: a digest of everything its text in every format is made from (polyfeed's
 * version, the config, templates and static files, the language's labels, the file's bytes (by
 * their digest when it is known: an archive's items are not read again to be described), the
 * item's translation links and the update date it carries now). Equal keys, equal texts.
 */
function itemKeysOf(site: ValidSite, lang: string, entries: readonly PublishedEntry[], cacheVersion: string): string[] {
  const common = JSON.stringify([cacheVersion, site.digest, lang, labelsOf(site, lang)]);
  return entries.map((entry) => {
    const hash = createHash('sha256').update(common);
    hashItemInputs(hash, site, entry);
    // 22 characters of base64 (132 bits) rather than 64 of hex: a feed of every item holds a key for each of its items.
    return hash.digest('base64').slice(0, 22);
  });
}

/**
 * What an item's text is made from besides the site's settings: its file (by digest when known),
 * translation links and update date; for an item standing in for another language (a fallback),
 * also its own language's labels, which it is rendered with.
 */
function hashItemInputs(hash: Hash, site: ValidSite, entry: PublishedEntry): void {
  const { file, updatedMs, lang } = entry.summary;
  hash.update(JSON.stringify([file, entry.translations, updatedMs]));
  if (entry.fallbackFor !== undefined) hash.update(fallbackLabelsText(site, lang));
  if (entry.digest) hash.update(`digest ${entry.digest}`);
  else hash.update('bytes ').update(site.readArticleBytes(file) ?? '');
}

/** Per site and language, the labels a fallback item is rendered with, as hashed: serialized once, not once per item. */
const fallbackLabelTexts = new WeakMap<ValidSite, Map<string, string>>();

function fallbackLabelsText(site: ValidSite, lang: string): string {
  let texts = fallbackLabelTexts.get(site);
  if (!texts) fallbackLabelTexts.set(site, (texts = new Map()));
  let text = texts.get(lang);
  if (text === undefined) texts.set(lang, (text = JSON.stringify(['fallback', lang, site.locales[lang] ?? null])));
  return text;
}

/**
 * The fingerprint of a full archive page, from what its items' texts are made from but in one
 * digest: its items are never looked up by key, and an archive holds tens of thousands of them.
 * Translation links are described by their inputs (see PublishedEntry.translationInputs), which
 * is cheaper than making every link of the archive.
 */
function fullPageFingerprintOf(site: ValidSite, lang: string, document: FeedDocument, entries: readonly PublishedEntry[], newestUpdateMs: number, cacheVersion: string): string {
  // Items taken from the languages of the fallback chain are rendered with those languages' labels.
  const fallbackLabels = isCombinedFeed(lang) ? [] : fallbackChainOf(site.config.fallbacks, lang).map((other) => site.locales[other] ?? null);
  const hash = createHash('sha256').update(JSON.stringify([cacheVersion, site.digest, lang, labelsOf(site, lang), fallbackLabels, document, newestUpdateMs]));
  let text = '';
  for (const entry of entries) {
    const links = entry.translationInputs;
    if (links === undefined || !entry.digest) {
      hashItemInputs(hash.update(text).update('\n'), site, entry);
      text = '';
      continue;
    }
    const { file, updatedMs } = entry.summary;
    // A fallback item's text differs from its own language's by the note: the line says which it is.
    text += `\n${file} ${updatedMs} ${entry.digest} ${links}${entry.fallbackFor === undefined ? '' : ' fallback'}`;
  }
  return hash.update(text).digest('hex');
}

/**
 * A language's feeds: the newest `maxItems` entries (or all of them), newest first, ties by id;
 * with `archivePageSize`, the older entries in archive pages after it (see splitIntoPages).
 */
export function languageFeedsOf(site: ValidSite, lang: string, options: LanguageFeedsOptions, tools: RenderTools): LanguageFeeds[] {
  const { maxItems, archivePageSize } = site.config;
  if (archivePageSize === undefined) {
    const entries = site.published.newestOf(lang, maxItems);
    // A feed without items takes the site's newest date (see newestSiteUpdateMs).
    return [documentFeedsOf(site, lang, { page: 0, lastPage: 0 }, entries, newestUpdateOf(entries, site.newestUpdateMs), options, tools)];
  }
  const documents = splitIntoPages(site.published.newestOf(lang, 0), maxItems, archivePageSize);
  const lastPage = documents.length - 1;
  return documents.map(({ page, entries }, index) => {
    // The empty newest page is dated by the oldest item of the page before it, which stays while that page fills up.
    const whenEmpty = page === 0 ? site.newestUpdateMs : newestUpdateOf(documents[index - 1]!.entries.slice(-1), site.newestUpdateMs);
    return documentFeedsOf(site, lang, { page, lastPage }, entries, newestUpdateOf(entries, whenEmpty), options, tools);
  });
}

/**
 * The combined feed (with `combinedFeed` set; none otherwise): every published version of every
 * language, newest first, ties by id, the newest `maxItems` of them (or all with 0), in one
 * document without archive pages. An item's key is made with every language's labels and the
 * combined feed's tag, so its texts (which mark the item's language) are cached apart from those
 * of its language's feed.
 */
export function combinedFeedsOf(site: ValidSite, options: LanguageFeedsOptions, tools: RenderTools): LanguageFeeds[] {
  if (site.config.combinedFeed.length === 0) return [];
  const entries = combinedEntriesOf(site.published, site.config.languages, site.config.maxItems);
  return [documentFeedsOf(site, COMBINED_FEED_LANG, { page: 0, lastPage: 0 }, entries, newestUpdateOf(entries, site.newestUpdateMs), options, tools)];
}

/** One document of a language's feeds, of these entries. */
function documentFeedsOf(
  site: ValidSite,
  lang: string,
  document: FeedDocument,
  entries: readonly PublishedEntry[],
  newestUpdateMs: number,
  options: LanguageFeedsOptions,
  tools: RenderTools,
): LanguageFeeds {
  const cacheVersion = options.cacheVersion ?? options.version;
  const fullPage = isFullArchivePage(document);
  const keys = fullPage ? undefined : itemKeysOf(site, lang, entries, cacheVersion);
  const knownItems = options.knownItems && (() => options.knownItems!(lang));
  const items = new Map<string, ItemTexts>();
  const paths = feedPaths(site.config, lang, document.page);
  return {
    lang,
    document,
    paths,
    compressedPaths: paths.flatMap((path) => compressedPathsOf(path, site.config.precompress)),
    // The labels are in it for themselves too: a feed with no items still has a translated title.
    fingerprint: keys
      ? createHash('sha256').update(JSON.stringify([cacheVersion, site.digest, lang, labelsOf(site, lang), document, keys, newestUpdateMs])).digest('hex')
      : fullPageFingerprintOf(site, lang, document, entries, newestUpdateMs, cacheVersion),
    entries,
    newestUpdateMs,
    items,
    *parts() {
      const writer = feedWriter({ site, lang, document, newestUpdateMs, version: options.version, tools, knownItems });
      yield writer.head();
      for (const chunk of writer.entries(entries, keys)) yield chunk;
      for (const [key, texts] of writer.items) items.set(key, texts);
      yield writer.tail();
      return writer.errors();
    },
  };
}
