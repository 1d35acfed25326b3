// The real sample site, built in memory, parsed back with independent parsers and checked against its sources.
import { bodyText } from '../../src/model/output-file.js';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { decodeHTML } from 'entities';
import { createRequire } from 'node:module';
import RssParser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/run/build-site.js';
import { readSources } from '../../src/load/read-sources.js';
import { expectedFeedItems, readSampleArticles, readSampleFallbacks, type ExpectedArticle } from '../helpers/read-sample-articles.js';
import { repoRoot } from '../helpers/site-fixture.js';
import { atomEntryTitleTypes, atomText } from '../helpers/atom-text.js';

const require = createRequire(import.meta.url);
const BASE_URL = 'https://news.example.org/';
const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];

let result: BuildResult;
let expected: ExpectedArticle[];
const fileText = (path: string) => {
  const file = result.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no output ${path}`);
  return bodyText(file.body);
};
/** A language's feed items: its published versions, and the versions its fallback chain takes in (polyfeed.config.yaml `fallbacks`). */
const publishedIn = (lang: string) => expectedFeedItems(expected, lang, readSampleFallbacks(repoRoot));

beforeAll(() => {
  result = build(readSources(repoRoot), { version: '0.0.0-test' });
  expected = readSampleArticles(repoRoot, BASE_URL);
});

describe('the sample site', () => {
  test('builds without problems: three feeds for each of five languages, and the pages for people (subscribePage)', () => {
    expect(result.errors).toEqual([]);
    expect(result.files.map((file) => file.path).sort()).toEqual(
      [...LANGUAGES.flatMap((lang) => [`${lang}/atom.xml`, `${lang}/feed.json`, `${lang}/rss.xml`]), 'feed.css', 'feeds-head.html', 'index.html'].sort(),
    );
  });

  test('has at least 5 articles, an Arabic and a Japanese version, and not every article in every language', () => {
    const keys = new Set(expected.map((article) => article.key));
    expect(keys.size).toBeGreaterThanOrEqual(5);
    expect(expected.some((article) => article.lang === 'ar')).toBe(true);
    expect(expected.some((article) => article.lang === 'ja')).toBe(true);
    expect([...keys].some((key) => expected.filter((article) => article.key === key).length < LANGUAGES.length)).toBe(true);
  });

  test('a second build gives byte-identical output', () => {
    const again = build(readSources(repoRoot), { version: '0.0.0-test' });
    expect(again.files).toEqual(result.files);
  });
});

describe.each(LANGUAGES)('%s feeds', (lang) => {
  test('Atom, read by feedsmith, carries every published version with its title, id, link, dates and translations', () => {
    const feed = parseAtomFeed(fileText(`${lang}/atom.xml`));
    const articles = publishedIn(lang);
    expect(feed.entries?.map((entry) => atomText(entry.title))).toEqual(articles.map((article) => article.title));
    expect(feed.entries?.map((entry) => entry.id)).toEqual(articles.map((article) => article.url));
    for (const [index, entry] of (feed.entries ?? []).entries()) {
      const article = articles[index]!;
      expect(Date.parse(entry.published!)).toBe(Date.parse(article.date));
      expect(Date.parse(entry.updated!)).toBe(Date.parse(article.updated ?? article.date));
      expect(entry.categories?.map((category) => category.term)).toEqual(article.tags);
      const alternates = (entry.links ?? []).filter((link) => link.rel === 'alternate');
      // A fallback item (issue 15) is its own language's version: its first alternate is in that language.
      const siblings = expected.filter((other) => other.key === article.key && other.lang !== article.lang && !other.draft);
      // hreflang="x-default": the English (default-language) version, for an article read in more than one language.
      const english = [article, ...siblings].find((version) => version.lang === 'en');
      const xDefault = siblings.length > 0 && english ? [['x-default', english.url]] : [];
      expect(alternates.map((link) => [link.hreflang, link.href]).sort()).toEqual(
        [[article.lang, article.url], ...siblings.map((other) => [other.lang, other.url]), ...xDefault].sort(),
      );
    }
    expect(feed.links?.find((link) => link.rel === 'self')?.href).toBe(`${BASE_URL}${lang}/atom.xml`);
  });

  test('Atom declares its language with xml:lang and passes a structural check of RFC 4287', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name) });
    const { feed } = parser.parse(fileText(`${lang}/atom.xml`));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe(lang);
    // RFC 4287 §4.1.1: exactly one id, title, updated; an author on the feed or on every entry.
    for (const element of ['id', 'title', 'updated']) expect(feed[element], element).toBeDefined();
    expect(feed.author.length).toBeGreaterThan(0);
    for (const entry of feed.entry) {
      // §4.1.2: id, title, updated; an alternate link or content; dates in RFC 3339.
      for (const element of ['id', 'title', 'updated', 'content']) expect(entry[element], element).toBeDefined();
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
      for (const category of entry.category ?? []) expect(category['@term']).toBeTruthy();
      for (const link of entry.link) expect(new URL(link['@href']).protocol).toBe('https:');
    }
  });

  test('RSS, read by feedsmith and rss-parser, carries the same items in the same order', async () => {
    const articles = publishedIn(lang);
    const xml = fileText(`${lang}/rss.xml`);
    const feed = parseRssFeed(xml);
    expect(feed.language).toBe(lang);
    expect(feed.items?.map((item) => item.title)).toEqual(articles.map((article) => article.title));
    expect(feed.items?.map((item) => item.guid?.value)).toEqual(articles.map((article) => article.url));
    expect(feed.items?.map((item) => Date.parse(item.pubDate!))).toEqual(articles.map((article) => Date.parse(article.date)));
    expect(feed.atom?.links?.find((link) => link.rel === 'self')?.href).toBe(`${BASE_URL}${lang}/rss.xml`);

    const second = await new RssParser().parseString(xml);
    expect(second.items.map((item) => item.title)).toEqual(articles.map((article) => article.title));
    expect(second.items.map((item) => item.link)).toEqual(articles.map((article) => article.url));
  });

  test('Atom read by rss-parser, a second independent parser, agrees field by field', async () => {
    const articles = publishedIn(lang);
    const xml = fileText(`${lang}/atom.xml`);
    const feed = await new RssParser({ customFields: { item: [['author', 'authorsRaw', { keepArray: true }], ['category', 'categoriesRaw', { keepArray: true }]] } }).parseString(xml);
    // rss-parser gives a title's text without its type: a type="html" title is HTML-decoded once, as a reader shows it.
    const types = atomEntryTitleTypes(xml);
    expect(feed.items.map((item, index) => (types[index] === 'html' ? decodeHTML(item.title!) : item.title))).toEqual(articles.map((article) => article.title));
    expect(feed.items.map((item) => item.link)).toEqual(articles.map((article) => article.url));
    expect(feed.items.map((item) => (item as { id?: string }).id)).toEqual(articles.map((article) => article.url));
    expect(feed.items.map((item) => Date.parse(item.pubDate!))).toEqual(articles.map((article) => Date.parse(article.date)));
    for (const [index, item] of feed.items.entries()) {
      const article = articles[index]!;
      const names = (item.authorsRaw as { name: string[] }[]).map((author) => author.name[0]);
      expect(names).toEqual(article.authors.length > 0 ? article.authors : ['Polyfeed Sample Newsroom']);
      const terms = ((item.categoriesRaw as { $: { term: string } }[] | undefined) ?? []).map((category) => category.$.term);
      expect(terms).toEqual(article.tags);
      // The body's first paragraph, as text, is in the content.
      expect(item.contentSnippet).toContain(article.firstParagraphText.slice(0, 60));
    }
  });

  test('JSON Feed is valid against the JSON Feed 1.1 schema and carries the same items', () => {
    const text = fileText(`${lang}/feed.json`);
    const data = JSON.parse(text);
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.version).toBe('https://jsonfeed.org/version/1.1');
    expect(data.language).toBe(lang);
    expect(data.author).toBeUndefined();
    const feed = parseJsonFeed(text);
    const articles = publishedIn(lang);
    expect(feed.items?.map((item) => item.id)).toEqual(articles.map((article) => article.url));
    expect(feed.items?.map((item) => item.title)).toEqual(articles.map((article) => article.title));
    for (const [index, item] of data.items.entries()) {
      const article = articles[index]!;
      expect(item.authors.map((author: { name: string }) => author.name)).toEqual(article.authors.length > 0 ? article.authors : ['Polyfeed Sample Newsroom']);
      expect(Date.parse(item.date_published)).toBe(Date.parse(article.date));
    }
  });

  test('every URL in every format is absolute (but the stylesheet instruction\'s, which only a browser reads)', () => {
    for (const format of ['atom.xml', 'rss.xml', 'feed.json']) {
      // A browser resolves <?xml-stylesheet href?> against the feed's own address: relative, feed.css is found wherever the output is served.
      const text = fileText(`${lang}/${format}`).replace(/^<\?xml-stylesheet href="\.\.\/feed\.css" type="text\/css"\?>$/m, '');
      for (const [, url] of text.matchAll(/(?:href|src|url)(?:=\\?"|": ")([^"\\]+)/g)) {
        expect(() => new URL(url!), `${format}: ${url}`).not.toThrow();
      }
    }
  });
});

describe('the first article (the user\'s sample)', () => {
  test('is modelled as fields: byline, dateline, captioned photo with credit, video and subheadings', () => {
    const feed = JSON.parse(fileText('en/feed.json'));
    const item = feed.items.find((candidate: { id: string }) => candidate.id === `${BASE_URL}en/2019-02-hanoi-summit-ends-without-deal/`);
    expect(item.authors).toEqual([{ name: 'Mohammed Al-Menshawi' }]);
    const html: string = item.content_html;
    expect(html).toContain('<bdi class="dateline">Hanoi</bdi>');
    expect(html).toMatch(/<figcaption>Trump left early after Kim failed to reach agreement <small class="credit">Photo: <bdi>Getty Images<\/bdi><\/small><\/figcaption>/);
    // Handlebars escapes "=" in attribute values as &#x3D;; a browser reads the decoded URL.
    expect(decodeHTML(html)).toContain('https://players.brightcove.net/6008318887001/e1605111-a71b-46e9-9ddd-84c56cff3743_default/index.html?videoId=7a20f33a-cd52-4c21-93e3-1aedf41aa1dc');
    expect(html).toContain('<h2>Shock in Vietnam</h2>');
    expect(html).toContain('<h2>Intelligence Estimates</h2>');
    expect(html).not.toContain('6008318887001 e1605111');
    expect(html).not.toContain('Mohammed Al-Menshawi-Hanoi');
  });

  test('its Arabic version is right-to-left and links to English and French', () => {
    const feed = parseAtomFeed(fileText('ar/atom.xml'));
    const entry = feed.entries?.find((candidate) => candidate.id === `${BASE_URL}ar/2019-02-hanoi-summit-ends-without-deal/`);
    expect(entry?.content?.value).toMatch(/^<div lang="ar" dir="rtl">/);
    expect(entry?.links?.filter((link) => link.rel === 'alternate').map((link) => link.hreflang).sort()).toEqual(['ar', 'en', 'fr', 'x-default']);
  });
});
