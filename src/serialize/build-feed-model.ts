// Pure: a language's feed head and its rendered items → the FeedModel parts every format is written from.
import type { Translate } from '../translate/create-translator.js';
import type { PublishedArticle } from '../translate/published-entry.js';
import type { FeedFormat, SiteConfig } from '../model/config-schema.js';
import type { FeedArchiveLinks, FeedItemModel, FeedModel } from './feed-model.js';
import { feedFormats } from './feed-formats.js';
import { imageMediaType } from './image-media-type.js';
import { removeForbiddenCharacters as clean } from './remove-forbidden-characters.js';
import { localStaticPath } from '../urls/local-static-path.js';
import { resolveSiteUrl } from '../urls/resolve-site-url.js';
import { FEED_NOTE_KEYS, feedStylesheetHref, subscribePageUrl } from '../model/site-pages.js';
import { textDirection } from '../model/language-tag.js';

export interface ItemSource {
  readonly entry: PublishedArticle;
  readonly html: string;
  readonly imageUrl: string | undefined;
  /** A summary made from the body, for an article whose front matter has none (config `summaryLength`). */
  readonly summary?: string | undefined;
}

/**
 * Where a document of a language's feed is written, relative to the output folder:
 * `<lang>/<file>` for the current feed (page 0), `<lang>/archive/<page>/<file>` for archive page
 * `page` (1 the oldest).
 */
export function feedDocumentPath(lang: string, format: FeedFormat, page = 0): string {
  const file = feedFormats[format].fileName;
  return page === 0 ? `${lang}/${file}` : `${lang}/archive/${page}/${file}`;
}

/** Where a format of a language's feed (or one of its archive pages) is published: `<baseUrl><lang>/<file>`. */
export function feedUrl(config: SiteConfig, lang: string, format: FeedFormat, page = 0): string {
  return new URL(feedDocumentPath(encodeURIComponent(lang), format, page), config.baseUrl).href;
}

/** A document of a language's feed: the current feed (page 0), or archive page `page` of `lastPage`. */
export interface FeedDocument {
  readonly page: number;
  /** The newest archive page; 0 when nothing is archived yet. */
  readonly lastPage: number;
}

/** Every format's URL of a document of a language's feed. */
function documentUrls(config: SiteConfig, lang: string, page: number): Record<FeedFormat, string> {
  return { rss: feedUrl(config, lang, 'rss', page), atom: feedUrl(config, lang, 'atom', page), json: feedUrl(config, lang, 'json', page) };
}

/** RFC 5005 links of a document: the current feed points at the newest archive page; each page at its neighbours and the current feed. */
function archiveLinks(config: SiteConfig, lang: string, document: FeedDocument): FeedArchiveLinks {
  const { page, lastPage } = document;
  if (page === 0) return { isArchive: false, current: undefined, prevArchive: lastPage > 0 ? documentUrls(config, lang, lastPage) : undefined, nextArchive: undefined };
  return {
    isArchive: true,
    current: documentUrls(config, lang, 0),
    prevArchive: page > 1 ? documentUrls(config, lang, page - 1) : undefined,
    nextArchive: page < lastPage ? documentUrls(config, lang, page + 1) : undefined,
  };
}

/** One rendered item as every format carries it. */
export function toItemModel(source: ItemSource, config: SiteConfig, staticFiles: ReadonlyMap<string, number>): FeedItemModel {
  const { entry } = source;
  const fm = entry.article.frontMatter;
  return {
    id: entry.id,
    url: entry.url,
    lang: entry.article.lang,
    title: clean(fm.title),
    summary: fm.summary !== undefined ? clean(fm.summary) : source.summary === undefined ? undefined : clean(source.summary),
    contentHtml: clean(source.html),
    published: new Date(fm.date.epochMs),
    updated: new Date((fm.updated ?? fm.date).epochMs),
    authors: (fm.authors ?? config.authors).map((author) => ({ ...author, name: clean(author.name) })),
    tags: (fm.tags ?? []).map(clean),
    image: source.imageUrl ? { url: source.imageUrl, mediaType: imageMediaType(source.imageUrl), lengthBytes: imageLength(source.imageUrl, config, staticFiles) } : undefined,
    translations: entry.translations.map((link) => ({ ...link, title: clean(link.title) })),
    defaultVersionUrl: defaultVersionUrlOf(entry, config.defaultLanguage),
  };
}

