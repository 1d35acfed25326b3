// diff/: feeds parsed back from their text (every format, the same field names) and two versions compared by item id, field by field. Issue #13.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffFeedFile, diffParsedFeeds, compareFeedPaths } from '../../../src/diff/diff-feeds.js';
import { feedPathParts, parseFeedText } from '../../../src/diff/parse-feed-text.js';
import { toInstant, type ParsedFeed } from '../../../src/diff/parsed-feed.js';
import type { FeedFormat } from '../../../src/model/config-schema.js';
import type { FeedModel } from '../../../src/serialize/feed-model.js';
import { feedFormats } from '../../../src/serialize/feed-formats.js';
import { makeItem, makeModel, TRICKY_TEXTS } from '../../helpers/make-feed-model.js';
import { repoRoot } from '../../helpers/site-fixture.js';

const formats: FeedFormat[] = ['rss', 'atom', 'json'];

function parsed(format: FeedFormat, model: FeedModel): ParsedFeed {
  const result = parseFeedText(format, feedFormats[format].serialize(model));
  if (!('feed' in result)) throw new Error(result.problem);
  return result.feed;
}

/** Both versions serialized in `format` and compared as the diff command compares files. */
function diffOf(format: FeedFormat, old: FeedModel, now: FeedModel) {
  const path = `en/${feedFormats[format].fileName}`;
  return diffFeedFile({ path, oldText: feedFormats[format].serialize(old), newText: feedFormats[format].serialize(now) });
}

const [first, second] = makeModel().items;

describe.each(formats)('parsing %s back', (format) => {
  test('gives each item its id and the fields every format shares', () => {
    const feed = parsed(format, makeModel());
    expect(feed.items.map((item) => item.id)).toEqual([first!.id, second!.id]);
    const fields = feed.items[0]!.fields;
    expect(fields.title).toBe('Summit ends without a deal');
    expect(fields.link).toBe('https://example.org/en/summit/');
    expect(fields.published).toBe('2019-02-28T09:30:00.000Z');
    expect(fields.categories).toEqual(['Korea', 'diplomacy']);
    expect(fields.authors).toEqual([expect.stringContaining('Mohammed Al-Menshawi')]);
    expect(String(fields.image)).toContain('https://example.org/media/hanoi.jpg');
    expect(fields.content).toContain('<strong>broke</strong>');
    expect(feed.fields.title).toBe('Example News');
  });

  test.each(TRICKY_TEXTS)('gives a title back as written: %s', (title) => {
    const feed = parsed(format, makeModel({ title, items: [makeItem({ title })] }));
    expect(feed.items[0]!.fields.title).toBe(title);
    expect(feed.fields.title).toBe(title);
  });

  test('the same feed twice: no difference', () => {
    expect(diffOf(format, makeModel(), makeModel())).toBeUndefined();
    expect(diffParsedFeeds(parsed(format, makeModel()), parsed(format, makeModel()))).toEqual({ feed: [], added: [], removed: [], changed: [] });
  });

  test('an edited title: that item changed, field title, with its old title', () => {
    const now = makeModel({ items: [makeItem({ title: 'Summit ends, no deal' }), second!] });
    const diff = diffOf(format, makeModel(), now);
    expect(diff).toMatchObject({ status: 'changed', language: 'en', format });
    expect(diff?.status === 'changed' && diff.changes).toEqual({
      feed: [],
      added: [],
      removed: [],
      changed: [{ id: first!.id, title: 'Summit ends, no deal', oldTitle: 'Summit ends without a deal', link: first!.url, fields: ['title'] }],
    });
  });

  test('each field edited is named: summary, content, authors, categories, image', () => {
    const now = makeModel({
      items: [makeItem({ summary: 'Talks failed.', contentHtml: '<p>Other text.</p>', authors: [{ name: 'Someone Else' }], tags: ['Korea'], image: undefined }), second!],
    });
    const diff = diffOf(format, makeModel(), now);
    const changed = diff?.status === 'changed' ? diff.changes?.changed : undefined;
    expect(changed?.map((item) => item.fields)).toEqual([['summary', 'content', 'authors', 'categories', 'image']]);
  });

  test('an item added and one removed, matched by id; the feed date changed', () => {
    const added = makeItem({ id: 'https://example.org/en/new/', url: 'https://example.org/en/new/', title: 'New story', published: new Date('2019-03-02T00:00:00Z'), updated: new Date('2019-03-02T00:00:00Z'), translations: [], defaultVersionUrl: undefined });
    const now = makeModel({ updated: new Date('2019-03-02T00:00:00Z'), items: [added, first!] });
    const diff = diffOf(format, makeModel(), now);
    const changes = diff?.status === 'changed' ? diff.changes : undefined;
    expect(changes?.added).toEqual([{ id: 'https://example.org/en/new/', title: 'New story', link: 'https://example.org/en/new/' }]);
    expect(changes?.removed).toEqual([{ id: second!.id, title: 'Older story', link: second!.url }]);
    expect(changes?.changed).toEqual([]);
    // JSON Feed has no date of its own.
    if (format !== 'json') expect(changes?.feed).toEqual([{ field: 'updated', old: '2019-03-01T01:00:00.000Z', new: '2019-03-02T00:00:00.000Z' }]);
  });

  test('a feed field edited: its name and both values', () => {
    const diff = diffOf(format, makeModel(), makeModel({ title: 'Example News Daily' }));
    const feed = diff?.status === 'changed' ? diff.changes?.feed : undefined;
    expect(feed).toContainEqual({ field: 'title', old: 'Example News', new: 'Example News Daily' });
  });

  test('a file on one side only is added or removed, with its number of items', () => {
    const text = feedFormats[format].serialize(makeModel());
    const path = `fr/${feedFormats[format].fileName}`;
    expect(diffFeedFile({ path, oldText: undefined, newText: text })).toEqual({ path, language: 'fr', format, status: 'added', itemCount: 2 });
    expect(diffFeedFile({ path, oldText: text, newText: undefined })).toEqual({ path, language: 'fr', format, status: 'removed', itemCount: 2 });
  });

  test('a side that does not parse: the file changed, and which side', () => {
    const text = feedFormats[format].serialize(makeModel());
    const diff = diffFeedFile({ path: `en/${feedFormats[format].fileName}`, oldText: '<html><body>Not found</body></html>', newText: text });
    expect(diff).toMatchObject({ status: 'changed', changes: undefined, unparsable: { side: 'old' } });
  });
});

