import { describe, expect, test } from 'vitest';
import type { FeedItemModel } from '../../../src/serialize/feed-model.js';
import { serializeInParts } from '../../../src/serialize/serialize-in-parts.js';
import { toAtom } from '../../../src/serialize/to-atom.js';
import { toJsonFeed } from '../../../src/serialize/to-json-feed.js';
import { toRss } from '../../../src/serialize/to-rss.js';
import { makeItem, makeModel } from '../../helpers/make-feed-model.js';

const serializers = { rss: toRss, atom: toAtom, json: toJsonFeed } as const;

function streamed(format: keyof typeof serializers, items: FeedItemModel[], batchSize: number): string {
  const model = makeModel({ items });
  const stream = serializeInParts(format, { ...model, items: [] });
  let text = stream.head;
  for (let start = 0; start < items.length; start += batchSize) text += stream.joinItems(stream.itemTexts(items.slice(start, start + batchSize)));
  return text + stream.tail();
}

const manyItems = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    makeItem({ id: `https://example.org/en/story-${index}/`, url: `https://example.org/en/story-${index}/`, title: `Story ${index} <&> ]]>`, summary: `Line\u2028separator\u2029and paragraph separator` }),
  );

describe.each(Object.keys(serializers) as (keyof typeof serializers)[])('a streamed %s feed', (format) => {
  test.each([
    [0, 1],
    [1, 1],
    [5, 2],
    [7, 3],
    [12, 50],
  ])('with %i items in batches of %i is byte for byte the whole feed', (count, batchSize) => {
    const items = manyItems(count);
    expect(streamed(format, items, batchSize)).toBe(serializers[format](makeModel({ items })));
  });
});