/** The default-language version's URL, for an article read in more than one language (see FeedItemModel.defaultVersionUrl). */
function defaultVersionUrlOf(entry: ItemSource['entry'], defaultLanguage: string): string | undefined {
  if (entry.translations.length === 0) return undefined;
  if (entry.article.lang === defaultLanguage) return entry.url;
  return entry.translations.find((link) => link.lang === defaultLanguage)?.url;
}

/**
 * The feed's `xml-stylesheet`: the site's own (`stylesheet`, CSS or XSLT by its extension), else,
 * with `subscribePage`, polyfeed's `feed.css` at the root of the output folder, else none.
 */
function stylesheetOf(config: SiteConfig, documentPath: string): FeedModel['stylesheet'] {
  if (config.stylesheet) return { href: siteReference(config.stylesheet, config)!, type: /\.css$/i.test(config.stylesheet) ? 'text/css' : 'text/xsl' };
  return config.subscribePage ? { href: feedStylesheetHref(documentPath), type: 'text/css' } : undefined;
}

/** With `subscribePage`, the note for people of a feed in `lang`, worded by `t` (see FeedModel.browserNote). */
export function browserNoteOf(config: SiteConfig, lang: string, t: Translate): FeedModel['browserNote'] {
  if (!config.subscribePage) return undefined;
  const [text, linkText] = FEED_NOTE_KEYS.map((key) => clean(t(key)));
  return { lang, dir: textDirection(lang), text: text!, linkText: linkText!, href: `${subscribePageUrl(config.baseUrl)}#${encodeURIComponent(lang)}` };
}

function siteReference(reference: string | undefined, config: SiteConfig): string | undefined {
  return reference === undefined ? undefined : resolveSiteUrl(reference, { siteUrl: config.baseUrl, pageUrl: config.baseUrl });
}

function imageLength(url: string, config: SiteConfig, staticFiles: ReadonlyMap<string, number>): number | undefined {
  const local = localStaticPath(url, { siteUrl: config.baseUrl, pageUrl: config.baseUrl });
  return local === undefined ? undefined : staticFiles.get(local);
}

export interface BuildFeedHeadInput {
  readonly lang: string;
  /** The feed's own date, never the clock: its newest item's update, or for a feed without items the site's newest (see newestSiteUpdateMs). */
  readonly newestUpdateMs: number;
  readonly config: SiteConfig;
  readonly t: Translate;
  readonly version: string;
  /** Which document of the feed (with `archivePageSize` set); the current feed by default. */
  readonly document?: FeedDocument;
}

/**
 * A feed's model without items: what is written before and after them when items are streamed.
 * An archive page is the same feed (same id, title and home page) at its own URLs; it announces
 * no hub and no polling interval, since it does not change.
 */
export function buildFeedHead({ lang, newestUpdateMs: newest, config, t, version, document }: BuildFeedHeadInput): FeedModel {
  const page = document?.page ?? 0;
  const archived = page > 0;
  return {
    lang,
    title: clean(t('feed.title')),
    description: clean(t('feed.description')),
    copyright: clean(t('feed.copyright')),
    homeUrl: new URL(`${encodeURIComponent(lang)}/`, config.baseUrl).href,
    feedUrls: documentUrls(config, lang, page),
    updated: new Date(newest),
    authors: config.authors,
    generator: { name: 'polyfeed', uri: 'https://www.npmjs.com/package/polyfeed', version },
    iconUrl: siteReference(config.icon, config),
    logoUrl: siteReference(config.logo, config),
    ttlMinutes: archived ? undefined : config.ttlMinutes,
    hubUrl: archived ? undefined : config.hub,
    stylesheet: stylesheetOf(config, feedDocumentPath(lang, 'rss', page)),
    browserNote: browserNoteOf(config, lang, t),
    archive: config.archivePageSize === undefined ? undefined : archiveLinks(config, lang, document ?? { page: 0, lastPage: 0 }),
    items: [],
  };
}
