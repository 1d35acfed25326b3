// Pure: a feed written in parts — head, items a batch at a time, tail — byte for byte what the
// whole-feed serializer writes, so a feed of every item never has to stand in memory at once.
import type { FeedFormat } from '../validate/config-schema.js';
import type { FeedItemModel, FeedModel } from './feed-model.js';
import { feedFormats } from './feed-formats.js';
import { toJsonFeedObject } from './to-json-feed.js';

/** Writes one feed incrementally: `head`, then `items(batch)` for each batch in order, then `tail()`. */
export interface FeedStream {
  readonly head: string;
  items(batch: readonly FeedItemModel[]): string;
  tail(): string;
}

/**
 * The XML writer puts items last in their parent, each on its own line: the text of a feed with
 * no items, cut before its closing tags, is the head; the items of any batch are the text between
 * the first item and those closing tags.
 */
function xmlStream(serialize: (model: FeedModel) => string, head: FeedModel, itemStart: string, closing: string): FeedStream {
  const empty = serialize({ ...head, items: [] });
  if (!empty.endsWith(closing)) throw new Error(`The serializer's output does not end in ${JSON.stringify(closing)}.`);
  return {
    head: empty.slice(0, -closing.length),
    items: (batch) => {
      if (batch.length === 0) return '';
      const whole = serialize({ ...head, items: batch });
      return whole.slice(whole.indexOf(itemStart), -closing.length);
    },
    tail: () => closing,
  };
}

/**
 * JSON.stringify(…, null, 2) puts each item of "items" on lines indented by four spaces. Only "\n"
 * starts a line: U+2028 and U+2029 stay raw inside strings, so a regex with /m must not be used.
 */
function jsonStream(head: FeedModel): FeedStream {
  const empty = `${JSON.stringify(toJsonFeedObject({ ...head, items: [] }), null, 2)}\n`;
  const emptyEnd = '[]\n}\n';
  if (!empty.endsWith(emptyEnd)) throw new Error('The JSON Feed does not end with its items.');
  let written = 0;
  return {
    head: `${empty.slice(0, -emptyEnd.length)}[`,
    items: (batch) => {
      const objects = (toJsonFeedObject({ ...head, items: batch }).items as unknown[]) ?? [];
      return objects
        .map((item) => `${written++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(item, null, 2).replaceAll('\n', '\n    ')}`)
        .join('');
    },
    tail: () => (written === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
}

export function createFeedStream(format: FeedFormat, head: FeedModel): FeedStream {
  switch (format) {
    case 'atom':
      return xmlStream(feedFormats.atom.serialize, head, '\n  <entry', '\n</feed>\n');
    case 'rss':
      return xmlStream(feedFormats.rss.serialize, head, '\n    <item', '\n  </channel>\n</rss>\n');
    case 'json':
      return jsonStream(head);
  }
}
