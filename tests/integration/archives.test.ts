// Feed archives (RFC 5005, section 4; issue 13): the current feed keeps the newest `maxItems`,
// older items live in archive pages of `archivePageSize` items counted from the oldest, linked
// with prev-archive, next-archive and current in every format; a full page never changes again.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { XMLParser } from 'fast-xml-parser';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

const BASE = 'https://example.org/';
const day = (n: number) => `2025-03-${String(n).padStart(2, '0')}T09:30:00Z`;
const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nText of ${title}.\n`;

/** Articles "Story 1" (oldest) … "Story n" (newest), in English only. */
function stories(from: number, to: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = from; n <= to; n++) files[`articles/story-${n}/en.md`] = article(`Story ${n}`, day(n));
  return files;
}

function archiveSite(count: number): string {
  const config = `${siteFiles()['polyfeed.config.yaml']}maxItems: 2\narchivePageSize: 2\n`;
  return writeSite(siteFiles({ 'polyfeed.config.yaml': config, 'articles/first/en.md': undefined, ...stories(1, count) }));
}

const read = (root: string, path: string) => readFileSync(join(root, 'public', path), 'utf8');
const exact = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['link', 'atom:link', 'entry', 'item'].includes(name) });

/** A document's item titles (newest first) and RFC 5005 links, parsed back from each format. */
function documentOf(root: string, folder: string) {
  const atom = read(root, `${folder}/atom.xml`);
  const rss = read(root, `${folder}/rss.xml`);
  const json = JSON.parse(read(root, `${folder}/feed.json`));
  const atomTree = exact.parse(atom).feed;
  const channel = exact.parse(rss).rss.channel;
  const relations = (links: { '@rel': string; '@href': string }[] = []) =>
    Object.fromEntries(links.filter((link) => ['current', 'prev-archive', 'next-archive'].includes(link['@rel'])).map((link) => [link['@rel'], link['@href']]));
  return {
    titles: {
      rss: (parseRssFeed(rss).items ?? []).map((item) => item.title),
      atom: (parseAtomFeed(atom).entries ?? []).map((entry) => entry.title?.value ?? entry.title),
      json: (parseJsonFeed(json).items ?? []).map((item) => item.title),
    },
    atomLinks: relations(atomTree.link),
    rssLinks: relations(channel['atom:link']),
    jsonPaging: { next_url: json.next_url, ...json._polyfeed },
    archiveMark: { atom: 'fh:archive' in atomTree, rss: 'fh:archive' in channel },
  };
}

const url = (folder: string, file: string) => `${BASE}${folder}/${file}`;
const titles = (...numbers: number[]) => numbers.map((n) => `Story ${n}`);
const same = (list: string[]) => ({ rss: list, atom: list, json: list });

describe('archive pages', () => {
  test('split the items: the newest maxItems in the current feed, the rest in pages of a fixed size counted from the oldest', () => {
    const root = archiveSite(7);
    const run = runCli(['build', '--root', root]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(root, 'public/en/archive')).sort()).toEqual(['1', '2', '3', '4']);
    expect(documentOf(root, 'en').titles).toEqual(same(titles(7, 6)));
    expect(documentOf(root, 'en/archive/1').titles).toEqual(same(titles(2, 1)));
    expect(documentOf(root, 'en/archive/2').titles).toEqual(same(titles(4, 3)));
    expect(documentOf(root, 'en/archive/3').titles).toEqual(same(titles(5)));
    // The last page that holds items is followed by an empty one.
    expect(documentOf(root, 'en/archive/4').titles).toEqual(same([]));
    // A language with no items has no archive.
    expect(readdirSync(join(root, 'public/ar'))).not.toContain('archive');
  });

  test('are linked with prev-archive, next-archive and current in Atom, in RSS (atom:link) and in JSON Feed (next_url and _polyfeed)', () => {
    const root = archiveSite(7);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const current = documentOf(root, 'en');
    expect(current.atomLinks).toEqual({ 'prev-archive': url('en/archive/4', 'atom.xml') });
    expect(current.rssLinks).toEqual({ 'prev-archive': url('en/archive/4', 'rss.xml') });
    expect(current.jsonPaging).toEqual({ next_url: url('en/archive/4', 'feed.json'), archive: false, prev_archive: url('en/archive/4', 'feed.json') });
    expect(current.archiveMark).toEqual({ atom: false, rss: false });
    const middle = documentOf(root, 'en/archive/2');
    expect(middle.atomLinks).toEqual({ current: url('en', 'atom.xml'), 'prev-archive': url('en/archive/1', 'atom.xml'), 'next-archive': url('en/archive/3', 'atom.xml') });
    expect(middle.rssLinks).toEqual({ current: url('en', 'rss.xml'), 'prev-archive': url('en/archive/1', 'rss.xml'), 'next-archive': url('en/archive/3', 'rss.xml') });
    expect(middle.jsonPaging).toEqual({
      next_url: url('en/archive/1', 'feed.json'),
      archive: true,
      current: url('en', 'feed.json'),
      prev_archive: url('en/archive/1', 'feed.json'),
      next_archive: url('en/archive/3', 'feed.json'),
    });
    expect(middle.archiveMark).toEqual({ atom: true, rss: true });
    expect(documentOf(root, 'en/archive/1').atomLinks).toEqual({ current: url('en', 'atom.xml'), 'next-archive': url('en/archive/2', 'atom.xml') });
    expect(documentOf(root, 'en/archive/3').atomLinks).toEqual({ current: url('en', 'atom.xml'), 'prev-archive': url('en/archive/2', 'atom.xml'), 'next-archive': url('en/archive/4', 'atom.xml') });
    expect(documentOf(root, 'en/archive/4').atomLinks).toEqual({ current: url('en', 'atom.xml'), 'prev-archive': url('en/archive/3', 'atom.xml') });
    // Following the links from the current feed to the oldest page gives every item once.
    const all: string[] = [];
    for (let folder: string | undefined = 'en'; folder; ) {
      const document = documentOf(root, folder);
      all.push(...(document.titles.json as string[]));
      const previous: string | undefined = document.jsonPaging.next_url;
      folder = previous?.slice(BASE.length, -'/feed.json'.length);
    }
    expect(all).toEqual(titles(7, 6, 5, 4, 3, 2, 1));
  });

  test('a new article rewrites the current feed and the page that takes the item it pushes out; the other pages keep their bytes and modification times', () => {
    // 5 archived items: pages 1 and 2 full, page 3 holds one, page 4 is empty.
    const root = archiveSite(7);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const kept = ['en/archive/1/atom.xml', 'en/archive/2/rss.xml', 'en/archive/2/feed.json', 'en/archive/4/atom.xml'];
    const before = Object.fromEntries(kept.map((path) => [path, [read(root, path), statSync(join(root, 'public', path)).mtimeMs]]));
    mkdirSync(join(root, 'articles/story-8'));
    writeFileSync(join(root, 'articles/story-8/en.md'), article('Story 8', day(8)));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    // The Arabic feed, which has no items, takes the site's newest date: only the English files are of interest here.
    const written: string[] = JSON.parse(run.stdout).output.written.filter((path: string) => path.startsWith('en/'));
    expect(written.sort()).toEqual(['en/archive/3/atom.xml', 'en/archive/3/feed.json', 'en/archive/3/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml']);
    expect(documentOf(root, 'en').titles.rss).toEqual(titles(8, 7));
    expect(documentOf(root, 'en/archive/3').titles.rss).toEqual(titles(6, 5));
    for (const path of kept) expect([read(root, path), statSync(join(root, 'public', path)).mtimeMs]).toEqual(before[path]);
  });

  test('a page links to its successor before it fills up, and never changes again once full', () => {
    const root = archiveSite(8);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    // 6 archived items: pages 1–3 full, page 4 empty.
    expect(documentOf(root, 'en/archive/3').atomLinks['next-archive']).toBe(url('en/archive/4', 'atom.xml'));
    expect(documentOf(root, 'en/archive/4').titles).toEqual(same([]));
    const page3 = read(root, 'en/archive/3/atom.xml');
    const mtime = statSync(join(root, 'public/en/archive/3/atom.xml')).mtimeMs;
    mkdirSync(join(root, 'articles/story-9'));
    writeFileSync(join(root, 'articles/story-9/en.md'), article('Story 9', day(9)));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(documentOf(root, 'en/archive/4').titles.rss).toEqual(titles(7));
    expect(read(root, 'en/archive/3/atom.xml')).toBe(page3);
    expect(statSync(join(root, 'public/en/archive/3/atom.xml')).mtimeMs).toBe(mtime);
  });

  test('a changed old article rewrites only the page that holds it', () => {
    const root = archiveSite(7);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    writeFileSync(join(root, 'articles/story-1/en.md'), article('Story 1, corrected', day(1)));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(JSON.parse(run.stdout).output.written.sort()).toEqual(['en/archive/1/atom.xml', 'en/archive/1/feed.json', 'en/archive/1/rss.xml']);
    expect(documentOf(root, 'en/archive/1').titles.rss).toEqual(['Story 2', 'Story 1, corrected']);
  });

  test('a cached build gives the bytes of a cold build', () => {
    const root = archiveSite(7);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    for (const n of [8, 9, 10]) {
      mkdirSync(join(root, `articles/story-${n}`));
      writeFileSync(join(root, `articles/story-${n}/en.md`), article(`Story ${n}`, day(n)));
      expect(runCli(['build', '--root', root]).status).toBe(0);
    }
    expect(runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'cold')]).status).toBe(0);
    expect(readTree(join(root, 'public'))).toEqual(readTree(join(root, 'cold')));
  });

  test('no longer needed (articles deleted) are removed in the same publish; the others stay', () => {
    const root = archiveSite(7);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    for (const n of [1, 2, 3]) rmSync(join(root, `articles/story-${n}`), { recursive: true });
    // Deleting published articles drops their ids: accepted on purpose.
    const run = runCli(['build', '--root', root, '--accept-id-changes']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('removed  en/archive/3/atom.xml');
    expect(readdirSync(join(root, 'public/en/archive')).sort()).toEqual(['1', '2']);
    expect(documentOf(root, 'en/archive/1').titles.rss).toEqual(titles(5, 4));
    expect(documentOf(root, 'en/archive/2').titles.rss).toEqual([]);
  });

  test('every document is valid: Atom against the RELAX NG grammar of RFC 4287, JSON Feed against the JSON Feed 1.1 schema', async () => {
    const root = archiveSite(7);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const schema = readFileSync(join(repoRoot, 'tests/fixtures/schemas/atom.rng'), 'utf8');
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validateJson = ajv.compile(createRequire(import.meta.url)('jsonfeed-schema/schema-v1.1.json'));
    for (const folder of ['en', 'en/archive/1', 'en/archive/2', 'en/archive/3', 'en/archive/4']) {
      const lint = await validateXML({ xml: [{ fileName: 'atom.xml', contents: read(root, `${folder}/atom.xml`) }], schema: [{ fileName: 'atom.rng', contents: schema }], extension: 'relaxng' });
      expect(lint.valid, `${folder}/atom.xml: ${lint.rawOutput}`).toBe(true);
      expect(validateJson(JSON.parse(read(root, `${folder}/feed.json`))), `${folder}/feed.json: ${JSON.stringify(validateJson.errors)}`).toBe(true);
    }
  });

  test('need maxItems above 0 (the current feed would hold every item): a config error at its line', () => {
    const config = `${siteFiles()['polyfeed.config.yaml']}maxItems: 0\narchivePageSize: 100\n`;
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': config }));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('polyfeed.config.yaml:6:18 INVALID_VALUE archivePageSize');
    expect(run.stderr).toContain('nothing is left to archive');
  });
});