describe('Atom and JSON Feed links to translations', () => {
  test.each(['atom', 'json'] as const)('%s: a translation retitled changes the item field translations', (format) => {
    const now = makeModel({ items: [makeItem({ translations: [{ lang: 'ar', url: 'https://example.org/ar/summit/', title: 'عنوان جديد' }, first!.translations[1]!] }), second!] });
    const diff = diffOf(format, makeModel(), now);
    expect(diff?.status === 'changed' && diff.changes?.changed.map((item) => item.fields)).toEqual([['translations']]);
  });
});

describe('helpers', () => {
  test('dates in any form compare as instants; other text as it is', () => {
    expect(toInstant('Thu, 28 Feb 2019 09:30:00 GMT')).toBe('2019-02-28T09:30:00.000Z');
    expect(toInstant('2019-02-28T10:30:00+01:00')).toBe('2019-02-28T09:30:00.000Z');
    expect(toInstant('yesterday')).toBe('yesterday');
  });

  test('feed paths: language and format from the path; others are not feeds', () => {
    expect(feedPathParts('pt-BR/atom.xml')).toEqual({ language: 'pt-BR', format: 'atom' });
    expect(feedPathParts('en/index.html')).toBeUndefined();
    expect(feedPathParts('a/b/rss.xml')).toBeUndefined();
    expect(['en/feed.json', 'ar/rss.xml', 'en/rss.xml', 'en/atom.xml'].sort(compareFeedPaths)).toEqual(['ar/rss.xml', 'en/rss.xml', 'en/atom.xml', 'en/feed.json']);
  });

  test('two items with one id are both kept, the second told apart', () => {
    const twice = makeModel({ items: [first!, { ...first!, title: 'Again' }] });
    expect(parsed('json', twice).items.map((item) => item.id)).toEqual([first!.id, `${first!.id} (2)`]);
  });
});

describe('the sample site\'s golden feeds, parsed back', () => {
  const expected = join(repoRoot, 'tests/golden/sample-site/expected');
  // The language folders; the pages for people (index.html, …) sit beside them.
  const languages = readdirSync(expected, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  test.each(languages)('%s: every format gives the same items, with the same titles, links, dates and categories', (language) => {
    const feeds = formats.map((format) => {
      const result = parseFeedText(format, readFileSync(join(expected, language, feedFormats[format].fileName), 'utf8'));
      if (!('feed' in result)) throw new Error(result.problem);
      return result.feed;
    });
    const shared = (feed: ParsedFeed) => feed.items.map(({ id, fields }) => ({ id, title: fields.title, link: fields.link, published: fields.published, categories: fields.categories ?? [] }));
    expect(feeds[0]!.items.length).toBeGreaterThan(0);
    expect(shared(feeds[1]!)).toEqual(shared(feeds[0]!));
    expect(shared(feeds[2]!)).toEqual(shared(feeds[0]!));
    // Every field has one of the names README lists, in every format.
    const documented = new Set(['title', 'link', 'published', 'updated', 'summary', 'content', 'authors', 'categories', 'image', 'translations', 'language']);
    for (const feed of feeds) for (const item of feed.items) expect(Object.keys(item.fields).filter((name) => !documented.has(name))).toEqual([]);
  });
});
