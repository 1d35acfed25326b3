// Property: any title, summary, translation title, tag or author name survives the XML and JSON round trip,
// and every Atom and RSS document is well-formed XML 1.0.
import { bodyText } from '../../src/model/output-file.js';
import { fc, test } from '@fast-check/vitest';
import { decodeHTML } from 'entities';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect } from 'vitest';
import { toAtom } from '../../src/serialize/to-atom.js';
import { toRss } from '../../src/serialize/to-rss.js';
import { siteFiles, sourcesOf } from '../helpers/site-fixture.js';
import {
  anyText,
  articleFile,
  attributesWithRawWhitespace,
  exactText,
  exactXmlParser,
  fatalErrors,
  REFUSED_CONTROL,
  feedModelsOf,
  feedsmithView,
  forbiddenXmlCharacters,
  jsonFeedSchemaErrors,
  serializeAll,
  xmlClean,
} from './support.js';
import { buildAll } from './support.js';
import { atomText } from '../helpers/atom-text.js';

/** An Atom text construct from the exact reader: type="html" is HTML-decoded once, as a reader shows it. */
const exactAtomText = (node: unknown) => ((node as Record<string, unknown> | undefined)?.['@type'] === 'html' ? decodeHTML(exactText(node)) : exactText(node));

/*
 * Expected transform, from the text an author wrote to what a reader gets:
 * 1. XML-forbidden characters are removed (C0 controls but TAB/LF/CR, U+FFFE, U+FFFF, lone surrogates),
 *    in every format, so all three agree: `xmlClean`.
 * 2. Nothing else: Atom and RSS write CR in text, and TAB/LF/CR in attribute values, as character
 *    references, so neither XML line-end handling (XML 1.0 §2.11, CR → LF) nor attribute-value
 *    normalization (§3.3.3, TAB/LF/CR → space) changes them. No output holds a raw CR, or a raw
 *    TAB/LF/CR inside an attribute value.
 * 3. feedsmith trims every text value and reports an empty one as undefined: `feedsmithView`.
 *    The exact reader (fast-xml-parser, trimValues off) sees step 1 only.
 * 4. JSON Feed leaves out an empty title (`feed` drops it).
 *
 * `feed` (through xml-js) escapes only the first "]]>" of a CDATA section; the serializers defuse
 * every "]]>" before `feed` sees it and rewrite the text afterwards, so any text is generated here.
 */
const cdataSafeText = (maxLength?: number) => anyText(maxLength);

/** Serializes a model in every format, checks well-formedness and the JSON Feed schema, and reads each back. */
function readBack(model: Parameters<typeof serializeAll>[0]) {
  const { atom, rss, json } = serializeAll(model);
  for (const xml of [atom, rss]) {
    expect(XMLValidator.validate(xml)).toBe(true);
    // fast-xml-parser's validator lets raw control characters and lone surrogates through.
    expect(forbiddenXmlCharacters(xml)).toEqual([]);
    // A raw CR would reach readers as LF, a raw TAB/LF/CR in an attribute value as a space.
    expect(xml).not.toContain('\r');
    expect(attributesWithRawWhitespace(xml)).toEqual([]);
  }
  const data = JSON.parse(json);
  expect(jsonFeedSchemaErrors(data)).toBeNull();
  return {
    atom: parseAtomFeed(atom),
    rss: parseRssFeed(rss),
    json: parseJsonFeed(json),
    jsonData: data,
    atomExact: exactXmlParser.parse(atom),
    rssExact: exactXmlParser.parse(rss),
  };
}

