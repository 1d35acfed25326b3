// The combined feed's head (issue 15): tagged "mul", titled with every language's feed texts joined, at the site's home page,
// without archive links; and each item marked with its language in every format, parsed back.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { buildCombinedFeedHead } from '../../../src/serialize/build-combined-feed-head.js';
import { toAtom } from '../../../src/serialize/to-atom.js';
import { toJsonFeed } from '../../../src/serialize/to-json-feed.js';
import { toRss } from '../../../src/serialize/to-rss.js';
import { makeItem, makeModel } from '../../helpers/make-feed-model.js';

const TEXTS: Record<string, Record<string, string>> = {
  fr: { 'feed.title': 'Nouvelles du fleuve', 'feed.description': '', 'feed.copyright': '© Fleuve' },
  en: { 'feed.title': 'River News', 'feed.description': 'News from the river.', 'feed.copyright': '© River' },
  ar: { 'feed.title': 'River News', 'feed.description': 'أخبار النهر', 'feed.copyright': '© River' },
};
const translatorFor = (lang: string) => (key: string) => TEXTS[lang]![key]!;
const config = ConfigSchema.parse({
  baseUrl: 'https://example.org/',
  languages: ['fr', 'en', 'ar'],
  defaultLanguage: 'en',
  authors: [{ name: 'Desk' }],
  combinedFeed: ['rss', 'atom', 'json'],
  maxItems: 2,
  archivePageSize: 5,
});
const head = () => buildCombinedFeedHead({ newestUpdateMs: Date.parse('2025-03-01T00:00:00Z'), config, translatorFor, version: '1.0.0' });

describe('buildCombinedFeedHead', () => {
  test('joins the feed texts of every language, the default language first, each distinct text once, empty ones left out', () => {
    const model = head();
    // The site has a right-to-left language: each text is isolated (U+2068 … U+2069).
    const isolated = (...texts: string[]) => texts.map((text) => `\u2068${text}\u2069`).join(' · ');
    expect(model.title).toBe(isolated('River News', 'Nouvelles du fleuve'));
    expect(model.description).toBe(isolated('News from the river.', 'أخبار النهر'));
    expect(model.copyright).toBe(isolated('© River', '© Fleuve'));
  });

  test('a site whose languages all run one way joins its texts without isolation marks', () => {
    const leftToRight = ConfigSchema.parse({ ...config, languages: ['fr', 'en'], fallbacks: {}, labelFallbacks: {} });
    const model = buildCombinedFeedHead({ newestUpdateMs: Date.parse('2025-03-01T00:00:00Z'), config: leftToRight, translatorFor, version: '1.0.0' });
    expect(model.title).toBe('River News · Nouvelles du fleuve');
  });

  test('is tagged "mul", lives at mul/, points home at baseUrl and has no archive links even with archivePageSize', () => {
    const model = head();
    expect(model.lang).toBe('mul');
    expect(model.homeUrl).toBe('https://example.org/');
    expect(model.feedUrls).toEqual({ rss: 'https://example.org/mul/rss.xml', atom: 'https://example.org/mul/atom.xml', json: 'https://example.org/mul/feed.json' });
    expect(model.archive).toBeUndefined();
  });
});

describe('items in another language than their feed', () => {
  const items = [makeItem({ id: 'https://example.org/ar/a/', url: 'https://example.org/ar/a/', lang: 'ar' }), makeItem({ lang: 'en' })];
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['entry', 'item'].includes(name) });

  test('carry their language in each format: RSS dc:language, Atom xml:lang on the entry, JSON Feed item language', () => {
    const model = { ...head(), items };
    const rss = toRss(model);
    const atom = toAtom(model);
    const json = toJsonFeed(model);
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(parseRssFeed(rss).language).toBe('mul');
    expect(xml.parse(rss).rss.channel.item.map((item: Record<string, string>) => item['dc:language'])).toEqual(['ar', 'en']);
    expect(parseAtomFeed(atom).entries).toHaveLength(2);
    expect(xml.parse(atom).feed['@xml:lang']).toBe('mul');
    expect(xml.parse(atom).feed.entry.map((entry: Record<string, string>) => entry['@xml:lang'])).toEqual(['ar', 'en']);
    const feed = parseJsonFeed(json);
    expect(feed.language).toBe('mul');
    expect(feed.items!.map((item) => item.language)).toEqual(['ar', 'en']);
  });

  test('an item in its feed\'s own language carries no mark of its own', () => {
    const model = makeModel({ lang: 'en', items: [makeItem({ lang: 'en' })] });
    expect(xml.parse(toRss(model)).rss.channel.item[0]['dc:language']).toBeUndefined();
    expect(xml.parse(toAtom(model)).feed.entry[0]['@xml:lang']).toBeUndefined();
    expect(JSON.parse(toJsonFeed(model)).items[0].language).toBeUndefined();
  });
});
