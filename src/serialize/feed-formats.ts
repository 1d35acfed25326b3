// Pure: the table of formats: file name and serializer of each.
import type { FeedFormat } from '../model/config-schema.js';
import type { FeedModel } from './feed-model.js';
import { toAtom } from './to-atom.js';
import { toJsonFeed } from './to-json-feed.js';
import { toRss } from './to-rss.js';

export interface FeedFormatSpec {
  readonly fileName: string;
  readonly serialize: (model: FeedModel) => string;
}

export const feedFormats: Readonly<Record<FeedFormat, FeedFormatSpec>> = {
  rss: { fileName: 'rss.xml', serialize: toRss },
  atom: { fileName: 'atom.xml', serialize: toAtom },
  json: { fileName: 'feed.json', serialize: toJsonFeed },
};