describe('serializer level: validated articles → feed model → toAtom / toRss / toJsonFeed', () => {
  test.prop([cdataSafeText(), fc.option(cdataSafeText(), { nil: undefined }), anyText(), cdataSafeText()], { numRuns: 300 })(
    'titles, summaries, translation titles and the feed title read back as the cleaned text in every format',
    (title, summary, translationTitle, feedTitle) => {
      const models = feedModelsOf(
        [
          { key: 'story', lang: 'en', title, summary },
          { key: 'story', lang: 'ar', title: translationTitle },
        ],
        undefined,
        { 'feed.title': feedTitle },
      );
      const read = readBack(models.en!);
      const [cleanTitle, cleanSummary, cleanTranslation, cleanFeedTitle] = [title, summary ?? '', translationTitle, feedTitle].map(xmlClean) as [string, string, string, string];

      // Atom (feedsmith, then the exact reader).
      const entry = read.atom.entries?.[0];
      expect(atomText(entry?.title)).toBe(feedsmithView(cleanTitle));
      expect(atomText(entry?.summary)).toBe(summary === undefined ? undefined : feedsmithView(cleanSummary));
      expect(entry?.links?.find((link) => link.hreflang === 'ar')?.title).toBe(feedsmithView(cleanTranslation));
      expect(atomText(read.atom.title)).toBe(feedsmithView(cleanFeedTitle));
      expect(exactAtomText(read.atomExact.feed.entry[0].title)).toBe(cleanTitle);
      expect(exactAtomText(read.atomExact.feed.entry[0].summary)).toBe(cleanSummary);
      expect(exactAtomText(read.atomExact.feed.title)).toBe(cleanFeedTitle);

      // RSS: <description> is HTML, so the plain-text summary is HTML-decoded once more.
      const item = read.rss.items?.[0];
      expect(item?.title).toBe(feedsmithView(cleanTitle));
      expect(item?.description === undefined ? undefined : decodeHTML(item.description)).toBe(summary === undefined ? undefined : feedsmithView(cleanSummary));
      expect(read.rss.title).toBe(feedsmithView(cleanFeedTitle));
      expect(exactText(read.rssExact.rss.channel.item[0].title)).toBe(cleanTitle);
      expect(decodeHTML(exactText(read.rssExact.rss.channel.item[0].description))).toBe(cleanSummary);

      // JSON Feed.
      const jsonItem = read.jsonData.items[0];
      expect(jsonItem.title).toBe(cleanTitle || undefined);
      expect(jsonItem.summary).toBe(summary === undefined ? undefined : cleanSummary);
      expect(jsonItem._polyfeed.translations[0].title).toBe(cleanTranslation);
      expect(read.jsonData.title).toBe(cleanFeedTitle);
      expect(read.json.items?.[0]?.title).toBe(cleanTitle.trim() || undefined);
    },
  );

  const tagText = anyText(20).filter((text) => xmlClean(text).trim() !== '');

  test.prop([fc.array(tagText, { minLength: 1, maxLength: 3 }), fc.array(tagText, { minLength: 1, maxLength: 2 })], { numRuns: 150 })(
    'tags and author names read back as the cleaned text in every format',
    (tags, authors) => {
      const read = readBack(feedModelsOf([{ key: 'story', lang: 'en', title: 'Story', tags, authors }]).en!);
      const expectedTags = tags.map((tag) => feedsmithView(xmlClean(tag)));
      const expectedAuthors = authors.map((name) => feedsmithView(xmlClean(name)));
      const entry = read.atom.entries?.[0];
      expect(entry?.categories?.map((category) => category.term)).toEqual(expectedTags);
      expect(entry?.categories?.map((category) => category.label)).toEqual(expectedTags);
      expect(entry?.authors?.map((author) => author.name)).toEqual(expectedAuthors);
      const item = read.rss.items?.[0];
      expect(item?.categories?.map((category) => category.name)).toEqual(expectedTags);
      expect(item?.dc?.creators).toEqual(expectedAuthors);
      const jsonItem = read.jsonData.items[0];
      expect(jsonItem.tags).toEqual(tags.map(xmlClean));
      expect(jsonItem.authors.map((author: { name: string }) => author.name)).toEqual(authors.map(xmlClean));
    },
  );

  // Regression (was a bug): title (or summary) "]]>]]><" — toAtom and toRss throw "Unencoded <". `feed` writes the
  // title as CDATA and xml-js escapes only the first "]]>" (String#replace with a string pattern), so
  // the second one closes the section and the "<" after it is raw markup. "]]>]]>&" throws
  // "Invalid character in entity name". Through the build, the whole build throws.
  test.prop([cdataSafeText(8), cdataSafeText(8), fc.constantFrom('<', '&', '<b>', '&x'), fc.boolean()], { numRuns: 50 })(
    'a title or summary holding "]]>" twice, then "<" or "&", serializes and reads back',
    (before, between, after, inSummary) => {
      const text = `${before}]]>${between}]]>${after}`;
      const spec = inSummary ? { key: 'story', lang: 'en', title: 'Story', summary: text } : { key: 'story', lang: 'en', title: text };
      const model = feedModelsOf([spec]).en!;
      const atom = parseAtomFeed(toAtom(model)).entries?.[0];
      const rss = parseRssFeed(toRss(model)).items?.[0];
      expect(inSummary ? atomText(atom?.summary) : atomText(atom?.title)).toBe(feedsmithView(xmlClean(text)));
      expect(inSummary ? decodeHTML(rss?.description ?? '') : rss?.title).toBe(feedsmithView(xmlClean(text)) ?? '');
    },
  );

  // Regression (found by this property, fixed in xml-tree.ts): title "a\rb" read back "a\nb" from Atom
  // and RSS but "a\rb" from JSON Feed, because CR was written raw and XML 1.0 §2.11 turns it into LF.
  // A YAML title "a\rb" puts a CR in the title.
  test.prop([cdataSafeText(10), cdataSafeText(10)], { numRuns: 50 })(
    'a CR in a title reads back as CR from Atom and RSS, as it does from JSON Feed',
    (before, after) => {
      const title = `${before}\r${after}`;
      const { atom, rss, json } = serializeAll(feedModelsOf([{ key: 'story', lang: 'en', title }]).en!);
      const jsonTitle = JSON.parse(json).items[0].title;
      expect(exactAtomText(exactXmlParser.parse(atom).feed.entry[0].title)).toBe(jsonTitle);
      expect(exactText(exactXmlParser.parse(rss).rss.channel.item[0].title)).toBe(jsonTitle);
    },
  );

  // Regression (found by this property, fixed in xml-tree.ts): translation title "a\nb" was written as
  // <link … title="a⏎b"/> with a raw LF, which XML 1.0 §3.3.3 attribute-value normalization turns into a
  // space for every conforming reader (libxml2, browsers; fast-xml-parser and sax happen not to). The same
  // held for tags in <category term label>. TAB, LF and CR in attribute values must be character references.
  test.prop([cdataSafeText(10), fc.constantFrom('\t', '\n', '\r'), cdataSafeText(10)], { numRuns: 50 })(
    'attribute values (translation titles, tags) hold no raw TAB, LF or CR, which readers would turn into spaces',
    (before, whitespace, after) => {
      const text = `${before}${whitespace}${after}`;
      const models = feedModelsOf([
        { key: 'story', lang: 'en', title: 'Story', tags: [text] },
        { key: 'story', lang: 'ar', title: text },
      ]);
      expect(attributesWithRawWhitespace(toAtom(models.en!))).toEqual([]);
      expect(attributesWithRawWhitespace(toRss(models.en!))).toEqual([]);
      // And the text reads back unchanged.
      const link = parseAtomFeed(toAtom(models.en!)).entries?.[0]?.links?.find((candidate) => candidate.hreflang === 'ar');
      expect(link?.title).toBe(feedsmithView(xmlClean(text)));
    },
  );
});

