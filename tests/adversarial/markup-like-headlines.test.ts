// Adversarial: headlines, tags and names as newsrooms write them ("AT&T", "Q&A", "1 < 2", "the <title> element",
// a literal "&amp;") are encoded so that feed validators see plain text and every reader gets the exact text back.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import RssParser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { labels, siteFiles, writeSite } from '../helpers/site-fixture.js';

const HEADLINES = [
  'AT&T and Verizon settle',
  'Q&A: what the new law means',
  'Why 1 < 2 still matters',
  'How the <title> element names a page',
  'Writing &amp; in HTML: the ampersand explained',
  'R&D2 budget: Q&A2 & more, &copy; and &#169;',
];
const TAGS = ['R&D', '<title>', '&amp;', 'Q&A'];
const AUTHOR = 'Smith & Wesson &amp; Co <Desk>';
const FEED_TITLE = 'News & Views <Daily>';

const article = (title: string, day: number) =>
  `---\ntitle: '${title}'\ndate: 2025-03-${String(10 + day).padStart(2, '0')}T09:30:00+01:00\nsummary: 'About ${title}'\ntags: ${JSON.stringify(TAGS)}\nauthors: [${JSON.stringify(AUTHOR)}]\n---\nText.\n`;

let root: string;
const feed = (path: string) => readFileSync(join(root, 'public', path), 'utf8');
/** Newest first, as the feeds order them. */
const expectedTitles = [...HEADLINES].reverse();

beforeAll(() => {
  const files: Record<string, string | undefined> = {
    'articles/first/en.md': undefined,
    'locales/en/feed.json': labels({ feed: { title: FEED_TITLE, description: 'Facts & figures < opinion', copyright: '© News & Views' } }),
  };
  HEADLINES.forEach((title, index) => (files[`articles/story-${index}/en.md`] = article(title, index)));
  // An Arabic version: each English entry links to it with its title in an attribute.
  HEADLINES.forEach((title, index) => (files[`articles/story-${index}/ar.md`] = article(`${title} (ar)`, index)));
  root = writeSite(siteFiles(files));
  const run = runCli(['build', '--root', root]);
  expect(run.status, run.stderr).toBe(0);
});

describe('RSS follows the RSS Best Practices Profile for plain text', () => {
  test('"&", "<" and ">" in titles, tags, names and the channel texts are hexadecimal character references', () => {
    const xml = feed('en/rss.xml');
    for (const element of ['title', 'category', 'dc:creator', 'copyright']) {
      const texts = [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1]!);
      expect(texts.length, element).toBeGreaterThan(0);
      for (const text of texts) expect(text, element).not.toMatch(/&(?!#x(26|3C|3E);)/);
    }
    expect(xml).toContain('<title>AT&#x26;T and Verizon settle</title>');
    expect(xml).toContain('<title>How the &#x3C;title&#x3E; element names a page</title>');
  });

  test('feedsmith, rss-parser and an exact XML reader give back every title, tag and name exactly', async () => {
    const xml = feed('en/rss.xml');
    const parsed = parseRssFeed(xml);
    expect(parsed.title).toBe(FEED_TITLE);
    expect(parsed.items?.map((item) => item.title)).toEqual(expectedTitles);
    for (const item of parsed.items ?? []) {
      expect(item.categories?.map((category) => category.name)).toEqual(TAGS);
      expect(item.dc?.creators).toEqual([AUTHOR]);
    }
    const second = await new RssParser().parseString(xml);
    expect(second.items.map((item) => item.title)).toEqual(expectedTitles);
    const exact = new XMLParser({ trimValues: false, parseTagValue: false, processEntities: true, htmlEntities: true }).parse(xml);
    expect(exact.rss.channel.item.map((item: { title: string }) => item.title)).toEqual(expectedTitles);
    // <description> is HTML: the summary comes back once it is HTML-decoded.
    expect(parsed.items?.map((item) => decodeHTML(item.description ?? ''))).toEqual(expectedTitles.map((title) => `About ${title}`));
  });
});

describe('Atom declares markup-like text as HTML and escapes it', () => {
  test('titles and summaries holding "&" or "<" are type="html" with the text HTML-escaped; others stay type="text"', () => {
    const xml = feed('en/atom.xml');
    expect(xml).toContain('<title type="html">AT&amp;amp;T and Verizon settle</title>');
    expect(xml).toContain('<title type="html">How the &amp;lt;title&amp;gt; element names a page</title>');
    expect(xml).toContain('<title type="html">Writing &amp;amp;amp; in HTML: the ampersand explained</title>');
  });

  test('feedsmith and an exact XML reader, honouring the declared type, give back every text exactly', () => {
    const xml = feed('en/atom.xml');
    const asText = (construct: { value?: string; type?: string } | undefined) => (construct?.type === 'html' ? decodeHTML(construct.value ?? '') : construct?.value);
    const parsed = parseAtomFeed(xml);
    expect(asText(parsed.title)).toBe(FEED_TITLE);
    expect(parsed.entries?.map((entry) => asText(entry.title))).toEqual(expectedTitles);
    expect(parsed.entries?.map((entry) => asText(entry.summary))).toEqual(expectedTitles.map((title) => `About ${title}`));
    for (const [index, entry] of (parsed.entries ?? []).entries()) {
      expect(entry.links?.find((link) => link.hreflang === 'ar')?.title).toBe(`${expectedTitles[index]} (ar)`);
      expect(entry.categories?.map((category) => [category.term, category.label])).toEqual(TAGS.map((tag) => [tag, tag]));
      expect(entry.authors?.map((author) => author.name)).toEqual([AUTHOR]);
    }
    const exact = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, processEntities: true, htmlEntities: true }).parse(xml);
    const titles = exact.feed.entry.map((entry: { title: { '#text': string; '@type': string } }) => (entry.title['@type'] === 'html' ? decodeHTML(entry.title['#text']) : entry.title['#text']));
    expect(titles).toEqual(expectedTitles);
  });
});

