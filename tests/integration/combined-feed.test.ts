// The combined feed (issue 15, "A combined feed"): with `combinedFeed`, mul/ holds one feed per
// format of every published version of every language, each item marked with its language and
// linked to its other versions, titled with every language's feed title; rewritten exactly when
// what it shows changes, byte for byte what a build without the cache writes.
import { readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, sampleSiteFiles, writeSite } from '../helpers/site-fixture.js';

/** The sample site's pages that list every feed (subscribePage): they name the combined feed when there is one. */
const LISTING_PAGES = ['index.html', 'feeds-head.html'];

const require = createRequire(import.meta.url);
const ATOM_GRAMMAR = readFileSync(join(repoRoot, 'tests/fixtures/schemas/atom.rng'), 'utf8');
const SAMPLE_CONFIG = readFileSync(join(repoRoot, 'polyfeed.config.yaml'), 'utf8');
const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];
const NOW = '2026-01-01T00:00:00Z';

/** The sample site with `extra` config lines (a later line of a key replaces the sample's). */
function sampleSite(extra: string): string {
  const lines = extra.split('\n').filter((line) => line !== '');
  const keys = new Set(lines.map((line) => line.slice(0, line.indexOf(':'))));
  const kept = SAMPLE_CONFIG.split('\n').filter((line) => !keys.has(line.slice(0, line.indexOf(':'))));
  return writeSite({ ...sampleSiteFiles(), 'polyfeed.config.yaml': `${kept.join('\n')}\n${lines.join('\n')}\n` });
}

const build = (root: string, ...args: string[]) => runCli(['build', '--root', root, '--now', NOW, ...args]);
const read = (root: string, path: string, out = 'public') => readFileSync(join(root, out, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['link', 'entry', 'item'].includes(name) });

interface ItemFacts {
  readonly id: string;
  readonly lang: string;
  readonly translations: readonly string[];
  readonly html: string;
}

/** Each item of a JSON Feed: its id, its language (the item's, else the feed's), its translation links (language and URL) and its HTML. */
function jsonItems(text: string): ItemFacts[] {
  const feed = JSON.parse(text);
  return feed.items.map((item: Record<string, any>) => ({
    id: item.id,
    lang: item.language ?? feed.language,
    translations: (item._polyfeed?.translations ?? []).map((link: { language: string; url: string }) => `${link.language} ${link.url}`),
    html: item.content_html,
  }));
}

/** Each entry of an Atom feed: its id, its xml:lang (else the feed's), its other alternates (hreflang and URL) and its content. */
function atomItems(text: string): ItemFacts[] {
  const feed = xml.parse(text).feed;
  return (feed.entry ?? []).map((entry: Record<string, any>) => ({
    id: entry.id,
    lang: entry['@xml:lang'] ?? feed['@xml:lang'],
    // Its other language versions (x-default, the default language's version again, is not one of them).
    translations: entry.link.filter((link: Record<string, string>) => link['@rel'] === 'alternate' && link['@hreflang'] !== 'x-default').slice(1).map((link: Record<string, string>) => `${link['@hreflang']} ${link['@href']}`),
    html: entry.content['#text'],
  }));
}

/** Each item of an RSS feed: its guid and its dc:language (else the channel's). */
function rssItems(text: string): { id: string; lang: string }[] {
  const channel = xml.parse(text).rss.channel;
  return (channel.item ?? []).map((item: Record<string, any>) => ({ id: item.guid['#text'], lang: item['dc:language'] ?? channel.language }));
}

