// A page for people (issue 16): with `subscribePage`, index.html lists every feed with autodiscovery
// links and how to subscribe, each language in its own lang and dir; feeds-head.html holds the links
// alone; RSS and Atom link to feed.css and carry a note in XHTML. Every output is parsed back with
// htmlparser2 (HTML, and XML in xmlMode) and the feed parsers the other tests use.
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSources } from '../../src/load/read-sources.js';
import { bodyText } from '../../src/model/output-file.js';
import { build, type BuildResult } from '../../src/run/build-site.js';
import { labels, repoRoot, sampleSiteFiles, siteFiles, sourcesOf } from '../helpers/site-fixture.js';

const BASE_URL = 'https://news.example.org/';
const SAMPLE_LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];
const MEDIA_TYPES: Record<string, string> = { 'rss.xml': 'application/rss+xml', 'atom.xml': 'application/atom+xml', 'feed.json': 'application/feed+json' };
const XHTML = 'http://www.w3.org/1999/xhtml';
const NOW = new Date('2026-01-01T00:00:00Z');

function outputsOf(result: BuildResult): Map<string, string> {
  expect(result.errors.filter((error) => error.severity === 'error')).toEqual([]);
  return new Map(result.files.map((file) => [file.path, bodyText(file.body)]));
}

function html(text: string): Document {
  return parseDocument(text);
}

function xml(text: string): Document {
  return parseDocument(text, { xmlMode: true });
}

function all(root: Document | Element, test: (element: Element) => boolean): Element[] {
  return DomUtils.findAll(test, root.children);
}

/** The attributes of every `<link rel="alternate">` under `root`. */
function alternateLinks(root: Document | Element): Record<string, string>[] {
  return all(root, (element) => element.name === 'link' && element.attribs.rel === 'alternate').map((element) => ({ ...element.attribs }));
}

function packagedLabel(lang: string, key: string): string {
  const tree = JSON.parse(readFileSync(join(repoRoot, 'defaults/locales', lang, 'feed.json'), 'utf8')) as Record<string, Record<string, string>>;
  const [group, name] = key.split('.');
  return tree[group!]![name!]!;
}

/** The sample site (the repository root), with the config's text changed by `edit`. */
function sampleWith(edit: (config: string) => string): BuildResult {
  const files = sampleSiteFiles();
  return build(sourcesOf({ ...files, 'polyfeed.config.yaml': edit(files['polyfeed.config.yaml']!.toString('utf8')) }), { version: 'test', now: NOW });
}

