// Pure: a language's feed head and its rendered items → the FeedModel parts every format is written from.
import type { Translate } from '../translate/create-translator.js';
import type { PublishedArticle } from '../translate/resolve-translations.js';
import type { FeedFormat, SiteConfig } from '../model/config-schema.js';
import type { FeedItemModel, FeedModel } from './feed-model.js';
import { feedFormats } from './feed-formats.js';
import { imageMediaType } from './image-media-type.js';
import { removeForbiddenCharacters as clean } from './remove-forbidden-characters.js';
import { localStaticPath } from '../urls/local-static-path.js';
import { resolveSiteUrl } from '../urls/resolve-site-url.js';

export interface ItemSource {
  readonly entry: PublishedArticle;
  readonly html: string;
  readonly imageUrl: string | undefined;
}

/** Where a format of a language's feed is published: `<baseUrl><lang>/<file>`. */
export function feedUrl(config: SiteConfig, lang: string, format: FeedFormat): string {
  return new URL(`${encodeURIComponent(lang)}/${feedFormats[format].fileName}`, config.baseUrl).href;
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
    summary: fm.summary === undefined ? undefined : clean(fm.summary),
    contentHtml: clean(source.html),
    published: new Date(fm.date.epochMs),
    updated: new Date((fm.updated ?? fm.date).epochMs),
    authors: (fm.authors ?? config.authors).map((author) => ({ ...author, name: clean(author.name) })),
    tags: (fm.tags ?? []).map(clean),
    image: source.imageUrl ? { url: source.imageUrl, mediaType: imageMediaType(source.imageUrl), lengthBytes: imageLength(source.imageUrl, config, staticFiles) } : undefined,
    translations: entry.translations.map((link) => ({ ...link, title: clean(link.title) })),
  };
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
}

/** A feed's model without items: what is written before and after them when items are streamed. */
export function buildFeedHead({ lang, newestUpdateMs: newest, config, t, version }: BuildFeedHeadInput): FeedModel {
  return {
    lang,
    title: clean(t('feed.title')),
    description: clean(t('feed.description')),
    copyright: clean(t('feed.copyright')),
    homeUrl: new URL(`${encodeURIComponent(lang)}/`, config.baseUrl).href,
    feedUrls: { rss: feedUrl(config, lang, 'rss'), atom: feedUrl(config, lang, 'atom'), json: feedUrl(config, lang, 'json') },
    updated: new Date(newest),
    authors: config.authors,
    generator: { name: 'polyfeed', uri: 'https://www.npmjs.com/package/polyfeed', version },
    iconUrl: siteReference(config.icon, config),
    logoUrl: siteReference(config.logo, config),
    ttlMinutes: config.ttlMinutes,
    hubUrl: config.hub,
    stylesheet: config.stylesheet
      ? { href: siteReference(config.stylesheet, config)!, type: /\.css$/i.test(config.stylesheet) ? 'text/css' : 'text/xsl' }
      : undefined,
    items: [],
  };
}
