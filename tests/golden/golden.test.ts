// Golden files: every output of the sample site (the repository root), built in memory, compared
// byte for byte with a committed file under sample-site/expected/, so a reviewer reads any change
// to a feed in the diff; and a broken site whose expected output is the CLI's report of its problems.
// After a deliberate change: `npx vitest run tests/golden -u`, then review and commit the diff.
// CI (CI=true) never writes them: vitest neither creates nor updates snapshots there, so a missing
// or different golden file fails.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, test } from 'vitest';
import { readSources } from '../../src/load/read-sources.js';
import { bodyText } from '../../src/model/output-file.js';
import { build } from '../../src/run/build-site.js';
import { atomText } from '../helpers/atom-text.js';
import { expectedFeedItems, readSampleArticles, readSampleFallbacks } from '../helpers/read-sample-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, writeSite } from '../helpers/site-fixture.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE_EXPECTED = join(here, 'sample-site/expected');
const BROKEN_CASE = join(here, 'broken-site');
const BASE_URL = 'https://news.example.org/';
/** Written into every feed's generator element, so the golden files do not change with polyfeed's version. */
const VERSION = 'golden';
const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];
/** The sample site sets `subscribePage`: its pages for people are outputs too (README, "A page for people"). */
const PAGES = ['feed.css', 'feeds-head.html', 'index.html'];
const OUTPUTS = [...LANGUAGES.flatMap((lang) => [`${lang}/rss.xml`, `${lang}/atom.xml`, `${lang}/feed.json`]), ...PAGES];
const ATOM_GRAMMAR = readFileSync(join(repoRoot, 'tests/fixtures/schemas/atom.rng'), 'utf8');

/** Every file under a folder, as sorted relative paths with `/` separators. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1).split('\\').join('/'))
    .sort();
}

const result = build(readSources(repoRoot), { version: VERSION });
const outputs = new Map(result.files.map((file) => [file.path, bodyText(file.body)]));

/** An output of the sample site, as text: byte for byte its golden file once the comparisons below pass. */
function output(path: string): string {
  const text = outputs.get(path);
  if (text === undefined) throw new Error(`the build made no ${path}`);
  return text;
}

describe('the sample site matches its golden files', () => {
  test('builds without problems, exactly the expected outputs', () => {
    expect(result.errors).toEqual([]);
    expect([...outputs.keys()].sort()).toEqual([...OUTPUTS].sort());
  });

  test.each(OUTPUTS)('%s', async (path) => {
    await expect(output(path)).toMatchFileSnapshot(join(SAMPLE_EXPECTED, path));
  });

  test('sample-site/expected/ holds nothing but golden files of outputs', () => {
    // vitest does not remove a golden file whose output is gone: a left-over one fails here, to be deleted by hand.
    // (A missing one fails its comparison above, in CI, where vitest will not create it.)
    const leftOver = filesUnder(SAMPLE_EXPECTED).filter((path) => !OUTPUTS.includes(path));
    expect(leftOver).toEqual([]);
  });
});

/** The sample site's published versions in a language, and its fallback items (see expectedFeedItems), newest first: the items every feed of it must carry. */
function publishedIn(lang: string) {
  return expectedFeedItems(readSampleArticles(repoRoot, BASE_URL), lang, readSampleFallbacks(repoRoot));
}

// Matching golden bytes says nothing of whether those bytes are a valid feed: each output, which the
// comparisons above hold equal to its golden file, is parsed by parsers that share no code with polyfeed.
describe.each(LANGUAGES)('the golden %s feeds, parsed back', (lang) => {
  test('rss.xml is well-formed RSS 2.0 carrying every published version, newest first', () => {
    const xml = output(`${lang}/rss.xml`);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseRssFeed(xml);
    const articles = publishedIn(lang);
    expect(feed.language).toBe(lang);
    expect(feed.generator).toBe('polyfeed');
    expect(feed.items?.map((item) => item.guid?.value)).toEqual(articles.map((article) => article.url));
    expect(feed.items?.map((item) => item.title)).toEqual(articles.map((article) => article.title));
  });

  test('atom.xml is well-formed, valid against the RELAX NG grammar for RFC 4287, and carries the same entries', async () => {
    const xml = output(`${lang}/atom.xml`);
    expect(XMLValidator.validate(xml)).toBe(true);
    const lint = await validateXML({ xml: [{ fileName: 'atom.xml', contents: xml }], schema: [{ fileName: 'atom.rng', contents: ATOM_GRAMMAR }], extension: 'relaxng' });
    expect(lint.valid, lint.rawOutput).toBe(true);
    const feed = parseAtomFeed(xml);
    const articles = publishedIn(lang);
    expect(feed.generator?.version).toBe(VERSION);
    expect(feed.entries?.map((entry) => entry.id)).toEqual(articles.map((article) => article.url));
    expect(feed.entries?.map((entry) => atomText(entry.title))).toEqual(articles.map((article) => article.title));
  });

  test('feed.json is valid against the JSON Feed 1.1 schema and carries the same items', () => {
    const text = output(`${lang}/feed.json`);
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'));
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const feed = parseJsonFeed(text);
    const articles = publishedIn(lang);
    expect(feed.language).toBe(lang);
    expect(feed.items?.map((item) => item.id)).toEqual(articles.map((article) => article.url));
    expect(feed.items?.map((item) => item.title)).toEqual(articles.map((article) => article.title));
  });
});

describe('a broken site', () => {
  // broken-site/ is a small two-language site with a problem in most of its files (the expected/
  // folder aside); it is copied to a temporary folder, so the run writes nothing into the repository.
  test('is refused with the report in broken-site/expected/report.txt, and nothing is written', async () => {
    const files = Object.entries(readTree(BROKEN_CASE)).filter(([path]) => !path.startsWith('expected/'));
    const root = writeSite(Object.fromEntries(files));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    await expect(run.stderr).toMatchFileSnapshot(join(BROKEN_CASE, 'expected/report.txt'));
    expect(filesUnder(join(root, 'public'))).toEqual([]);
  });
});