test('JSON Feed carries every text exactly', () => {
  const parsed = parseJsonFeed(feed('en/feed.json'));
  expect(parsed.title).toBe(FEED_TITLE);
  expect(parsed.items?.map((item) => item.title)).toEqual(expectedTitles);
  for (const item of parsed.items ?? []) {
    expect(item.tags).toEqual(TAGS);
    expect(item.authors?.map((author) => author.name)).toEqual([AUTHOR]);
  }
});

// The W3C Feed Validation Service's own code, where this machine has it (FEEDVALIDATOR_DIR, default
// ~/.cache/feedvalidator, and a python3 with html5lib): it warns ContainsHTML / CharacterData in RSS and
// ContainsUndeclaredHTML in Atom when plain text looks like markup.
const validatorDir = process.env.FEEDVALIDATOR_DIR ?? join(homedir(), '.cache', 'feedvalidator');
const python = process.env.CONFORMANCE_PYTHON ?? '/usr/bin/python3';
const validatorReady = existsSync(join(validatorDir, 'src', 'feedvalidator')) && spawnSync(python, ['-c', 'import html5lib'], { encoding: 'utf8' }).status === 0;

test.skipIf(!validatorReady)('the W3C feed validator reports no error and no warning on either XML feed (skipped where its source is not installed)', () => {
  const script = join(tmpdir(), `polyfeed-w3c-${process.pid}.py`);
  writeFileSync(
    script,
    [
      'import os, sys',
      'sys.path.insert(0, os.path.join(sys.argv[1], "src"))',
      'os.environ["LANGUAGE"] = "en"',
      'import feedvalidator',
      'from feedvalidator.logging import Error, Warning, SelfDoesntMatchLocation',
      'for path in sys.argv[2:]:',
      '    events = feedvalidator.validateStream(open(path, "rb"), firstOccurrenceOnly=1)["loggedEvents"]',
      '    for event in events:',
      '        if isinstance(event, (Error, Warning)) and not isinstance(event, SelfDoesntMatchLocation):',
      '            print(os.path.basename(path), event.__class__.__name__, event.params.get("element"), repr(event.params.get("value")))',
    ].join('\n'),
  );
  const run = spawnSync(python, [script, validatorDir, join(root, 'public/en/rss.xml'), join(root, 'public/en/atom.xml')], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim().split('\n').filter(Boolean)).toEqual([]);
});