describe('the combined feed of the sample site, in every format', () => {
  let root: string;
  beforeAll(() => {
    root = sampleSite('combinedFeed: [rss, atom, json]');
    const run = build(root);
    expect(run.status, run.stderr).toBe(0);
  });

  /** Every language feed's items, by id: what the combined feed must carry, each once. */
  // Each language's own versions: an item its feeds take from another language by a fallback (the sample's pt-BR) is that language's.
  const languageItems = () => LANGUAGES.flatMap((lang) => jsonItems(read(root, `${lang}/feed.json`)).filter((item) => item.lang === lang));

  test('is written to mul/ in each format, tagged "mul", and its formats parse and validate', async () => {
    expect(['mul/rss.xml', 'mul/atom.xml', 'mul/feed.json'].every((path) => existsSync(join(root, 'public', path)))).toBe(true);
    const rss = read(root, 'mul/rss.xml');
    const atom = read(root, 'mul/atom.xml');
    const json = read(root, 'mul/feed.json');
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(XMLValidator.validate(atom)).toBe(true);
    const lint = await validateXML({ xml: [{ fileName: 'atom.xml', contents: atom }], schema: [{ fileName: 'atom.rng', contents: ATOM_GRAMMAR }], extension: 'relaxng' });
    expect(lint.valid, lint.rawOutput).toBe(true);
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'));
    expect(validate(JSON.parse(json)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseRssFeed(rss).language).toBe('mul');
    expect(xml.parse(atom).feed['@xml:lang']).toBe('mul');
    expect(parseJsonFeed(json).language).toBe('mul');
  });

  test('carries every published version of every language once, newest first, ties by id', () => {
    const expected = languageItems().map((item) => item.id);
    const json = parseJsonFeed(read(root, 'mul/feed.json'));
    const ids = { rss: rssItems(read(root, 'mul/rss.xml')).map((item) => item.id), atom: atomItems(read(root, 'mul/atom.xml')).map((item) => item.id), json: json.items!.map((item) => item.id) };
    expect(ids.json.length).toBe(expected.length);
    expect(new Set(ids.json)).toEqual(new Set(expected));
    expect(ids.rss).toEqual(ids.json);
    expect(ids.atom).toEqual(ids.json);
    const dates = json.items!.map((item) => Date.parse(item.date_published!));
    json.items!.forEach((item, index) => {
      if (index === 0) return;
      const previous = json.items![index - 1]!;
      expect(dates[index]! < dates[index - 1]! || (dates[index] === dates[index - 1] && previous.id! < item.id!)).toBe(true);
    });
  });

  test('marks each item with its language (RSS dc:language, Atom xml:lang, JSON Feed language), links its translations and renders it in its language', () => {
    const byId = new Map(languageItems().map((item) => [item.id, item]));
    const langs = (items: { id: string; lang: string }[]) => items.map((item) => [item.id, item.lang]);
    const expected = jsonItems(read(root, 'mul/feed.json')).map((item) => [item.id, byId.get(item.id)!.lang]);
    expect(new Set(expected.map(([, lang]) => lang))).toEqual(new Set(LANGUAGES));
    expect(langs(jsonItems(read(root, 'mul/feed.json')))).toEqual(expected);
    expect(langs(atomItems(read(root, 'mul/atom.xml')))).toEqual(expected);
    expect(langs(rssItems(read(root, 'mul/rss.xml')))).toEqual(expected);
    for (const item of [...jsonItems(read(root, 'mul/feed.json')), ...atomItems(read(root, 'mul/atom.xml'))]) {
      const own = byId.get(item.id)!;
      expect(item.translations).toEqual(own.translations);
      // The item HTML is its language feed's: lang, dir and labels are the item's own language's.
      expect(item.html).toBe(own.html);
    }
    expect(jsonItems(read(root, 'mul/feed.json')).some((item) => item.translations.length > 0)).toBe(true);
  });

  test('is titled with every language\'s feed title, the default language first, each distinct title once, each isolated (Arabic runs right to left among the others)', () => {
    const titles = [...new Set(LANGUAGES.map((lang) => parseJsonFeed(read(root, `${lang}/feed.json`)).title))];
    const expected = titles.map((title) => `\u2068${title}\u2069`).join(' · ');
    expect(parseJsonFeed(read(root, 'mul/feed.json')).title).toBe(expected);
    expect(parseRssFeed(read(root, 'mul/rss.xml')).title).toBe(expected);
    const atomTitle = parseAtomFeed(read(root, 'mul/atom.xml')).title;
    expect(typeof atomTitle === 'string' ? atomTitle : (atomTitle as { value?: string })?.value).toBe(expected);
    expect(parseJsonFeed(read(root, 'mul/feed.json')).home_page_url).toBe('https://news.example.org/');
  });

  test('leaves every language feed as a build without it writes them', () => {
    const plain = sampleSite('');
    expect(build(plain).status).toBe(0);
    // The subscribe page and its snippet list the combined feed too (the sample site sets subscribePage).
    const withCombined = Object.entries(readTree(join(root, 'public'))).filter(([path]) => !path.startsWith('mul/') && !LISTING_PAGES.includes(path));
    const plainFiles = Object.fromEntries(Object.entries(readTree(join(plain, 'public'))).filter(([path]) => !LISTING_PAGES.includes(path)));
    expect(Object.fromEntries(withCombined)).toEqual(plainFiles);
  });
});

describe('the combined feed follows the settings', () => {
  test('none by default; only the formats listed', () => {
    const none = sampleSite('');
    expect(build(none).status).toBe(0);
    expect(existsSync(join(none, 'public/mul'))).toBe(false);
    const some = sampleSite('combinedFeed: [atom]');
    expect(build(some).status).toBe(0);
    expect(Object.keys(readTree(join(some, 'public/mul')))).toEqual(['atom.xml']);
  });

  test('maxItems keeps the newest items of all languages', () => {
    const all = sampleSite('combinedFeed: [json]');
    const two = sampleSite('combinedFeed: [json]\nmaxItems: 2');
    expect(build(all).status).toBe(0);
    expect(build(two).status).toBe(0);
    const ids = (site: string) => parseJsonFeed(read(site, 'mul/feed.json')).items!.map((item) => item.id);
    expect(ids(two)).toEqual(ids(all).slice(0, 2));
  });

  test('with maxItems 0, holds every version, the same bytes whether worker threads make it or not', () => {
    const root = sampleSite('combinedFeed: [rss, atom, json]\nmaxItems: 0');
    expect(build(root, '--jobs', '2').status).toBe(0);
    expect(build(root, '--jobs', '1', '--no-cache', '--out', join(root, 'one-thread')).status).toBe(0);
    for (const file of ['mul/rss.xml', 'mul/atom.xml', 'mul/feed.json']) expect(read(root, file)).toBe(read(root, file, 'one-thread'));
    const every = LANGUAGES.flatMap((lang) => jsonItems(read(root, `${lang}/feed.json`)).filter((item) => item.lang === lang).map((item) => item.id));
    expect(every.length).toBeGreaterThan(0);
    expect(parseJsonFeed(read(root, 'mul/feed.json')).items!.map((item) => item.id).sort()).toEqual(every.sort());
  });

  test('has no archive pages, and leaves the languages\' archive pages as they are', () => {
    const archived = sampleSite('combinedFeed: [atom, json]\nmaxItems: 1\narchivePageSize: 1');
    const plain = sampleSite('maxItems: 1\narchivePageSize: 1');
    expect(build(archived).status).toBe(0);
    expect(build(plain).status).toBe(0);
    expect(Object.keys(readTree(join(archived, 'public/mul')))).toEqual(['atom.xml', 'feed.json']);
    const combined = JSON.parse(read(archived, 'mul/feed.json'));
    expect(combined.items).toHaveLength(1);
    expect(combined.next_url).toBeUndefined();
    expect(combined._polyfeed).toBeUndefined();
    const languages = Object.fromEntries(Object.entries(readTree(join(archived, 'public'))).filter(([path]) => !path.startsWith('mul/') && !LISTING_PAGES.includes(path)));
    expect(languages).toEqual(Object.fromEntries(Object.entries(readTree(join(plain, 'public'))).filter(([path]) => !LISTING_PAGES.includes(path))));
  });

  test('a language "mul" beside combinedFeed is a config problem', () => {
    const root = sampleSite('languages: [en, ar, fr, ja, pt-BR, mul]\ncombinedFeed: [atom]');
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(2);
    const problems = JSON.parse(run.stdout).problems as { code: string; path: (string | number)[] }[];
    expect(problems.map((problem) => [problem.code, problem.path])).toContainEqual(['INVALID_VALUE', ['languages', 5]]);
  });
});

describe('the combined feed and incremental builds', () => {
  const COMBINED = ['mul/rss.xml', 'mul/atom.xml', 'mul/feed.json'];
  const editedArticle = 'articles/2025-03-feeds-now-in-five-languages/fr.md';

  /** A sentence added to the body of a French version: only the French feeds and the combined feed show it (translation links carry titles). */
  const ADDED = 'Une phrase ajoutée.';
  function editFrenchBody(root: string): void {
    const path = join(root, editedArticle);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n${ADDED}\n`);
  }
  const showsEdit = (root: string, path: string) => parseJsonFeed(read(root, path)).items!.some((item) => item.content_html?.includes(ADDED));

  function writtenBy(run: { stdout: string; stderr: string }): string {
    return run.stdout + run.stderr;
  }

  test('is rewritten exactly when a version it shows changes, and is then what a build without the cache writes', () => {
    const root = sampleSite('combinedFeed: [rss, atom, json]');
    expect(build(root).status).toBe(0);
    const first = readTree(join(root, 'public'));
    // Nothing changed: nothing rewritten.
    const again = build(root);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Nothing changed since the last build');
    expect(again.stderr).not.toContain('CACHE_DAMAGED');
    // Its item texts are kept apart from its languages' (they carry the item's language mark).
    const kept = JSON.parse(readFileSync(join(root, '.polyfeed-cache/items/mul.json'), 'utf8')).items;
    expect(Object.keys(kept)).toHaveLength(jsonItems(read(root, 'mul/feed.json')).length);
    expect(readTree(join(root, 'public'))).toEqual(first);
    // One French version edited: the French feeds and the combined feed change, no other language's.
    editFrenchBody(root);
    const edited = build(root);
    expect(edited.status, edited.stderr).toBe(0);
    const after = readTree(join(root, 'public'));
    const changed = Object.keys(after).filter((file) => !first[file]?.equals(after[file]!));
    expect(changed.sort()).toEqual(['fr/atom.xml', 'fr/feed.json', 'fr/rss.xml', ...COMBINED].sort());
    expect(showsEdit(root, 'mul/feed.json')).toBe(true);
    // Byte for byte what a cold build writes.
    const cold = build(root, '--no-cache', '--out', join(root, 'cold'));
    expect(cold.status, writtenBy(cold)).toBe(0);
    for (const file of COMBINED) expect(read(root, file)).toBe(read(root, file, 'cold'));
  });

  test('a feed title changed in one language retitles it, and changes no other language\'s feeds', () => {
    const root = sampleSite('combinedFeed: [rss, json]');
    expect(build(root).status).toBe(0);
    const first = readTree(join(root, 'public'));
    const labels = join(root, 'locales/ja/feed.json');
    const ja = JSON.parse(readFileSync(labels, 'utf8'));
    ja.feed.title = 'ポリフィード';
    writeFileSync(labels, JSON.stringify(ja, null, 2));
    expect(build(root).status).toBe(0);
    const after = readTree(join(root, 'public'));
    expect(Object.keys(after).filter((file) => !first[file]?.equals(after[file]!)).sort()).toEqual(['feeds-head.html', 'index.html', 'ja/atom.xml', 'ja/feed.json', 'ja/rss.xml', 'mul/feed.json', 'mul/rss.xml']);
    expect(parseJsonFeed(read(root, 'mul/feed.json')).title).toContain(' · \u2068ポリフィード\u2069 · ');
    const cold = build(root, '--no-cache', '--out', join(root, 'cold'));
    expect(cold.status).toBe(0);
    for (const file of ['mul/feed.json', 'mul/rss.xml']) expect(read(root, file)).toBe(read(root, file, 'cold'));
  });

  test('a build of some languages leaves it as it was; the next build of every language brings it up to date', () => {
    const root = sampleSite('combinedFeed: [json]');
    expect(build(root).status).toBe(0);
    const before = read(root, 'mul/feed.json');
    editFrenchBody(root);
    expect(build(root, '--languages', 'fr').status).toBe(0);
    expect(read(root, 'mul/feed.json')).toBe(before);
    expect(showsEdit(root, 'fr/feed.json')).toBe(true);
    // Nothing changed since, but the combined feed is pending: the full build is not skipped.
    const full = build(root);
    expect(full.status).toBe(0);
    expect(full.stderr).not.toContain('CACHE_DAMAGED');
    expect(full.stdout).not.toContain('Nothing changed');
    expect(showsEdit(root, 'mul/feed.json')).toBe(true);
    const cold = build(root, '--no-cache', '--out', join(root, 'cold'));
    expect(cold.status).toBe(0);
    expect(read(root, 'mul/feed.json')).toBe(read(root, 'mul/feed.json', 'cold'));
  });

  test('a format taken out of combinedFeed, or combinedFeed taken out, removes its files', () => {
    const root = sampleSite('combinedFeed: [rss, json]');
    expect(build(root).status).toBe(0);
    const config = join(root, 'polyfeed.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('combinedFeed: [rss, json]', 'combinedFeed: [json]'));
    expect(build(root).status).toBe(0);
    expect(Object.keys(readTree(join(root, 'public/mul')))).toEqual(['feed.json']);
    writeFileSync(config, readFileSync(config, 'utf8').replace('combinedFeed: [json]\n', ''));
    expect(build(root).status).toBe(0);
    expect(existsSync(join(root, 'public/mul/feed.json'))).toBe(false);
  });

  test('polyfeed diff compares it like any feed, and a diff of some languages leaves it out', () => {
    const root = sampleSite('combinedFeed: [json]');
    expect(build(root).status).toBe(0);
    editFrenchBody(root);
    const diff = runCli(['diff', '--root', root, '--now', NOW, '--format', 'json']);
    expect(diff.status).toBe(1);
    const files = (JSON.parse(diff.stdout).files as { path: string }[]).map((file) => file.path).sort();
    expect(files).toContain('mul/feed.json');
    expect(files).toEqual(['fr/atom.xml', 'fr/feed.json', 'fr/rss.xml', 'mul/feed.json']);
    const some = runCli(['diff', '--root', root, '--now', NOW, '--format', 'json', '--languages', 'en']);
    expect(some.status, some.stdout + some.stderr).toBe(0);
    rmSync(root, { recursive: true, force: true });
  });
});
