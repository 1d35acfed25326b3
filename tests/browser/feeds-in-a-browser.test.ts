// Issue 16 in a real browser: the sample site's RSS and Atom feeds, opened in headless Chromium,
// read as a page (CSS, no XSLT) in their language and direction, and its subscribe page lists every
// feed. The built output is served over loopback by a small static server inside the test, with
// the media types static hosts give these files. Screenshots go to tests/artifacts/browser/.
// Needs a Chromium binary (Debian's `chromium`; .ci/run installs it) and puppeteer-core: without
// them, the tests are skipped with the reason.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSources } from '../../src/load/read-sources.js';
import { bodyText } from '../../src/model/output-file.js';
import { build } from '../../src/run/build-site.js';
import { repoRoot } from '../helpers/site-fixture.js';
import { inNewTab as inNewTabOf, launchChromium, skipReason } from '../helpers/headless-chromium.js';

const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'pt-BR'];
const ARTIFACTS = join(repoRoot, 'tests/artifacts/browser');
/**
 * What runs in the page, as JavaScript source: the project's TypeScript has no DOM library (giving
 * src/ the browser's globals would hide mistakes there), so these are not type-checked here.
 */
const IN_PAGE = {
  /** Two frames later: issues reported while the document was parsed have arrived. */
  settle: 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  document: `({
    root: document.documentElement.localName,
    contentType: document.contentType,
    instructions: [...document.childNodes].filter((node) => node.nodeType === Node.PROCESSING_INSTRUCTION_NODE).map((node) => node.target + ' ' + node.data),
    xsltBanner: document.getElementsByTagName('xslt-warning-banner').length > 0,
  })`,
  /** Each item's title as shown: its title element, or for an Atom title in escaped HTML the plain text feed.css shows from its link. */
  itemTitles: `[...document.querySelectorAll('item, entry')].map((item) => {
    const title = [...item.children].find((child) => child.localName === 'title');
    const fromLink = getComputedStyle(title).display === 'none';
    const shown = fromLink ? [...item.children].find((child) => child.localName === 'link' && child.getAttribute('rel') === 'alternate') : title;
    const box = shown.getBoundingClientRect();
    const style = getComputedStyle(shown);
    const text = fromLink ? JSON.parse(getComputedStyle(shown, '::before').content) : shown.textContent;
    return { text, fromLink, width: box.width, height: box.height, display: style.display, direction: style.direction };
  })`,
  noteLink: `(() => {
    const anchor = document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'a')[0];
    return anchor && { href: anchor.href, lang: anchor.closest('[lang]')?.getAttribute('lang'), isLink: anchor instanceof HTMLAnchorElement, width: anchor.getBoundingClientRect().width };
  })()`,
  itemHtmlHidden: `[...document.getElementsByTagNameNS('*', 'encoded'), ...document.getElementsByTagName('content')].every((element) => getComputedStyle(element).display === 'none')`,
  sections: `[...document.querySelectorAll('section')].map((section) => ({
    id: section.id,
    direction: getComputedStyle(section).direction,
    heading: section.querySelector('h2').innerText,
    links: [...section.querySelectorAll('a')].map((anchor) => anchor.href),
    height: section.getBoundingClientRect().height,
  }))`,
} as const;

/** Media types as static hosts send them for these extensions (GitHub Pages, Netlify: `.xml` is application/xml). */
const MEDIA_TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
};

/** A feed with an XSLT stylesheet, the way a site's `stylesheet: feed.xsl` did it: the control that shows the checks below can fail. */
const XSLT_CONTROL: Record<string, string> = {
  'control/rss.xml':
    '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="feed.xsl" type="text/xsl"?>\n<rss version="2.0"><channel><title>Control</title><link>https://news.example.org/</link><description>XSLT</description><item><title>An item</title></item></channel></rss>\n',
  'control/feed.xsl':
    '<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><html><body><h1><xsl:value-of select="/rss/channel/title"/></h1></body></html></xsl:template></xsl:stylesheet>\n',
};

/** Serves `files` (path → text) at `/<path>`, `/` as index.html; anything else is a 404. */
function serve(files: ReadonlyMap<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).slice(1) || 'index.html';
    const body = files.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': MEDIA_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** What the browser made of a document, and whether anything of XSLT happened while it loaded. */
interface Rendered {
  /** The document's root element and media type: the feed's own XML document, or what an XSLT made of it. */
  readonly root: string;
  readonly contentType: string;
  /** Its processing instructions, as `target data`. */
  readonly instructions: readonly string[];
  /** Chromium 156's red banner over a page made by XSLT. */
  readonly xsltBanner: boolean;
  /** Deprecation issues (DevTools "Issues") and console messages about XSLT. */
  readonly xsltReports: readonly string[];
}

/** Loads `url` in `page` and tells how it was rendered (see Rendered). */
async function open(page: Page, url: string): Promise<Rendered> {
  const reports: string[] = [];
  const cdp = await page.createCDPSession();
  cdp.on('Audits.issueAdded', (event: { issue: { code: string; details: unknown } }) => {
    const text = JSON.stringify(event.issue);
    if (/xslt/i.test(text)) reports.push(text);
  });
  await cdp.send('Audits.enable');
  const onConsole = (message: { text(): string }) => {
    if (/xslt/i.test(message.text())) reports.push(message.text());
  };
  page.on('console', onConsole);
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await page.evaluate(IN_PAGE.settle);
  const seen = (await page.evaluate(IN_PAGE.document)) as Omit<Rendered, 'xsltReports'>;
  page.off('console', onConsole);
  await cdp.detach();
  return { ...seen, xsltReports: reports };
}

