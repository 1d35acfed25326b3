// Properties of item ids: all three formats of a language carry the same ids in the same order, and an
// item's id depends on nothing but its article key, language and explicit `id`.
import { bodyText } from '../../src/model/output-file.js';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { FrontMatterSchema } from '../../src/model/article-schema.js';
import { siteFiles, sourcesOf } from '../helpers/site-fixture.js';
import {
  articleDate,
  articleFile,
  articleKey,
  BASE_URL,
  expectedIds,
  fatalErrors,
  feedModelsOf,
  forbiddenXmlCharacters,
  frontMatterText,
  idsByFormat,
  serializeAll,
  siteArbitrary,
  siteFilesOf,
  xmlClean,
  type ArticleSpec,
} from './support.js';
import { buildAll } from './support.js';

const LANGUAGES = ['en', 'ar'] as const;

/** An explicit id the schema accepts: a scheme, ":", then anything without white space. */
const explicitId = fc
  .tuple(
    fc.constantFrom('tag', 'urn', 'https', 'HTTPS', 'http', 'x-y.z+w'),
    fc.array(
      fc.oneof(
        fc.constantFrom('//Example.ORG', '//example.org', '/a', '/../b', '?q=1&r=2', '#f', '&amp;', 'é', '日本', '[', ']', '%zz', '%41', '\u0001', '\uD800', 'x', ':', ',2025:'),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([scheme, parts]) => `${scheme}:${parts.join('')}`)
  .filter((id) => FrontMatterSchema.shape.id.safeParse(id).success);

/** Builds the fixture site with its one article pinned to an explicit id. */
const buildWithId = (id: string) =>
  buildAll(sourcesOf(siteFiles({ 'articles/first/en.md': articleFile({ title: 'First', date: '2025-03-14T09:30:00+01:00', id }) })), { version: 'test' });

/** The English feeds of a build, by format. */
function feedsOf(result: ReturnType<typeof buildAll>) {
  expect(fatalErrors(result.errors)).toEqual([]);
  const file = (path: string) => bodyText(result.files.find((candidate) => candidate.path === path)!.body);
  return { atom: file('en/atom.xml'), rss: file('en/rss.xml'), json: file('en/feed.json') };
}

/** A `tag:` id in a safe alphabet, which every format keeps as written. */
const plainId = (key: string, lang: string) => `tag:example.org,2025:${encodeURIComponent(key)}/${lang}`;

describe('every format of a language carries the same item ids in the same order', () => {
  test.prop([siteArbitrary({ maxArticles: 8 })], { numRuns: 200 })('serializer level', (site) => {
    const specs: ArticleSpec[] = site.articles.flatMap((article) =>
      article.versions.filter((version) => !version.draft).map((version) => ({ key: article.key, ...version })),
    );
    const models = feedModelsOf(specs);
    for (const lang of LANGUAGES) {
      const ids = idsByFormat(serializeAll(models[lang]!));
      const expected = expectedIds({ ...site, maxItems: 50 }, lang);
      expect(ids.atom).toEqual(expected);
      expect(ids.rss).toEqual(expected);
      expect(ids.json).toEqual(expected);
    }
  });

  test.prop([siteArbitrary()], { numRuns: 30 })('whole build, with drafts and maxItems', (site) => {
    const result = buildAll(sourcesOf(siteFilesOf(site)), { version: 'test' });
    expect(fatalErrors(result.errors)).toEqual([]);
    const file = (path: string) => bodyText(result.files.find((candidate) => candidate.path === path)!.body);
    for (const lang of LANGUAGES) {
      const ids = idsByFormat({ atom: file(`${lang}/atom.xml`), rss: file(`${lang}/rss.xml`), json: file(`${lang}/feed.json`) });
      const expected = expectedIds(site, lang);
      expect(ids.atom).toEqual(expected);
      expect(ids.rss).toEqual(expected);
      expect(ids.json).toEqual(expected);
    }
  });

  // Regression (was a bug): an explicit id is carried as written by RSS and JSON Feed, but Atom runs it through `new URL()`
  // (`feed`'s sanitizeUrl on the entry id), so a reader sees a different item in Atom:
  // "https://example.org" → Atom id "https://example.org/" (RSS, JSON Feed: "https://example.org");
  // also "HTTPS://Example.ORG/A" → "https://example.org/A", "https://example.org/a/../b" →
  // "https://example.org/b", "tag:é" → "tag:%C3%A9".
  test.prop([explicitId.filter((id) => xmlClean(id) === id)], { numRuns: 100 })('any id the schema accepts is carried unchanged by every format', (id) => {
    const ids = idsByFormat(serializeAll(feedModelsOf([{ key: 'story', lang: 'en', title: 'Story', id }]).en!));
    expect(ids).toEqual({ atom: [id], rss: [id], json: [id] });
  });

  // Regression (was a bug): an article with `id: "https://example.org"` builds, and its
  // Atom entry id is "https://example.org/" while RSS and JSON Feed say "https://example.org".
  test('whole build: an explicit id "https://example.org" is the same in every format', () => {
    const ids = idsByFormat(feedsOf(buildWithId('https://example.org')));
    expect(ids).toEqual({ atom: ['https://example.org'], rss: ['https://example.org'], json: ['https://example.org'] });
  });

  // Regression (was a bug): `id: "http://[x"` passes the schema (scheme, ":", no white space), then buildAll() throws
  // "Invalid URL" from `feed`'s sanitizeUrl in toAtom: `polyfeed build` crashes instead of reporting it.
  test('whole build: an id the schema accepts but URL parsing refuses is reported, not thrown', () => {
    let result: ReturnType<typeof buildAll> | undefined;
    expect(() => (result = buildWithId('http://[x'))).not.toThrow();
    // articleFile writes title, date, then `id: "http://[x"` on line 4: the problem points at the value's opening quote.
    const problems = result!.errors.map(({ code, severity, file, line, column, path }) => ({ code, severity, file, line, column, path }));
    expect(problems).toEqual([{ code: 'INVALID_URL', severity: 'error', file: 'articles/first/en.md', line: 4, column: 5, path: ['id'] }]);
    expect(result!.files).toEqual([]);
  });

  // Regression (was a bug): `id: "tag:a\u0001b"` (a YAML escape, so CONTROL_CHARACTER, which reads the raw file, misses it;
  // the schema's \S accepts controls) builds, and RSS writes a raw U+0001 into <guid>: the file is not
  // well-formed XML. Ids are not cleaned like text fields, nor refused by validation; either would do.
  test.prop([fc.constantFrom('\u0000', '\u0001', '\u000B', '\u001F', '\uFFFE', '\uD800'), fc.constantFrom('tag:example.org,2025:', 'urn:x:')], { numRuns: 10 })(
    'whole build: an id holding an XML-forbidden character is refused or written as well-formed XML',
    (forbidden, prefix) => {
      const result = buildWithId(`${prefix}a${forbidden}b`);
      if (fatalErrors(result.errors).length > 0) return;
      for (const file of result.files.filter((candidate) => candidate.path.endsWith('.xml'))) expect(forbiddenXmlCharacters(bodyText(file.body)), file.path).toEqual([]);
    },
  );
});

/** One language version as a variant: what may change without changing the id. */
const variant = fc.record({
  title: frontMatterText(),
  summary: fc.option(frontMatterText(), { nil: undefined }),
  body: fc.constantFrom('Hello.', 'A **different** body.', '## New\n\nText [link](/x/).'),
  date: articleDate,
  withTranslation: fc.boolean(),
  translationTitle: frontMatterText(),
});

describe("an item's id does not change when its title, body, date or translations change", () => {
  test.prop([articleKey, fc.boolean(), variant, variant], { numRuns: 200 })('serializer level', (key, pinned, before, after) => {
    const id = pinned ? plainId(key, 'en') : undefined;
    const idsOf = (version: typeof before) => {
      const specs: ArticleSpec[] = [{ key, lang: 'en', title: version.title, summary: version.summary, body: version.body, date: version.date, id }];
      if (version.withTranslation) specs.push({ key, lang: 'ar', title: version.translationTitle, date: version.date });
      return idsByFormat(serializeAll(feedModelsOf(specs).en!));
    };
    const expected = [id ?? `${BASE_URL}en/${encodeURIComponent(key)}/`];
    const [first, second] = [idsOf(before), idsOf(after)];
    expect(first).toEqual({ atom: expected, rss: expected, json: expected });
    expect(second).toEqual(first);
  });

  test.prop([articleKey.filter((key) => key !== 'first'), fc.boolean(), variant, variant], { numRuns: 15 })(
    'whole build: edit the article and add or remove its ar.md',
    (key, pinned, before, after) => {
      const id = pinned ? plainId(key, 'en') : undefined;
      /** Ids of this article's English item in every format, found by its link among the site's other items. */
      const idsOf = (version: typeof before) => {
        const result = buildAll(
          sourcesOf(
            siteFiles({
              [`articles/${key}/en.md`]: articleFile({ title: version.title, summary: version.summary, date: version.date, id }, `${version.body}\n`),
              [`articles/${key}/ar.md`]: version.withTranslation ? articleFile({ title: version.translationTitle, date: version.date }) : undefined,
            }),
          ),
          { version: 'test' },
        );
        expect(fatalErrors(result.errors)).toEqual([]);
        const url = `${BASE_URL}en/${encodeURIComponent(key)}/`;
        const json = JSON.parse(bodyText(result.files.find((file) => file.path === 'en/feed.json')!.body));
        const index = json.items.findIndex((item: { url: string }) => item.url === url);
        expect(index).toBeGreaterThanOrEqual(0);
        const file = (path: string) => bodyText(result.files.find((candidate) => candidate.path === path)!.body);
        const ids = idsByFormat({ atom: file('en/atom.xml'), rss: file('en/rss.xml'), json: file('en/feed.json') });
        return { atom: ids.atom[index], rss: ids.rss[index], json: ids.json[index] };
      };
      const expected = id ?? `${BASE_URL}en/${encodeURIComponent(key)}/`;
      const [first, second] = [idsOf(before), idsOf(after)];
      expect(first).toEqual({ atom: expected, rss: expected, json: expected });
      expect(second).toEqual(first);
    },
  );
});
