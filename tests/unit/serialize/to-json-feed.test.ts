import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parseJsonFeed } from 'feedsmith';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { toJsonFeed } from '../../../src/serialize/to-json-feed.js';
import { makeItem, makeModel, TRICKY_TEXTS } from '../../helpers/make-feed-model.js';

const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
const jsonFeedSchema = require('jsonfeed-schema/schema-v1.1.json') as object;
const validateJsonFeed = addFormats(new Ajv({ strict: false, allErrors: true })).compile(jsonFeedSchema);

type Json = Record<string, any>;
const parse = (text: string): Json => JSON.parse(text) as Json;

afterEach(() => {
  vi.useRealTimers();
});

describe('toJsonFeed', () => {
  test('is JSON Feed 1.1 that the published schema accepts', () => {
    const feed = parse(toJsonFeed(makeModel()));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(validateJsonFeed(feed), JSON.stringify(validateJsonFeed.errors)).toBe(true);
  });

  test('feedsmith reads it as a JSON feed with the same items', () => {
    const feed = parseJsonFeed(parse(toJsonFeed(makeModel())));
    expect(feed.items?.map((item) => item.id)).toEqual(['https://example.org/en/summit/', 'tag:example.org,2019:older']);
  });

  test('the feed: language, URLs, title, description and authors array; no deprecated author', () => {
    const model = makeModel({ lang: 'ar' });
    const feed = parse(toJsonFeed(model));
    expect(feed).toMatchObject({
      title: model.title,
      description: model.description,
      home_page_url: 'https://example.org/ar/',
      feed_url: 'https://example.org/ar/feed.json',
      language: 'ar',
      authors: [{ name: 'Example Desk', url: 'https://example.org/desk' }],
    });
    expect(feed).not.toHaveProperty('author');
  });

  test('items have authors arrays and never author; e-mail addresses are not published', () => {
    const feed = parse(toJsonFeed(makeModel()));
    for (const item of feed.items as Json[]) expect(item).not.toHaveProperty('author');
    expect(feed.items[0].authors).toEqual([{ name: 'Mohammed Al-Menshawi' }]);
    expect(feed.items[1].authors).toEqual([{ name: 'Ann' }]);
  });

  test('items carry id, url, title, summary, HTML, image, tags and both dates', () => {
    const item = parse(toJsonFeed(makeModel())).items[0] as Json;
    expect(item).toMatchObject({
      id: 'https://example.org/en/summit/',
      url: 'https://example.org/en/summit/',
      title: 'Summit ends without a deal',
      summary: 'Talks broke down.',
      content_html: '<p>Talks <strong>broke</strong> down &amp; leaders left.</p>',
      image: 'https://example.org/media/hanoi.jpg',
      tags: ['Korea', 'diplomacy'],
      date_published: '2019-02-28T09:30:00.000Z',
      date_modified: '2019-03-01T01:00:00.000Z',
    });
  });

  test('an item without summary has no summary', () => {
    expect(parse(toJsonFeed(makeModel())).items[1]).not.toHaveProperty('summary');
  });

  test('translations go in the _polyfeed extension with language, url and title', () => {
    const feed = parse(toJsonFeed(makeModel()));
    expect(feed.items[0]._polyfeed).toEqual({
      translations: [
        { language: 'ar', url: 'https://example.org/ar/summit/', title: 'قمة هانوي تنتهي' },
        { language: 'fr', url: 'https://example.org/fr/summit/', title: 'Le sommet échoue' },
      ],
    });
    expect(feed.items[1]).not.toHaveProperty('_polyfeed');
  });

  test('an item in another language than the feed says so; one in the feed\'s language does not', () => {
    const feed = parse(toJsonFeed(makeModel({ items: [makeItem(), makeItem({ id: 'urn:x:ar', lang: 'ar' })] })));
    expect(feed.items[0]).not.toHaveProperty('language');
    expect(feed.items[1].language).toBe('ar');
  });

  test.each(TRICKY_TEXTS)('text round-trips exactly: %s', (text) => {
    const model = makeModel({
      title: text,
      description: text,
      authors: [{ name: text }],
      items: [makeItem({ title: text, summary: text, authors: [{ name: text }], tags: [text], translations: [{ lang: 'ar', url: 'https://example.org/ar/x/', title: text }] })],
    });
    const feed = parse(toJsonFeed(model));
    expect([feed.title, feed.description, feed.authors[0].name]).toEqual([text, text, text]);
    const item = feed.items[0] as Json;
    expect([item.title, item.summary, item.authors[0].name, item.tags[0], item._polyfeed.translations[0].title]).toEqual([text, text, text, text, text]);
  });

  test('is pretty-printed and ends with a newline', () => {
    const text = toJsonFeed(makeModel());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": "https://jsonfeed.org/version/1.1",');
  });

  test('two serializations of the same model are byte-identical', () => {
    expect(toJsonFeed(makeModel())).toBe(toJsonFeed(makeModel()));
  });

  test('dates come from the model, not the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    const first = toJsonFeed(makeModel());
    vi.setSystemTime(new Date('2040-01-01T00:00:00Z'));
    expect(toJsonFeed(makeModel())).toBe(first);
    expect(first).not.toMatch(/2031|2040/);
  });
});