describe('whole build: article files on disk → buildAll()', () => {
  /** Front-matter text fields must hold something besides white space and no control character, or validation refuses them. */
  const fieldText = cdataSafeText(30).filter((text) => text.trim() !== '' && !REFUSED_CONTROL.test(text));

  test.prop([cdataSafeText(20), fc.constantFrom('\u0000', '\u0007', '\u000B', '\u001F', '\u007F', '\u0085', '\uFFFE')], { numRuns: 30 })(
    'a title holding a control character (written as a YAML escape) is refused with CONTROL_CHARACTER at the title',
    (text, control) => {
      // In the middle: at the edges, trimming removes the whitespace controls (tab-like U+000B, U+000C, U+0085).
      const title = `x${control}y${text}`;
      const result = buildAll(sourcesOf(siteFiles({ 'articles/first/en.md': articleFile({ title, date: '2025-03-14T09:30:00+01:00' }) })), { version: 'test' });
      expect(fatalErrors(result.errors).map((error) => [error.code, error.path])).toContainEqual(['CONTROL_CHARACTER', ['title']]);
      expect(result.files).toEqual([]);
    },
  );

  test.prop([fieldText, fc.option(fieldText, { nil: undefined }), fieldText], { numRuns: 30 })(
    'a title, summary and translation title written in YAML read back as the trimmed, cleaned text in every format',
    (title, summary, translationTitle) => {
      const result = buildAll(
        sourcesOf(
          siteFiles({
            'articles/first/en.md': undefined,
            'articles/story/en.md': articleFile({ title, summary, date: '2025-03-14T09:30:00+01:00' }),
            'articles/story/ar.md': articleFile({ title: translationTitle, date: '2025-03-14T09:30:00+01:00' }),
          }),
        ),
        { version: 'test' },
      );
      expect(fatalErrors(result.errors)).toEqual([]);
      const file = (path: string) => bodyText(result.files.find((candidate) => candidate.path === path)!.body);
      // Validation trims the text; cleaning comes after, in toItemModel.
      const [cleanTitle, cleanSummary, cleanTranslation] = [title, summary ?? '', translationTitle].map((text) => xmlClean(text.trim())) as [string, string, string];
      for (const xml of [file('en/atom.xml'), file('en/rss.xml')]) {
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(forbiddenXmlCharacters(xml)).toEqual([]);
        expect(xml).not.toContain('\r');
        expect(attributesWithRawWhitespace(xml)).toEqual([]);
      }
      const entry = parseAtomFeed(file('en/atom.xml')).entries?.[0];
      expect(atomText(entry?.title)).toBe(feedsmithView(cleanTitle));
      expect(atomText(entry?.summary)).toBe(summary === undefined ? undefined : feedsmithView(cleanSummary));
      expect(entry?.links?.find((link) => link.hreflang === 'ar')?.title).toBe(feedsmithView(cleanTranslation));
      const item = parseRssFeed(file('en/rss.xml')).items?.[0];
      expect(item?.title).toBe(feedsmithView(cleanTitle));
      expect(item?.description === undefined ? undefined : decodeHTML(item.description)).toBe(summary === undefined ? undefined : feedsmithView(cleanSummary));
      const data = JSON.parse(file('en/feed.json'));
      expect(jsonFeedSchemaErrors(data)).toBeNull();
      expect(data.items[0].title).toBe(cleanTitle || undefined);
      expect(data.items[0].summary).toBe(summary === undefined ? undefined : cleanSummary);
      expect(data.items[0]._polyfeed.translations[0].title).toBe(cleanTranslation);
    },
  );

  // Regression (was a bug): an article titled "]]>]]><" makes buildAll() throw "Unencoded <" instead of writing the feeds
  // (the CDATA bug above, reached from a file); `polyfeed build` crashes.
  test('an article titled "]]>]]><" builds', () => {
    const result = buildAll(sourcesOf(siteFiles({ 'articles/first/en.md': articleFile({ title: ']]>]]><', date: '2025-03-14T09:30:00+01:00' }) })), { version: 'test' });
    expect(result.errors).toEqual([]);
  });
});