describe('the sample site\'s subscribe page (index.html)', () => {
  const outputs = outputsOf(build(readSources(repoRoot), { version: 'test', now: NOW }));
  const page = html(outputs.get('index.html')!);
  const feedPaths = [...outputs.keys()].filter((path) => /\/(rss\.xml|atom\.xml|feed\.json)$/.test(path));

  test('is in the default language, and its head has an autodiscovery link to every feed the build writes, absolute, typed, in its language', () => {
    const root = DomUtils.findOne((element) => element.name === 'html', page.children)!;
    expect(root.attribs).toMatchObject({ lang: 'en', dir: 'ltr' });
    const head = DomUtils.findOne((element) => element.name === 'head', page.children)!;
    const links = alternateLinks(head);
    expect(links.map((link) => link.href).sort()).toEqual(feedPaths.map((path) => `${BASE_URL}${path}`).sort());
    for (const link of links) {
      const path = link.href!.slice(BASE_URL.length);
      const [lang, file] = path.split('/');
      expect(link.type).toBe(MEDIA_TYPES[file!]);
      expect(link.hreflang).toBe(lang);
      expect(link.title).toMatch(/\S/);
    }
    // Named in each feed's own language: the Arabic feeds by their Arabic title.
    expect(links.find((link) => link.href === `${BASE_URL}ar/atom.xml`)?.title).toBe('أخبار Polyfeed التجريبية (Atom)');
    expect(links.find((link) => link.href === `${BASE_URL}ja/rss.xml`)?.title).toBe('Polyfeed サンプルニュース（RSS）');
  });

  test('has a part per language, in its own lang and dir, with its feeds and how to subscribe in its language', () => {
    const sections = all(page, (element) => element.name === 'section');
    expect(sections.map((section) => section.attribs.id)).toEqual(SAMPLE_LANGUAGES);
    for (const section of sections) {
      const lang = section.attribs.id!;
      expect(section.attribs.lang).toBe(lang);
      expect(section.attribs.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      const hrefs = all(section, (element) => element.name === 'a').map((anchor) => anchor.attribs.href);
      expect(hrefs).toEqual(['rss.xml', 'atom.xml', 'feed.json'].map((file) => `${BASE_URL}${lang}/${file}`));
      const howTo = all(section, (element) => element.attribs.class === 'how-to')[0]!;
      expect(DomUtils.textContent(howTo)).toBe(packagedLabel(lang, 'subscribe.howTo'));
      // Each address is written out to be copied, left to right even in a right-to-left part.
      const addresses = all(section, (element) => element.name === 'code');
      expect(addresses.map((code) => [DomUtils.textContent(code), code.attribs.dir])).toEqual(hrefs.map((href) => [href, 'ltr']));
    }
  });

  test('feeds-head.html holds the same links, and nothing else, for the site\'s own <head>', () => {
    const snippet = html(outputs.get('feeds-head.html')!);
    expect(alternateLinks(snippet)).toEqual(alternateLinks(page));
    expect(all(snippet, () => true).every((element) => element.name === 'link')).toBe(true);
  });

  test('feed.css is the stylesheet polyfeed ships', () => {
    expect(outputs.get('feed.css')).toBe(readFileSync(join(repoRoot, 'defaults/feed.css'), 'utf8'));
  });

  test('is the same bytes at another "now" (no build time in it)', () => {
    const later = outputsOf(build(readSources(repoRoot), { version: 'other', now: new Date('2027-06-01T00:00:00Z') }));
    for (const path of ['index.html', 'feeds-head.html', 'feed.css']) expect(later.get(path)).toBe(outputs.get(path));
  });
});

describe.each(SAMPLE_LANGUAGES)('the sample site\'s %s RSS and Atom feeds, for people who open them', (lang) => {
  const outputs = outputsOf(build(readSources(repoRoot), { version: 'test', now: NOW }));
  const sections = new Set(all(html(outputs.get('index.html')!), (element) => element.name === 'section').map((section) => section.attribs.id));

  test.each(['rss.xml', 'atom.xml'])('%s links to feed.css (CSS, no XSLT), and carries the note in its language and direction', (file) => {
    const text = outputs.get(`${lang}/${file}`)!;
    const instructions = [...text.matchAll(/<\?xml-stylesheet ([^?]*)\?>/g)].map((match) => match[1]);
    expect(instructions).toEqual(['href="../feed.css" type="text/css"']);
    // Resolved against the feed's own address, as a browser does: the stylesheet the build writes.
    expect(new URL('../feed.css', `${BASE_URL}${lang}/${file}`).href).toBe(`${BASE_URL}feed.css`);
    expect(outputs.has('feed.css')).toBe(true);
    const notes = all(xml(text), (element) => element.name === 'div' && element.attribs.xmlns === XHTML);
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(note.attribs).toMatchObject({ class: 'polyfeed-note', lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
    const [sentence, linkParagraph] = all(note, (element) => element.name === 'p');
    expect(DomUtils.textContent(sentence!)).toBe(packagedLabel(lang, 'subscribe.feedNote'));
    const link = DomUtils.findOne((element) => element.name === 'a', linkParagraph!.children)!;
    expect(DomUtils.textContent(link)).toBe(packagedLabel(lang, 'subscribe.allFeeds'));
    const target = new URL(link.attribs.href!);
    expect(`${target.origin}${target.pathname}`).toBe(BASE_URL);
    expect(sections.has(decodeURIComponent(target.hash.slice(1)))).toBe(true);
  });

  test('the note is no item: feed parsers read the same items as in the JSON Feed', () => {
    const items = (JSON.parse(outputs.get(`${lang}/feed.json`)!) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(parseRssFeed(outputs.get(`${lang}/rss.xml`)!).items?.map((item) => item.guid?.value)).toEqual(items);
    expect(parseAtomFeed(outputs.get(`${lang}/atom.xml`)!).entries?.map((entry) => entry.id)).toEqual(items);
    expect(outputs.get(`${lang}/feed.json`)).not.toContain('polyfeed-note');
  });
});

describe('subscribePage and the config', () => {
  test('off (the default): no page, no stylesheet instruction, no note', () => {
    const outputs = outputsOf(build(sourcesOf(siteFiles()), { version: 'test', now: NOW }));
    expect([...outputs.keys()].sort()).toEqual(['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml']);
    for (const text of outputs.values()) expect(text).not.toMatch(/xml-stylesheet|polyfeed-note/);
  });

  test('lists only the formats the config makes, and the combined feed (hreflang "mul") when there is one', () => {
    const outputs = outputsOf(sampleWith((config) => config.replace('formats: [rss, atom, json]', 'formats: [atom, json]').concat('combinedFeed: [atom]\n')));
    const links = alternateLinks(html(outputs.get('feeds-head.html')!));
    expect(links.every((link) => link.type !== 'application/rss+xml')).toBe(true);
    expect(links.filter((link) => link.hreflang === 'mul')).toEqual([
      { rel: 'alternate', type: 'application/atom+xml', hreflang: 'mul', title: `${packagedLabel('en', 'subscribe.combined')} (Atom)`, href: `${BASE_URL}mul/atom.xml` },
    ]);
    const combined = all(html(outputs.get('index.html')!), (element) => element.name === 'section' && element.attribs.id === 'mul')[0]!;
    expect(combined.attribs).toMatchObject({ lang: 'en', dir: 'ltr' });
    // The combined feed's note is in the default language and links to its own part of the page.
    const note = all(xml(outputs.get('mul/atom.xml')!), (element) => element.attribs.class === 'polyfeed-note')[0]!;
    expect(note.attribs).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(DomUtils.findOne((element) => element.name === 'a', note.children)!.attribs.href).toBe(`${BASE_URL}#mul`);
  });

  test('archive pages link to the same feed.css, from deeper folders', () => {
    const outputs = outputsOf(sampleWith((config) => config.replace(/^maxItems: \d+$/m, 'maxItems: 1\narchivePageSize: 1')));
    const page = outputs.get('en/archive/1/atom.xml')!;
    const href = /<\?xml-stylesheet href="([^"]+)" type="text\/css"\?>/.exec(page)![1]!;
    expect(new URL(href, `${BASE_URL}en/archive/1/atom.xml`).href).toBe(`${BASE_URL}feed.css`);
    expect(page).toContain('class="polyfeed-note"');
  });

  test('the site\'s own stylesheet wins: the feeds link to it, and feed.css is not written', () => {
    const outputs = outputsOf(sampleWith((config) => `${config}stylesheet: /style/feeds.css\n`));
    expect(outputs.has('feed.css')).toBe(false);
    expect(outputs.has('index.html')).toBe(true);
    expect(outputs.get('fr/rss.xml')).toContain('<?xml-stylesheet href="https://news.example.org/style/feeds.css" type="text/css"?>');
  });

  test('every text is escaped: a feed title with markup characters is text in the page and in the links', () => {
    const title = 'R&D <News> "today" & more';
    const files = siteFiles({ 'polyfeed.config.yaml': `${siteFiles()['polyfeed.config.yaml']}subscribePage: true\n`, 'locales/en/feed.json': labels({ feed: { title } }) });
    const outputs = outputsOf(build(sourcesOf(files), { version: 'test', now: NOW }));
    const page = html(outputs.get('index.html')!);
    expect(all(page, (element) => element.name === 'news')).toEqual([]);
    expect(DomUtils.textContent(DomUtils.findOne((element) => element.name === 'title', page.children)!)).toBe(`Subscribe to ${title}`);
    expect(alternateLinks(page).filter((link) => link.hreflang === 'en').map((link) => link.title)).toEqual([`${title} (RSS)`, `${title} (Atom)`, `${title} (JSON Feed)`]);
    const section = all(page, (element) => element.name === 'section' && element.attribs.id === 'en')[0]!;
    expect(DomUtils.textContent(DomUtils.findOne((element) => element.name === 'h2', section.children)!)).toBe(title);
  });
});

describe('the page\'s template and labels, overridden by the site', () => {
  const config = `${siteFiles()['polyfeed.config.yaml']}subscribePage: true\n`;

  test('a label in the site\'s locales/ replaces the packaged one, key by key; the others stay', () => {
    const own = JSON.parse(labels()) as Record<string, unknown>;
    const files = siteFiles({ 'polyfeed.config.yaml': config, 'locales/en/feed.json': JSON.stringify({ ...own, subscribe: { howTo: 'Paste a link into your reader.' } }) });
    const page = html(outputsOf(build(sourcesOf(files), { version: 'test', now: NOW })).get('index.html')!);
    const howTo = (lang: string) => DomUtils.textContent(all(page, (element) => element.attribs.class === 'how-to' && element.parent !== null && (element.parent as Element).attribs.id === lang)[0]!);
    expect(howTo('en')).toBe('Paste a link into your reader.');
    expect(howTo('ar')).toBe(packagedLabel('ar', 'subscribe.howTo'));
  });

  test('the site\'s templates/index.hbs replaces the packaged page; its own labels are checked in every language', () => {
    const template = '<!DOCTYPE html><html lang="{{lang}}"><head>{{> feed-links}}</head><body>{{#each sections}}<p id="{{id}}">{{t "subscribe.allFeeds"}}</p>{{/each}}</body></html>\n';
    const outputs = outputsOf(build(sourcesOf(siteFiles({ 'polyfeed.config.yaml': config, 'templates/index.hbs': template })), { version: 'test', now: NOW }));
    const page = html(outputs.get('index.html')!);
    expect(all(page, (element) => element.name === 'p').map((p) => [p.attribs.id, DomUtils.textContent(p)])).toEqual([
      ['en', packagedLabel('en', 'subscribe.allFeeds')],
      ['ar', packagedLabel('ar', 'subscribe.allFeeds')],
    ]);
    expect(alternateLinks(page)).toHaveLength(6);
  });

  test('a field the template reads that does not exist is TEMPLATE_RENDER at its place, and nothing is built', () => {
    const result = build(sourcesOf(siteFiles({ 'polyfeed.config.yaml': config, 'templates/index.hbs': '<html>\n{{nowhere}}\n</html>\n' })), { version: 'test', now: NOW });
    expect(result.files).toEqual([]);
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_RENDER', file: 'templates/index.hbs', line: 2 }]);
  });

  test('a language without packaged labels needs the page\'s labels too: each missing one is named with its file', () => {
    const koConfig = config.replace('languages: [en, ar]', 'languages: [en, ar, ko]');
    const files = siteFiles({ 'polyfeed.config.yaml': koConfig, 'locales/ko/feed.json': labels({}, { other: '{{count}}분' }) });
    const result = build(sourcesOf(files), { version: 'test', now: NOW });
    const missing = result.errors.filter((error) => error.code === 'LOCALE_MISSING_KEY');
    expect(missing.map((error) => [error.file, error.path?.join('.')]).sort()).toEqual(
      ['subscribe.allFeeds', 'subscribe.combined', 'subscribe.feedNote', 'subscribe.howTo', 'subscribe.linkTitle', 'subscribe.pageTitle'].map((key) => ['locales/ko/feed.json', key]),
    );
    // Without subscribePage, the same site needs none of them.
    const without = build(sourcesOf({ ...files, 'polyfeed.config.yaml': koConfig.replace('subscribePage: true\n', '') }), { version: 'test', now: NOW });
    expect(without.errors.filter((error) => error.severity === 'error')).toEqual([]);
  });
});
