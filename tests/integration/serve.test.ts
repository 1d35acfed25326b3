// Issue 16: `polyfeed serve` through the real CLI, with real HTTP on loopback: what a static host
// does (types, validators, 304, HEAD, compression, folders), no way out of the output folder, and
// rebuilds on a change, a failed one keeping the last good feeds and listing its problems at `/`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { httpRequest, rawRequest, startServe, until, type ServeProcess } from '../helpers/serve-cli.js';

const NOW = ['--now', '2026-01-01T00:00:00Z'];
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'entry' });
const FEEDS = ['en/rss.xml', 'en/atom.xml', 'en/feed.json', 'ar/rss.xml', 'ar/atom.xml', 'ar/feed.json'];

/** The titles of the items of the English RSS feed served now. */
async function englishTitles(url: string): Promise<string[]> {
  const response = await httpRequest(`${url}en/rss.xml`);
  const items = xml.parse(response.body.toString('utf8')).rss.channel.item ?? [];
  return items.map((item: { title: string }) => String(item.title));
}

describe('polyfeed serve: the output folder as a static host serves it', () => {
  let root: string;
  let outside: string;
  let server: ServeProcess;
  let url: string;
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  beforeAll(async () => {
    root = writeSite(siteFiles());
    outside = mkdtempSync(join(tmpdir(), 'polyfeed-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'TOP-SECRET\n');
    server = await startServe(['--root', root, ...NOW]);
    url = server.url;
    const out = join(root, 'public');
    writeFileSync(join(out, 'index.html'), '<!DOCTYPE html><title>Feeds</title><p>The feeds of the site.</p>\n');
    writeFileSync(join(out, 'style.css'), 'body { color: #222; }\n'.repeat(40));
    writeFileSync(join(out, 'pixel.png'), PNG);
    mkdirSync(join(out, 'sub'));
    writeFileSync(join(out, 'sub/index.html'), '<!DOCTYPE html><title>Sub</title>\n');
    mkdirSync(join(out, 'empty'));
    copyFileSync(join(out, 'en/rss.xml'), join(out, 'copy.xml'));
    writeFileSync(join(out, '.hidden'), 'hidden\n');
    symlinkSync(join(outside, 'secret.txt'), join(out, 'link-out.txt'));
    symlinkSync(outside, join(out, 'link-dir'));
    symlinkSync(join(out, 'en/rss.xml'), join(out, 'link-in.xml'));
  });

  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  test('prints the URL it serves, on the loopback by default', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.stdout()).toContain(`Serving ${join(root, 'public')} at ${url}`);
  });

  test('feeds are served with their own media types and read back as feeds', async () => {
    const rss = await httpRequest(`${url}en/rss.xml`);
    expect(rss.status).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(xml.parse(rss.body.toString('utf8')).rss.channel.item.map((item: { title: string }) => item.title)).toEqual(['First']);
    const atom = await httpRequest(`${url}ar/atom.xml`);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(xml.parse(atom.body.toString('utf8')).feed).toBeDefined();
    const json = await httpRequest(`${url}en/feed.json`);
    expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(JSON.parse(json.body.toString('utf8')).version).toBe('https://jsonfeed.org/version/1.1');
    expect(readFileSync(join(root, 'public/en/feed.json')).equals(json.body)).toBe(true);
    const types = await Promise.all(['index.html', 'style.css', 'pixel.png', 'copy.xml'].map(async (path) => (await httpRequest(`${url}${path}`)).headers['content-type']));
    expect(types).toEqual(['text/html; charset=utf-8', 'text/css; charset=utf-8', 'image/png', 'application/rss+xml; charset=utf-8']);
  });

  test('the entity tag is strong and a digest of the bytes: the same bytes under another name or date have the same tag', async () => {
    const feed = await httpRequest(`${url}en/rss.xml`);
    const etag = String(feed.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
    expect((await httpRequest(`${url}copy.xml`)).headers.etag).toBe(etag);
    utimesSync(join(root, 'public/copy.xml'), 1_500_000_000, 1_500_000_000);
    const touched = await httpRequest(`${url}copy.xml`);
    expect(touched.headers.etag).toBe(etag);
    expect(touched.headers['last-modified']).toBe(new Date(1_500_000_000_000).toUTCString());
    expect((await httpRequest(`${url}en/atom.xml`)).headers.etag).not.toBe(etag);
  });

  test('conditional GETs: If-None-Match (one tag, a list, weak, *) and If-Modified-Since answer 304 without a body', async () => {
    const first = await httpRequest(`${url}en/atom.xml`);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(Date.parse(lastModified)).toBeGreaterThan(0);
    for (const ifNoneMatch of [etag, `"nope", ${etag}`, `W/${etag}`, '*']) {
      const response = await httpRequest(`${url}en/atom.xml`, { headers: { 'If-None-Match': ifNoneMatch } });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.body.length).toBe(0);
      expect(response.headers.etag).toBe(etag);
    }
    expect((await httpRequest(`${url}en/atom.xml`, { headers: { 'If-None-Match': '"nope"' } })).status).toBe(200);
    expect((await httpRequest(`${url}en/atom.xml`, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    expect((await httpRequest(`${url}en/atom.xml`, { headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) + 60_000).toUTCString() } })).status).toBe(304);
    expect((await httpRequest(`${url}en/atom.xml`, { headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() } })).status).toBe(200);
    // If-None-Match decides alone: a tag that does not match is a 200 whatever the date says.
    expect((await httpRequest(`${url}en/atom.xml`, { headers: { 'If-None-Match': '"nope"', 'If-Modified-Since': lastModified } })).status).toBe(200);
    expect((await httpRequest(`${url}en/atom.xml`, { headers: { 'If-Modified-Since': 'yesterday' } })).status).toBe(200);
  });

  test('HEAD: the headers of the GET, no body', async () => {
    for (const encoding of ['identity', 'gzip', 'br']) {
      const get = await httpRequest(`${url}en/feed.json`, { headers: { 'Accept-Encoding': encoding } });
      const head = await httpRequest(`${url}en/feed.json`, { method: 'HEAD', headers: { 'Accept-Encoding': encoding } });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['content-type', 'content-length', 'etag', 'last-modified', 'content-encoding', 'vary']) expect(head.headers[name], name).toEqual(get.headers[name]);
      expect(Number(head.headers['content-length'])).toBe(get.body.length);
    }
  });

  test('gzip and brotli by Accept-Encoding, each with its own tag; the bytes when neither is accepted', async () => {
    const plain = readFileSync(join(root, 'public/ar/rss.xml'));
    const gzip = await httpRequest(`${url}ar/rss.xml`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain)).toBe(true);
    const br = await httpRequest(`${url}ar/rss.xml`, { headers: { 'Accept-Encoding': 'gzip;q=0.5, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.length);
    const preferGzip = await httpRequest(`${url}ar/rss.xml`, { headers: { 'Accept-Encoding': 'br;q=0.2, gzip;q=0.8' } });
    expect(preferGzip.headers['content-encoding']).toBe('gzip');
    const none = await httpRequest(`${url}ar/rss.xml`);
    const refused = await httpRequest(`${url}ar/rss.xml`, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    for (const response of [none, refused]) {
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.equals(plain)).toBe(true);
    }
    for (const response of [gzip, br, none]) expect(response.headers.vary).toBe('Accept-Encoding, Accept');
    expect(new Set([gzip.headers.etag, br.headers.etag, none.headers.etag]).size).toBe(3);
    // A 304 is for the coding asked for: gzip's tag does not stand for the brotli body.
    expect((await httpRequest(`${url}ar/rss.xml`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': String(gzip.headers.etag) } })).status).toBe(304);
    expect((await httpRequest(`${url}ar/rss.xml`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': String(gzip.headers.etag) } })).status).toBe(200);
    // An image is sent as it is.
    const png = await httpRequest(`${url}pixel.png`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.equals(PNG)).toBe(true);
  });

  test("a folder's index.html, never a listing; a folder named without its slash is redirected", async () => {
    const index = await httpRequest(url);
    expect(index.status).toBe(200);
    expect(index.body.toString()).toContain('The feeds of the site.');
    expect((await httpRequest(`${url}sub/`)).body.toString()).toContain('<title>Sub</title>');
    const redirect = await httpRequest(`${url}sub`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/sub/');
    // A target that begins with two slashes is not sent back as one: `//sub/` would be another host.
    expect((await rawRequest(url, '//sub')).text).toMatch(/\r\nLocation: \/sub\/\r\n/);
    for (const path of ['empty/', 'en/', 'missing.xml', 'en/missing/']) expect((await httpRequest(`${url}${path}`)).status, path).toBe(404);
  });

  test('no path gets out of the output folder, however it is spelled; links out of it are refused', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../../../../../etc/passwd',
      '/en/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/.%2e/.%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/..%2F..%2Fetc%2Fpasswd',
      '/..%5c..%5c..%5cetc%5cpasswd',
      '/..\\..\\..\\etc\\passwd',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
      '/en/rss.xml%00.html',
      '/%00/etc/passwd',
      `/${'..%2f'.repeat(12)}etc/passwd`,
      '/link-out.txt',
      '/link-dir/secret.txt',
      '/link-dir/',
      '/.hidden',
      '//etc/passwd',
      'http://127.0.0.1/../../etc/passwd',
      '/%',
    ];
    for (const target of attempts) {
      const { status, text } = await rawRequest(url, target);
      expect([400, 403, 404], target).toContain(status);
      expect(text, target).not.toContain('TOP-SECRET');
      expect(text, target).not.toContain('root:');
    }
    // A link that stays inside is served.
    expect((await httpRequest(`${url}link-in.xml`)).status).toBe(200);
  });

  test('files written into the output folder (or the cache) start no build: neither is watched', async () => {
    writeFileSync(join(root, 'public/late.txt'), 'late\n');
    writeFileSync(join(root, '.polyfeed-cache/late.txt'), 'late\n');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(server.stdout()).not.toContain('Rebuilt');
    expect((await httpRequest(`${url}late.txt`)).headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  test('only GET and HEAD: anything else is 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const response = await httpRequest(`${url}en/rss.xml`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
  });
});

describe('polyfeed serve: rebuilds', () => {
  test('a saved article is served; a failed rebuild keeps the feeds byte for byte and lists its problems at /; a fix recovers; SIGTERM exits 0', async () => {
    const root = writeSite(siteFiles());
    const server = await startServe(['--root', root, ...NOW]);
    try {
      const { url } = server;
      expect(await englishTitles(url)).toEqual(['First']);

      mkdirSync(join(root, 'articles/second'));
      writeFileSync(join(root, 'articles/second/en.md'), '---\ntitle: Second story\ndate: 2025-04-01T09:30:00+01:00\n---\nMore.\n');
      await until(async () => ((await englishTitles(url)).includes('Second story') ? true : undefined), { what: () => 'the new article in the feed' });
      expect(await englishTitles(url)).toEqual(['Second story', 'First']);
      await until(() => (/Rebuilt after a change to articles\/second/.test(server.stdout()) ? true : undefined));

      const served = async () => Object.fromEntries(await Promise.all(FEEDS.map(async (path) => [path, (await httpRequest(`${url}${path}`)).body.toString('base64')] as const)));
      writeFileSync(join(root, 'public/index.html'), '<!DOCTYPE html>\n<html><head><title>Feeds</title></head><body><h1>Our feeds</h1></body></html>\n');
      const feedsBefore = await served();
      const diskBefore = readTree(join(root, 'public'));

      mkdirSync(join(root, 'articles/broken'));
      writeFileSync(join(root, 'articles/broken/en.md'), '---\ntitle: Broken <story>\ndate: yesterday\n---\nOops.\n');
      const page = await until(async () => {
        const response = await httpRequest(url);
        return response.body.toString('utf8').includes('INVALID_DATE') ? response : undefined;
      }, { what: () => 'the problems at /' });
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const text = DomUtils.textContent(parseDocument(page.body.toString('utf8')));
      expect(text).toContain('articles/broken/en.md:3');
      expect(text).toContain('"yesterday"');
      expect(text).toMatch(/hint: /);
      // The terminal got the same problems, formatted as `polyfeed build` formats them.
      await until(() => (server.stderr().includes('articles/broken/en.md:3') ? true : undefined));
      expect(server.stderr()).toContain('INVALID_DATE');
      expect(server.stdout()).toContain('Still serving the output of the last build that succeeded.');
      expect(await served()).toEqual(feedsBefore);
      expect(readTree(join(root, 'public'))).toEqual(diskBefore);
      // The problems page links to the last good index page, which says at its top that the last build failed.
      expect(DomUtils.getElementsByTagName('a', parseDocument(page.body.toString('utf8'))).map((link) => link.attribs.href)).toEqual(['/index.html']);
      const lastGood = await httpRequest(`${url}index.html`);
      const lastGoodDocument = parseDocument(lastGood.body.toString('utf8'));
      expect(DomUtils.textContent(DomUtils.getElementsByTagName('h1', lastGoodDocument))).toBe('Our feeds');
      const [notice] = DomUtils.getElements({ role: 'alert' }, lastGoodDocument, true);
      expect(DomUtils.textContent(notice!)).toContain('The last build failed (1 error)');
      expect(lastGood.headers['cache-control']).toBe('no-store');
      expect(lastGood.headers.etag).toBeUndefined();

      writeFileSync(join(root, 'articles/broken/en.md'), '---\ntitle: Fixed story\ndate: 2025-05-01T09:30:00+01:00\n---\nBetter.\n');
      await until(async () => ((await englishTitles(url)).includes('Fixed story') ? true : undefined), { what: () => 'the fixed article in the feed' });
      // The index page follows once the build has told the server (just after it published).
      await until(async () => ((await httpRequest(url)).body.toString('utf8').includes('INVALID_DATE') ? undefined : true), { what: () => 'the problems page gone' });
      const index = await httpRequest(url);
      expect(index.body.toString('utf8')).not.toContain('role="alert"');
      expect(index.headers.etag).toBeDefined();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test('a first build that fails: / lists the problems, nothing else is served, and the fix is', async () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Example Desk]\nmaxItems: many\n' }));
    const server = await startServe(['--root', root, ...NOW]);
    try {
      const { url } = server;
      const page = (await httpRequest(url)).body.toString('utf8');
      const text = DomUtils.textContent(parseDocument(page));
      expect(text).toContain('polyfeed.config.yaml:5');
      expect(text).toContain('maxItems');
      expect(DomUtils.getElementsByTagName('a', parseDocument(page))).toHaveLength(0);
      expect((await httpRequest(`${url}en/rss.xml`)).status).toBe(404);
      writeFileSync(join(root, 'polyfeed.config.yaml'), 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Example Desk]\nmaxItems: 10\n');
      expect(await until(async () => ((await englishTitles(url).catch((): string[] => [])).includes('First') ? true : undefined), { what: () => 'the feed after the fix' })).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test("a change to the site's helpers module is seen by the next build (each build loads it anew)", async () => {
    const helpers = (word: string) => `export function mark(text) { return '${word} ' + text; }\n`;
    const root = writeSite(
      siteFiles({
        'polyfeed.config.yaml': 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Example Desk]\nhelpers: ./feed-helpers.mjs\n',
        'feed-helpers.mjs': helpers('ONE'),
        'templates/partials/byline.hbs': '<p class="byline">{{mark "by the desk"}}</p>',
      }),
    );
    const server = await startServe(['--root', root, ...NOW]);
    try {
      const jsonFeed = async () => (await httpRequest(`${server.url}en/feed.json`)).body.toString('utf8');
      expect(await jsonFeed()).toContain('ONE by the desk');
      writeFileSync(join(root, 'feed-helpers.mjs'), helpers('TWO'));
      await until(async () => ((await jsonFeed()).includes('TWO by the desk') ? true : undefined), { what: () => `the new helper in the feed:\n${server.stdout()}\n${server.stderr()}` });
    } finally {
      // Ctrl-C: SIGINT stops it as SIGTERM does, with exit code 0.
      expect(await server.stop('SIGINT')).toBe(0);
    }
  });

  test('a port already taken is a usage error (exit 2)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const root = writeSite(siteFiles());
      const run = runCli(['serve', '--root', root, '--port', String((taken.address() as AddressInfo).port), ...NOW]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/Cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      taken.close();
    }
  });

  test('a missing site folder is a usage error (exit 2) before anything is served', async () => {
    const missing = join(tmpdir(), 'polyfeed-no-such-site-folder');
    const run = runCli(['serve', '--root', missing, '--port', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a folder');
    expect(run.stdout).not.toContain('Serving');
  });
});
