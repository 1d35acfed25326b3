// Pure: FeedModel → JSON Feed 1.1 text: `feed`'s JSON Feed 1.0 head, upgraded, and items made here from the model.
import type { FeedItemModel, FeedModel } from './feed-model.js';
import { createFeed } from './create-feed.js';

type JsonObject = Record<string, unknown>;

const toJsonAuthor = (author: FeedModel['authors'][number]) => ({ name: author.name, ...(author.url ? { url: author.url } : {}) });

/**
 * https://www.jsonfeed.org/version/1.1/: `version` 1.1, `authors` arrays instead of the
 * deprecated `author`, `language` on the feed. Translations go in the `_polyfeed` extension.
 */
/**
 * One item, made from the model alone (`feed` writes the feed's own fields), with its keys in the
 * order readers have always seen: `feed`'s JSON Feed 1.0 item, then what 1.1 and polyfeed add.
 */
export function jsonFeedItem(item: FeedItemModel, feedLang: string): JsonObject {
  const hasSummary = item.summary !== undefined;
  return {
    id: item.id,
    content_html: item.contentHtml,
    url: item.url,
    ...(item.title ? { title: item.title } : {}),
    ...(hasSummary && item.contentHtml ? { summary: item.summary } : {}),
    ...(item.image ? { image: item.image.url } : {}),
    date_modified: item.updated.toISOString(),
    date_published: item.published.toISOString(),
    tags: item.tags.filter((tag) => tag !== ''),
    ...(hasSummary && !item.contentHtml ? { summary: item.summary } : {}),
    authors: item.authors.map(toJsonAuthor),
    ...(item.lang === feedLang ? {} : { language: item.lang }),
    ...(item.translations.length > 0
      ? { _polyfeed: { translations: item.translations.map(({ lang, url, title }) => ({ language: lang, url, title })) } }
      : {}),
  };
}

/**
 * https://www.jsonfeed.org/version/1.1/: `version` 1.1, `authors` arrays instead of the
 * deprecated `author`, `language` on the feed. Translations go in the `_polyfeed` extension.
 */
function toJsonFeed11(feed1: JsonObject, model: FeedModel): JsonObject {
  const { version: _version, author: _author, items: _items, ...rest } = feed1;
  const items = model.items.map((item) => jsonFeedItem(item, model.lang));
  return {
    version: 'https://jsonfeed.org/version/1.1',
    ...rest,
    language: model.lang,
    ...(model.iconUrl ? { favicon: model.iconUrl } : {}),
    ...(model.hubUrl ? { hubs: [{ type: 'WebSub', url: model.hubUrl }] } : {}),
    authors: model.authors.map(toJsonAuthor),
    ...archiveFields(model.archive),
    items,
  };
}

/**
 * Paging (JSON Feed 1.1 `next_url`: the next older items), and the RFC 5005 relations in the
 * `_polyfeed` extension: `archive` (an archive page, whose items never move), `current`,
 * `prev_archive` (older) and `next_archive` (newer).
 */
function archiveFields(archive: FeedModel['archive']): JsonObject {
  if (!archive) return {};
  const relations = {
    archive: archive.isArchive,
    ...(archive.current ? { current: archive.current.json } : {}),
    ...(archive.prevArchive ? { prev_archive: archive.prevArchive.json } : {}),
    ...(archive.nextArchive ? { next_archive: archive.nextArchive.json } : {}),
  };
  return { ...(archive.prevArchive ? { next_url: archive.prevArchive.json } : {}), _polyfeed: relations };
}

/** The JSON Feed 1.1 document as an object. */
export function toJsonFeedObject(model: FeedModel): JsonObject {
  return toJsonFeed11(JSON.parse(createFeed({ ...model, items: [] }).json1()) as JsonObject, model);
}

export function toJsonFeed(model: FeedModel): string {
  return `${JSON.stringify(toJsonFeedObject(model), null, 2)}\n`;
}