/** The titles of a feed's items as the browser lays them out: text, box size, display and direction. */
async function itemTitles(page: Page): Promise<{ text: string; fromLink: boolean; width: number; height: number; display: string; direction: string }[]> {
  return (await page.evaluate(IN_PAGE.itemTitles)) as { text: string; fromLink: boolean; width: number; height: number; display: string; direction: string }[];
}

async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // The whole page in the viewport: a full-page capture of a right-to-left document comes out shifted.
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  await page.setViewport({ width: 900, height: Math.max(700, Math.ceil(height)) });
  await page.screenshot({ path });
  return path;
}

describe.skipIf(skipReason !== undefined)('the sample site in headless Chromium', () => {
  const result = build(readSources(repoRoot), { version: 'browser', now: new Date('2026-01-01T00:00:00Z') });
  const files = new Map([...result.files.map((file) => [file.path, bodyText(file.body)] as const), ...Object.entries(XSLT_CONTROL)]);
  let server: Server;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    expect(result.errors).toEqual([]);
    server = await serve(files);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    ({ browser, close: closeBrowser } = await launchChromium());
  }, 120_000);

  /** A new tab for each document: DevTools issues belong to a tab, so none of another document's can show up. */
  const inNewTab = <T>(use: (page: Page) => Promise<T>): Promise<T> => inNewTabOf(browser, use);

  afterAll(async () => {
    console.info(`Screenshots of the pages: ${ARTIFACTS}`);
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('the control: a feed with an XSLT stylesheet is caught by the checks the feeds pass', async () => {
    const seen = await inNewTab((page) => open(page, `${base}control/rss.xml`));
    // Chromium 156 still runs it: the document becomes the transform's HTML, under a warning banner,
    // with a deprecation issue. A Chromium that no longer runs XSLT still reports the instruction.
    expect(seen.root === 'html' || seen.xsltReports.length > 0).toBe(true);
    if (seen.root === 'html') expect(seen.xsltBanner || seen.xsltReports.length > 0).toBe(true);
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    const titles = (JSON.parse(files.get(`${lang}/feed.json`)!) as { items: { title: string }[] }).items.map((item) => item.title);

    test.each(['rss.xml', 'atom.xml'])('%s reads as a page: CSS, no XSLT, every item title laid out, in the feed\'s direction', async (file) => {
      await inNewTab(async (page) => {
        const seen = await open(page, `${base}${lang}/${file}`);
        expect(seen).toEqual({
          root: file === 'rss.xml' ? 'rss' : 'feed',
          // Served as application/xml (Chromium 156 says application/rss+xml or atom+xml, having sniffed a feed), and
          // rendered as the XML document it is: not text/plain, not the text/html an XSLT makes.
          contentType: expect.stringMatching(/^application\/((rss|atom)\+)?xml$/),
          instructions: ['xml-stylesheet href="../feed.css" type="text/css"'],
          xsltBanner: false,
          xsltReports: [],
        });
        const laidOut = await itemTitles(page);
        // Every title exactly, "AT&T" and "1 < 2" included (an Atom title in escaped HTML is shown from its link's plain-text title).
        expect(laidOut.map((title) => title.text)).toEqual(titles);
        expect(laidOut.some((title) => title.fromLink)).toBe(file === 'atom.xml' && titles.some((title) => /[<&]/.test(title)));
        for (const title of laidOut) {
          expect(title.display).toBe('block');
          expect(title.width).toBeGreaterThan(0);
          expect(title.height).toBeGreaterThan(0);
          expect(title.direction).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        }
        // The note is HTML inside the XML document: a link to the subscribe page, laid out and in the feed's language.
        const link = (await page.evaluate(IN_PAGE.noteLink)) as { href: string; lang: string; isLink: boolean; width: number } | undefined;
        expect(link).toEqual({ href: `https://news.example.org/#${lang}`, lang, isLink: true, width: expect.any(Number) });
        expect(link!.width).toBeGreaterThan(0);
        // The items' HTML is not shown.
        expect(await page.evaluate(IN_PAGE.itemHtmlHidden)).toBe(true);
        const path = await screenshot(page, `${lang}-${file.replace('.xml', '')}`);
        expect(readFileSync(path).subarray(1, 4).toString('latin1')).toBe('PNG');
      });
    });
  });

  test('index.html lists every language in its own direction, with its feeds\' links', async () => {
    await inNewTab(async (page) => {
      const seen = await open(page, base);
      expect(seen.root).toBe('html');
      expect(seen.xsltReports).toEqual([]);
      const sections = (await page.evaluate(IN_PAGE.sections)) as { id: string; direction: string; heading: string; links: string[]; height: number }[];
      expect(sections.map((section) => section.id)).toEqual(LANGUAGES);
      for (const section of sections) {
        expect(section.direction).toBe(section.id === 'ar' ? 'rtl' : 'ltr');
        expect(section.heading.length).toBeGreaterThan(0);
        expect(section.height).toBeGreaterThan(0);
        expect(section.links).toEqual(['rss.xml', 'atom.xml', 'feed.json'].map((file) => `https://news.example.org/${section.id}/${file}`));
      }
      const path = await screenshot(page, 'index');
      expect(readFileSync(path).subarray(1, 4).toString('latin1')).toBe('PNG');
    });
  });
});

// Said in the test report and on stderr, so a developer without Chromium sees why these tests did not run.
if (skipReason !== undefined) {
  console.warn(`tests/browser: skipped, ${skipReason}`);
  test.skip(`the sample site in headless Chromium: skipped, ${skipReason}`, () => {});
}
