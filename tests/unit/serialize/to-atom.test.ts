import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { toAtom } from '../../../src/serialize/to-atom.js';
import { makeItem, makeModel, TRICKY_TEXTS } from '../../helpers/make-feed-model.js';
import { atomText } from '../../helpers/atom-text.js';

/** A raw tree from an independent parser: attributes as "@_name", repeated elements always arrays. */
const rawTree = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['entry', 'link', 'category', 'author'].includes(name),
  }).parse(xml) as { feed: Record<string, any> };

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parseAtomFeed(xml);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('toAtom', () => {
  test('is well-formed XML with an Atom root that carries xml:lang', () => {
    const xml = toAtom(makeModel({ lang: 'ar' }));
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = rawTree(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('ar');
    expect(parse(xml).xml?.lang).toBe('ar');
  });

  test('the feed head: id, title, subtitle, rights, updated, generator, links', () => {
    const model = makeModel();
    const feed = parse(toAtom(model));
    expect(feed.id).toBe(model.homeUrl);
    expect(feed.title).toEqual({ value: model.title, type: 'text' });
    expect(feed.subtitle).toEqual({ value: model.description, type: 'text' });
    expect(feed.rights).toEqual({ value: model.copyright, type: 'text' });
    expect(feed.updated).toBe('2019-03-01T01:00:00.000Z');
    expect(feed.generator).toEqual({ text: 'polyfeed', uri: 'https://www.npmjs.com/package/polyfeed', version: '1.2.3' });
    expect(feed.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'alternate', href: 'https://example.org/en/', hreflang: 'en', type: 'text/html' }),
        expect.objectContaining({ rel: 'self', href: 'https://example.org/en/atom.xml', type: 'application/atom+xml' }),
      ]),
    );
    expect(feed.authors).toEqual([expect.objectContaining({ name: 'Example Desk' })]);
  });

  test.each(TRICKY_TEXTS)('text round-trips exactly in every text construct and attribute: %s', (text) => {
    const model = makeModel({
      title: text,
      description: text,
      copyright: text,
      authors: [{ name: text }],
      items: [
        makeItem({
          title: text,
          summary: text,
          authors: [{ name: text }],
          tags: [text],
          translations: [{ lang: 'ar', url: 'https://example.org/ar/summit/', title: text }],
        }),
      ],
    });
    const feed = parse(toAtom(model));
    // Text that could be read as markup is declared type="html" and escaped: a reader shows it decoded once.
    expect(atomText(feed.title)).toBe(text);
    expect(atomText(feed.subtitle)).toBe(text);
    expect(atomText(feed.rights)).toBe(text);
    // Author names once lost a literal "&amp;" (written by `feed` through xml-js, which turns it into "&").
    expect(feed.authors?.[0]?.name).toBe(text);
    const entry = feed.entries![0]!;
    expect(atomText(entry.title)).toBe(text);
    expect(atomText(entry.summary)).toBe(text);
    expect(entry.title?.type).toBe(/[<&]/.test(text) ? 'html' : 'text');
    expect(entry.authors?.[0]?.name).toBe(text);
    expect(entry.categories?.[0]?.term).toBe(text);
    expect(entry.links?.find((link) => link.hreflang === 'ar')?.title).toBe(text);
  });

  test('HTML content round-trips as type="html", with a literal &amp; kept', () => {
    const html = '<p>A &amp; B &lt;tag&gt; ]]&gt; <a href="https://example.org/?a=1&amp;b=2">x</a></p>';
    const feed = parse(toAtom(makeModel({ items: [makeItem({ contentHtml: html })] })));
    expect(feed.entries![0]!.content).toEqual({ value: html, type: 'html' });
  });

  test('each entry has an alternate link to itself, one per translation, with hreflang, and x-default at the default language\'s version', () => {
    const feed = parse(toAtom(makeModel()));
    const links = feed.entries![0]!.links!;
    expect(links.filter((link) => link.rel === 'alternate')).toEqual([
      { rel: 'alternate', type: 'text/html', hreflang: 'en', href: 'https://example.org/en/summit/' },
      { rel: 'alternate', type: 'text/html', hreflang: 'ar', href: 'https://example.org/ar/summit/', title: 'قمة هانوي تنتهي' },
      { rel: 'alternate', type: 'text/html', hreflang: 'fr', href: 'https://example.org/fr/summit/', title: 'Le sommet échoue' },
      { rel: 'alternate', type: 'text/html', hreflang: 'x-default', href: 'https://example.org/en/summit/' },
    ]);
  });

  test('an entry without translations has exactly one alternate link', () => {
    const feed = parse(toAtom(makeModel()));
    expect(feed.entries![1]!.links!.filter((link) => link.rel === 'alternate')).toEqual([
      { rel: 'alternate', type: 'text/html', hreflang: 'en', href: 'https://example.org/en/older/' },
    ]);
  });

  test('the image is an enclosure link with its media type', () => {
    const [withImage, withoutImage] = parse(toAtom(makeModel())).entries!;
    expect(withImage!.links!.filter((link) => link.rel === 'enclosure')).toEqual([
      { rel: 'enclosure', type: 'image/jpeg', href: 'https://example.org/media/hanoi.jpg', length: 16178 },
    ]);
    expect(withoutImage!.links!.filter((link) => link.rel === 'enclosure')).toEqual([]);
  });

  test('categories carry term (required by RFC 4287)', () => {
    const { entry } = rawTree(toAtom(makeModel())).feed;
    expect(entry[0].category.map((category: Record<string, string>) => category['@_term'])).toEqual(['Korea', 'diplomacy']);
  });

  test('entries keep the model\'s order, ids, dates and authors', () => {
    const model = makeModel();
    const entries = parse(toAtom(model)).entries!;
    expect(entries.map((entry) => entry.id)).toEqual(['https://example.org/en/summit/', 'tag:example.org,2019:older']);
    expect(entries[0]).toMatchObject({ published: '2019-02-28T09:30:00.000Z', updated: '2019-03-01T01:00:00.000Z' });
    expect(entries[1]!.authors).toEqual([{ name: 'Ann', email: 'ann@example.org' }]);
  });

  test('an item without summary has no summary element', () => {
    const entries = parse(toAtom(makeModel())).entries!;
    expect(entries[1]!.summary).toBeUndefined();
  });

  test('Arabic, Japanese and emoji text is written as characters and read back unchanged', () => {
    const model = makeModel({ lang: 'ar', title: 'أخبار 日本 👍🏽', items: [makeItem({ lang: 'ar', title: 'قمة هانوي' })] });
    const xml = toAtom(model);
    expect(xml).toContain('أخبار 日本 👍🏽');
    expect(parse(xml).entries![0]!.title?.value).toBe('قمة هانوي');
  });

  test('two serializations of the same model are byte-identical', () => {
    expect(toAtom(makeModel())).toBe(toAtom(makeModel()));
  });

  test('updated comes from the model, not the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    const first = toAtom(makeModel());
    vi.setSystemTime(new Date('2040-01-01T00:00:00Z'));
    const second = toAtom(makeModel());
    expect(second).toBe(first);
    expect(first).not.toMatch(/2031|2040/);
    expect(parse(first).updated).toBe('2019-03-01T01:00:00.000Z');
  });
});
