// Pure; reads articles through the site's reader it is given: a language's feeds, described (item keys from the articles' bytes) and made in parts on demand.
import { createHash } from 'node:crypto';
import type { BuildError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import { feedFormats } from '../serialize/feed-formats.js';
import type { PublishedEntry } from '../translate/resolve-translations.js';
import type { ValidSite } from './feed-site.js';
import { feedWriter, type ItemTexts } from './feed-writer.js';
import type { RenderTools } from './render-entries.js';

/**
 * The feeds of one language (one file per format), made together in parts: `parts()` yields a
 * chunk of every file at each step and returns the problems met while rendering; if there are
 * any, nothing of the run may be published.
 */
export interface LanguageFeeds {
  readonly lang: string;
  /** One per format, relative to the output folder. */
  readonly paths: readonly string[];
  /**
   * A digest of everything these files are made from: polyfeed's version, the config, templates,
   * labels, static file sizes and the bytes and translation links of every item. Equal digests
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
export type FeedsOutline = Pick<LanguageFeeds, 'lang' | 'paths' | 'fingerprint'>;

export interface LanguageFeedsOptions {
  /** polyfeed's version, written into each feed's generator element. */
  readonly version: string;
  /** What item keys and fingerprints depend on besides the inputs; `version` by default. */
  readonly cacheVersion?: string;
  /** Item texts an earlier build made, per language, by item key: those items are not rendered again. */
  readonly knownItems?: (lang: string) => ReadonlyMap<string, ItemTexts> | undefined;
}

/** Where a language's feeds are written, relative to the output folder. */
export function feedPaths(config: Pick<SiteConfig, 'formats'>, lang: string): string[] {
  return config.formats.map((format) => `${lang}/${feedFormats[format].fileName}`);
}

/** The newest update among `entries` (`whenEmpty` for none): a feed's own updated date. */
export function newestUpdateOf(entries: readonly PublishedEntry[], whenEmpty = 0): number {
  return entries.length === 0 ? whenEmpty : entries.reduce((newest, entry) => Math.max(newest, entry.summary.updatedMs), 0);
}

/**
 * An item's key: a digest of everything its text in every format is made from (polyfeed's
 * version, the config, templates and static files, the language's labels, the file's bytes and
 * the item's translation links). Equal keys, equal texts.
 */
function itemKeysOf(site: ValidSite, lang: string, entries: readonly PublishedEntry[], cacheVersion: string): string[] {
  const common = JSON.stringify([cacheVersion, site.digest, lang, site.locales[lang] ?? null]);
  return entries.map((entry) => {
    const { file } = entry.summary;
    // 22 characters of base64 (132 bits) rather than 64 of hex: a feed of every item holds a key for each of its items.
    return createHash('sha256')
      .update(common)
      .update(JSON.stringify([file, entry.translations]))
      .update(site.readArticleBytes(file) ?? '')
      .digest('base64')
      .slice(0, 22);
  });
}

/** A language's feeds: the newest `maxItems` entries (or all of them), newest first, ties by id. */
export function languageFeedsOf(site: ValidSite, lang: string, options: LanguageFeedsOptions, tools: RenderTools): LanguageFeeds {
  const entries = site.published.newestOf(lang, site.config.maxItems);
  const cacheVersion = options.cacheVersion ?? options.version;
  const keys = itemKeysOf(site, lang, entries, cacheVersion);
  // A feed without items takes the site's newest date (see newestSiteUpdateMs), so the date is in the fingerprint.
  const newestUpdateMs = newestUpdateOf(entries, site.newestUpdateMs);
  const knownItems = options.knownItems && (() => options.knownItems!(lang));
  const items = new Map<string, ItemTexts>();
  return {
    lang,
    paths: feedPaths(site.config, lang),
    // The labels are in it for themselves too: a feed with no items still has a translated title.
    fingerprint: createHash('sha256').update(JSON.stringify([cacheVersion, site.digest, lang, site.locales[lang] ?? null, keys, newestUpdateMs])).digest('hex'),
    entries,
    newestUpdateMs,
    items,
    *parts() {
      const writer = feedWriter({ site, lang, newestUpdateMs, version: options.version, tools, knownItems });
      yield writer.head();
      for (const chunk of writer.entries(entries, keys)) yield chunk;
      for (const [key, texts] of writer.items) items.set(key, texts);
      yield writer.tail();
      return writer.errors();
    },
  };
}
