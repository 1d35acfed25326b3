// Feeds of every item (maxItems: 0) are streamed: byte for byte what the whole-feed serializers write,
// and a problem met halfway leaves every published feed as it was.
import { bodyText } from '../../src/model/output-file.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/run/build-site.js';
import { readSources } from '../../src/load/read-sources.js';
import { readPolyfeedVersion } from '../../src/run/polyfeed-version.js';
import { publishedAt } from '../../src/model/publication-window.js';
import { validateSite } from '../../src/run/validate-site.js';
import { readEntries, renderEntries, renderTools } from '../../src/feeds/render-entries.js';
import { buildFeedHead, toItemModel } from '../../src/serialize/build-feed-model.js';
import { feedFormats } from '../../src/serialize/feed-formats.js';
import type { FeedModel } from '../../src/serialize/feed-model.js';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, sampleSiteFiles, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** The sample site's pages for people (subscribePage): outputs that are not feeds. */
const PAGES = ['feed.css', 'feeds-head.html', 'index.html'];

/** Every feed a build made (its pages for people left out), as whole files, in memory. */
function collect(result: BuildResult): Record<string, string> {
  const files = Object.fromEntries(result.files.filter((file) => !PAGES.includes(file.path)).map((file) => [file.path, bodyText(file.body)]));
  expect(result.errors).toEqual([]);
  return files;
}

/** A copy of the sample site in a temporary folder, with `maxItems` set. */
function sampleSiteWith(maxItems: number): string {
  const root = writeSite(sampleSiteFiles());
  const config = readFileSync(join(root, 'polyfeed.config.yaml'), 'utf8');
  expect(config).toMatch(/^maxItems: \d+$/m);
  writeFileSync(join(root, 'polyfeed.config.yaml'), config.replace(/^maxItems: \d+$/m, `maxItems: ${maxItems}`));
  return root;
}

/**
 * The reference the streamed feeds are held to: each feed serialized at once, every item of it in one
 * FeedModel given to the whole-feed serializer of its format (feedFormats[format].serialize). The
 * streamed path never does that: it cuts an empty feed's text into a head and a tail and splices in
 * items serialized a batch at a time (serialize-in-parts), through the feed writer that both
 * `stream: true` and `stream: false` builds read. What the two share, and this test therefore does
 * not check, is everything before serializing: reading, rendering (templates, Markdown) and the item
 * model (toItemModel); the golden files and tests/integration/sample-site.test.ts check those.
 */
function feedsSerializedWhole(root: string, version: string): Record<string, string> {
  const { site, errors } = validateSite(readSources(root), publishedAt(Date.now()));
  expect(errors).toEqual([]);
  const { config } = site!;
  const tools = renderTools(site!);
  const feeds: Record<string, string> = {};
  for (const lang of config.languages) {
    const entries = site!.published.newestOf(lang, config.maxItems);
    const read = readEntries(site!, entries);
    const t = tools.translatorFor(lang);
    const rendered = renderEntries(site!, read.articles, tools);
    expect([...read.errors, ...rendered.errors]).toEqual([]);
    expect(rendered.items).toHaveLength(entries.length);
    const items = rendered.items.map((item) => toItemModel(item, config, site!.staticFiles));
    // A feed's date is its newest item's update; a feed without items takes the site's newest.
    const newestUpdateMs = items.length === 0 ? site!.newestUpdateMs : Math.max(...items.map((item) => item.updated.getTime()));
    const model: FeedModel = { ...buildFeedHead({ lang, newestUpdateMs, config, t, version }), items };
    for (const format of config.formats) feeds[`${lang}/${feedFormats[format].fileName}`] = feedFormats[format].serialize(model);
  }
  return feeds;
}

/** `version` in the Atom generator element: the only place a feed names polyfeed's version. */
const atomGenerator = (version: string) => `<generator uri="https://www.npmjs.com/package/polyfeed" version="${version}">polyfeed</generator>`;

