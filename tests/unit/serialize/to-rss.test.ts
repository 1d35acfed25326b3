import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseRssFeed } from 'feedsmith';
import Parser from 'rss-parser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { imageMediaType } from '../../../src/serialize/image-media-type.js';
import { toRss } from '../../../src/serialize/to-rss.js';
import { makeItem, makeModel, TRICKY_TEXTS } from '../../helpers/make-feed-model.js';

/** A raw tree from an independent parser: attributes as "@_name", repeated elements always arrays. */
const rawTree = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['item', 'category', 'author', 'dc:creator', 'enclosure'].includes(name),
  }).parse(xml) as { rss: Record<string, any> };

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parseRssFeed(xml);
};
const itemsOf = (xml: string) => rawTree(xml).rss.channel.item as Record<string, any>[];

afterEach(() => {
  vi.useRealTimers();
});

describe('toRss', () => {
  test('is well-formed RSS 2.0 with the namespaces it uses declared', () => {
    const xml = toRss(makeModel());
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = rawTree(xml);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
  });

  test('the channel: title, link, description, language, copyright, lastBuildDate from the model', () => {
    const model = makeModel({ lang: 'ar' });
    const feed = parse(toRss(model));
    expect(feed).toMatchObject({
      title: model.title,
      link: 'https://example.org/ar/',
      description: model.description,
      language: 'ar',
      copyright: model.copyright,
      lastBuildDate: 'Fri, 01 Mar 2019 01:00:00 GMT',
    });
    expect(feed.atom?.links).toEqual([expect.objectContaining({ rel: 'self', href: 'https://example.org/ar/rss.xml' })]);
  });

  test.each(TRICKY_TEXTS)('titles and the summary round-trip exactly: %s', (text) => {
    const model = makeModel({ title: text, description: text, copyright: text, items: [makeItem({ title: text, summary: text, authors: [{ name: text }] })] });
    const xml = toRss(model);
    const feed = parse(xml);
    expect(feed.title).toBe(text);
    expect(feed.description).toBe(text);
    expect(feed.copyright).toBe(text);
    const item = feed.items![0]!;
    expect(item.title).toBe(text);
    // <description> is HTML to readers: the plain-text summary is escaped once for that.
    expect(decodeHTML(item.description!)).toBe(text);
    expect(item.dc?.creators).toEqual([text]);
  });

  test('rss-parser (a second reader) sees the same title and summary text', async () => {
    const text = 'A < B & "C" &amp; ]]>';
    const feed = await new Parser().parseString(toRss(makeModel({ title: text, items: [makeItem({ title: text, summary: text })] })));
    expect(feed.title).toBe(text);
    expect(feed.items[0]!.title).toBe(text);
    expect(feed.items[0]!.contentSnippet).toBe(text);
  });

  test.each(TRICKY_TEXTS)('tags round-trip as categories: %s', (text) => {
    // A literal "&amp;" in a tag once came back as "&" (written by `feed` through xml-js).
    const feed = parse(toRss(makeModel({ items: [makeItem({ tags: ['Korea', text] })] })));
    expect(feed.items![0]!.categories?.map((category) => category.name)).toEqual(['Korea', text]);
  });

  test('HTML content goes in content:encoded unchanged', () => {
    const html = '<p>A &amp; B &lt;tag&gt; ]]&gt; <a href="https://example.org/?a=1&amp;b=2">x</a></p>';
    const feed = parse(toRss(makeModel({ items: [makeItem({ contentHtml: html })] })));
    expect(feed.items![0]!.content?.encoded).toBe(html);
  });

  test('guid isPermaLink is true when the id is the URL and false otherwise', () => {
    const items = itemsOf(toRss(makeModel()));
    expect(items[0]!.guid).toEqual({ '#text': 'https://example.org/en/summit/', '@_isPermaLink': 'true' });
    expect(items[1]!.guid).toEqual({ '#text': 'tag:example.org,2019:older', '@_isPermaLink': 'false' });
  });

  test('an id that is a URL but not the item\'s URL is not a permalink', () => {
    const items = itemsOf(toRss(makeModel({ items: [makeItem({ id: 'https://example.org/en/old-address/' })] })));
    expect(items[0]!.guid['@_isPermaLink']).toBe('false');
  });

  test('authors without an e-mail address become dc:creator, never <author>', () => {
    const items = itemsOf(toRss(makeModel({ items: [makeItem({ authors: [{ name: 'Ann' }, { name: 'Bob', url: 'https://example.org/bob' }] })] })));
    expect(items[0]!['dc:creator']).toEqual(['Ann', 'Bob']);
    expect(items[0]!.author).toBeUndefined();
  });

  test('when every author has an e-mail address they are <author> "email (name)"', () => {
    const items = itemsOf(toRss(makeModel()));
    expect(items[1]!.author).toEqual(['ann@example.org (Ann)']);
    expect(items[1]!['dc:creator']).toBeUndefined();
  });

  test('one author without e-mail moves all of the item\'s authors to dc:creator', () => {
    const items = itemsOf(toRss(makeModel({ items: [makeItem({ authors: [{ name: 'Ann', email: 'ann@example.org' }, { name: 'Bob' }] })] })));
    expect(items[0]!['dc:creator']).toEqual(['Ann', 'Bob']);
    expect(items[0]!.author).toBeUndefined();
  });

  test('a .jpg image is an enclosure of type image/jpeg', () => {
    const items = itemsOf(toRss(makeModel()));
    expect(items[0]!.enclosure).toEqual([{ '@_url': 'https://example.org/media/hanoi.jpg', '@_length': '16178', '@_type': 'image/jpeg' }]);
    expect(items[1]!.enclosure).toBeUndefined();
  });

  test.each([
    ['https://example.org/a.PNG', 'image/png'],
    ['https://example.org/a.jpeg?w=800', 'image/jpeg'],
    ['https://example.org/a.webp', 'image/webp'],
  ])('%s is an enclosure of type %s', (url, type) => {
    const items = itemsOf(toRss(makeModel({ items: [makeItem({ image: { url, mediaType: imageMediaType(url), lengthBytes: undefined } })] })));
    expect(items[0]!.enclosure).toEqual([expect.objectContaining({ '@_url': url, '@_type': type })]);
  });

  test('the enclosure carries the file size when it is known, 0 otherwise', () => {
    const known = itemsOf(toRss(makeModel()));
    expect(known[0]!.enclosure).toEqual([expect.objectContaining({ '@_length': '16178', '@_type': 'image/jpeg' })]);
    const url = 'https://cdn.example.net/photo.jpg';
    const unknown = itemsOf(toRss(makeModel({ items: [makeItem({ image: { url, mediaType: 'image/jpeg', lengthBytes: undefined } })] })));
    expect(unknown[0]!.enclosure).toEqual([expect.objectContaining({ '@_length': '0' })]);
  });

  test('an image of unknown type gets no enclosure (a wrong type is worse than none)', () => {
    const url = 'https://example.org/media/photo';
    const items = itemsOf(toRss(makeModel({ items: [makeItem({ image: { url, mediaType: imageMediaType(url), lengthBytes: undefined } })] })));
    expect(items[0]!.enclosure).toBeUndefined();
  });

  test('items keep the model\'s order, links and publication dates', () => {
    const feed = parse(toRss(makeModel()));
    expect(feed.items!.map((item) => [item.link, item.pubDate])).toEqual([
      ['https://example.org/en/summit/', 'Thu, 28 Feb 2019 09:30:00 GMT'],
      ['https://example.org/en/older/', 'Fri, 01 Feb 2019 10:00:00 GMT'],
    ]);
  });

  test('an item without summary has no description text', () => {
    const items = itemsOf(toRss(makeModel()));
    expect(items[1]!.description ?? '').toBe('');
  });

  test('two serializations of the same model are byte-identical', () => {
    expect(toRss(makeModel())).toBe(toRss(makeModel()));
  });

  test('dates come from the model, not the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    const first = toRss(makeModel());
    vi.setSystemTime(new Date('2040-01-01T00:00:00Z'));
    expect(toRss(makeModel())).toBe(first);
    expect(first).not.toMatch(/2031|2040/);
  });
});
