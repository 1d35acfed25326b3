// Pure: FeedModel → a `feed` package Feed, given everything it can take as it is.
import { Feed } from 'feed';
import type { FeedModel } from './feed-model.js';

function toFeedAuthor(author: { name: string; url?: string | undefined; email?: string | undefined }) {
  return { name: author.name, ...(author.url ? { link: author.url } : {}), ...(author.email ? { email: author.email } : {}) };
}

/**
 * `updated` is always given (without it `feed` writes the clock time), categories carry both
 * `name` and `term` (Atom requires `term`), and author lists are never empty.
 */
/**
 * What `feed` is given for a text it writes as CDATA. It splits only the first "]]>" of a text, so
 * a second one would end the section early; the XML serializers rewrite every text from the model
 * afterwards, so for them the text only has to survive, not to be exact.
 */
export type PrepareCdataText = (text: string) => string;

/** For JSON Feed: texts as they are. */
export const keepText: PrepareCdataText = (text) => text;

/** For RSS and Atom: no "]]>" left for `feed` to mishandle. */
export const defuseCdata: PrepareCdataText = (text) => text.replaceAll(']]>', ']] >');

export function createFeed(model: FeedModel, prepare: PrepareCdataText = keepText): Feed {
  const feed = new Feed({
    id: model.homeUrl,
    link: model.homeUrl,
    title: model.title,
    description: model.description,
    copyright: model.copyright,
    language: model.lang,
    updated: model.updated,
    generator: model.generator.name,
    feedLinks: { rss: model.feedUrls.rss, atom: model.feedUrls.atom, json: model.feedUrls.json },
    author: toFeedAuthor(model.authors[0]!),
    ...(model.logoUrl ? { image: model.logoUrl } : {}),
    ...(model.iconUrl ? { favicon: model.iconUrl } : {}),
    ...(model.ttlMinutes ? { ttl: model.ttlMinutes } : {}),
    ...(model.hubUrl ? { hub: model.hubUrl } : {}),
    ...(model.stylesheet ? { stylesheet: model.stylesheet.href } : {}),
  });
  for (const item of model.items) {
    feed.addItem({
      id: item.id,
      link: item.url,
      title: prepare(item.title),
      description: item.summary === undefined ? undefined : prepare(item.summary),
      content: prepare(item.contentHtml),
      date: item.updated,
      published: item.published,
      author: item.authors.map(toFeedAuthor),
      category: item.tags.map((tag) => ({ name: tag, term: tag })),
      ...(item.image ? { image: item.image.url } : {}),
    });
  }
  return feed;
}