describe('markup-like text is declared so that no reader or validator takes it for HTML', () => {
  const markupLike = fc.array(fc.constantFrom('AT&T', 'Q&A', '1 < 2', '<title>', '&amp;', '&copy', '&#169;', '</b>', 'x', ' ', 'é'), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
  test.prop([markupLike, markupLike], { numRuns: 150 })(
    'RSS writes "&", "<", ">" of plain text as hexadecimal references; Atom declares such text type="html", escaped',
    (title, tag) => {
      const model = feedModelsOf([{ key: 'story', lang: 'en', title, tags: [tag], authors: [tag] }]).en!;
      const rss = toRss(model);
      for (const [, text] of rss.matchAll(/<(?:title|category|dc:creator)>([^<]*)</g)) expect(text).not.toMatch(/&(?!#x(?:26|3C|3E);)/);
      const atom = toAtom(model);
      const entry = exactXmlParser.parse(atom).feed.entry[0];
      expect(entry.title['@type']).toBe(/[<&]/.test(title) ? 'html' : 'text');
      expect(exactAtomText(entry.title)).toBe(title);
      for (const [, text] of atom.matchAll(/<name>([^<]*)</g)) expect(text).not.toMatch(/&(?!#x(?:26|3C|3E);)/);
    },
  );
});
