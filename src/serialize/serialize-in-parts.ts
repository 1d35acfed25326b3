// Pure: a feed written in parts — head, items a batch at a time, tail — byte for byte what the
// whole-feed serializer writes, so a feed of every item never has to stand in memory at once.
import type { FeedFormat } from '../model/config-schema.js';
import type { FeedItemModel, FeedModel } from './feed-model.js';
import { feedFormats } from './feed-formats.js';
import { jsonFeedItem, toJsonFeedObject } from './to-json-feed.js';
import { atomEntryText } from './to-atom.js';
import { rssItemText } from './to-rss.js';

/**
 * Writes one feed in parts: `head`, then `joinItems(itemTexts(batch))` for each batch in order,
 * then `tail()`. An item's text depends on nothing but the item (and the feed's head), so texts
 * made by an earlier build can stand in for new ones.
 */
export interface FeedInParts {
  readonly head: string;
  /** Each item's own text, in order. */
  itemTexts(batch: readonly FeedItemModel[]): string[];
  /** The next items of the feed, from their texts. */
  joinItems(texts: readonly string[]): string;
  tail(): string;
}

/**
 * The XML writer puts items last in their parent, each on its own line: the text of a feed with
 * no items, cut before its closing tags, is the head; each item's text is what the whole-feed
 * writer puts for it (the same function makes it).
 */
function xmlStream(serialize: (model: FeedModel) => string, head: FeedModel, itemText: (item: FeedItemModel) => string, closing: string): FeedInParts {
  const empty = serialize({ ...head, items: [] });
  if (!empty.endsWith(closing)) throw new Error(`The serializer's output does not end in ${JSON.stringify(closing)}.`);
  return {
    head: empty.slice(0, -closing.length),
    itemTexts: (batch) => batch.map(itemText),
    joinItems: (texts) => texts.join(''),
    tail: () => closing,
  };
}

/**
 * JSON.stringify(…, null, 2) puts each item of "items" on lines indented by four spaces. Only "\n"
 * starts a line: U+2028 and U+2029 stay raw inside strings, so a regex with /m must not be used.
 */
function jsonStream(head: FeedModel): FeedInParts {
  const empty = `${JSON.stringify(toJsonFeedObject({ ...head, items: [] }), null, 2)}\n`;
  const emptyEnd = '[]\n}\n';
  if (!empty.endsWith(emptyEnd)) throw new Error('The JSON Feed does not end with its items.');
  let written = 0;
  const itemTexts = (batch: readonly FeedItemModel[]): string[] => {
    return batch.map((item) => `    ${JSON.stringify(jsonFeedItem(item, head.lang), null, 2).replaceAll('\n', '\n    ')}`);
  };
  const joinItems = (texts: readonly string[]) => texts.map((text) => `${written++ === 0 ? '\n' : ',\n'}${text}`).join('');
  return {
    head: `${empty.slice(0, -emptyEnd.length)}[`,
    itemTexts,
    joinItems,
    tail: () => (written === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
}

export function serializeInParts(format: FeedFormat, head: FeedModel): FeedInParts {
  switch (format) {
    case 'atom':
      return xmlStream(feedFormats.atom.serialize, head, (item) => atomEntryText(item, head.lang), '\n</feed>\n');
    case 'rss':
      return xmlStream(feedFormats.rss.serialize, head, (item) => rssItemText(item, head.lang), '\n  </channel>\n</rss>\n');
    case 'json':
      return jsonStream(head);
  }
}