describe('streamed feeds', () => {
  test.each([0, 2, 50])('equal the whole feeds, serialized at once, for the sample site with maxItems %i', (maxItems) => {
    const root = sampleSiteWith(maxItems);
    const streamed = build(readSources(root), { version: 'test', stream: true });
    const inMemory = build(readSources(root), { version: 'test', stream: false });
    expect(streamed.files.every((file) => typeof file.body === 'function')).toBe(true);
    expect(inMemory.files.every((file) => typeof file.body === 'string')).toBe(true);
    const reference = feedsSerializedWhole(root, 'test');
    expect(Object.keys(reference)).toHaveLength(15);
    expect(collect(streamed)).toEqual(reference);
    expect(collect(inMemory)).toEqual(reference);
    const pagesOf = (result: BuildResult) => result.files.filter((file) => PAGES.includes(file.path)).map((file) => [file.path, bodyText(file.body)]);
    expect(pagesOf(streamed)).toEqual(pagesOf(inMemory));
    expect(pagesOf(streamed)).toHaveLength(3);
  });

  test('equal the whole feeds when a feed holds more items than a batch (230 items, batches of 100)', () => {
    const config = 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Desk]\nmaxItems: 0\n';
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': config, ...generateArticles(230, 'v') }));
    const reference = feedsSerializedWhole(root, 'test');
    expect(JSON.parse(reference['en/feed.json']!).items).toHaveLength(231);
    expect(collect(build(readSources(root), { version: 'test', stream: true }))).toEqual(reference);
  });

  // Independent of the in-memory build in how the feeds are made and written: on worker threads,
  // a slice of entries at a time, staged and published by the CLI (they share the feed writer).
  test('through the CLI on two worker threads, equal the in-memory build and the golden files', () => {
    const root = sampleSiteWith(0);
    const run = runCli(['build', '--root', root, '--jobs', '2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const published = Object.fromEntries(Object.entries(readTree(join(root, 'public'))).filter(([path]) => !PAGES.includes(path)).map(([path, bytes]) => [path, bytes.toString('utf8')]));
    const version = readPolyfeedVersion();
    expect(published).toEqual(collect(build(readSources(root), { version, stream: false })));
    // The golden files are the sample site as configured (maxItems: 50) with the version "golden":
    // the same items, as no language has 50, and the same bytes but for the generator's version.
    for (const [path, text] of Object.entries(published)) {
      const golden = readFileSync(join(repoRoot, 'tests/golden/sample-site/expected', path), 'utf8');
      if (path.endsWith('/feed.json')) expect(JSON.parse(text).items.length).toBeLessThan(50);
      if (path.endsWith('/atom.xml')) expect(text.split(atomGenerator(version))).toHaveLength(2);
      expect(text.replace(atomGenerator(version), atomGenerator('golden')), path).toBe(golden);
    }
    expect(Object.keys(published)).toHaveLength(15);
  });

  test('maxItems: 0 puts every item in, through the CLI, in batches', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Desk]\nmaxItems: 0\n', ...generateArticles(230, 'v') }));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(0);
    const feed = JSON.parse(readTree(join(root, 'public'))['en/feed.json']!.toString());
    expect(feed.items).toHaveLength(231);
  });

  test('a template problem met halfway through a stream publishes nothing', () => {
    // The newest item has an image, so check passes; an older one has none, and this template reads image.alt unguarded.
    const item = siteFiles()['templates/item.hbs']!.replace('{{body}}', '{{body}}<p>{{image.alt}}</p>');
    const withImage = '---\ntitle: New\ndate: 2025-05-01T00:00:00Z\nimage: { src: "https://cdn.example.org/a.jpg", alt: A }\n---\nNew.\n';
    const files = siteFiles({ 'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Desk]\nmaxItems: 0\n', 'articles/new/en.md': withImage });
    const root = writeSite(files);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const before = readTree(join(root, 'public'));
    writeFileSync(join(root, 'templates/item.hbs'), item);
    writeFileSync(join(root, 'articles/new/en.md'), withImage.replace('New.', 'Newer.'));
    expect(runCli(['check', '--root', root]).status).toBe(0);
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TEMPLATE_RENDER');
    expect(readTree(join(root, 'public'))).toEqual(before);
  });
});
