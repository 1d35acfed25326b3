// Issue 16 in a real browser, through the preview server: `polyfeed serve` on a copy of the sample
// site, a feed opened in headless Chromium reads as a page (the browser gets it as XML it styles with
// feed.css), while a feed reader asking for the feed's type gets that type, over the same URL.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, sampleSiteFiles, writeSite } from '../helpers/site-fixture.js';
import { httpRequest, startServe, type ServeProcess } from '../helpers/serve-cli.js';
import { inNewTab, launchChromium, skipReason } from '../helpers/headless-chromium.js';

const ARTIFACTS = join(repoRoot, 'tests/artifacts/browser');

/** Runs in the page (plain JavaScript: the project has no DOM types): what the browser made of the feed. */
const SEEN = `({
  root: document.documentElement.localName,
  contentType: document.contentType,
  xsltBanner: document.getElementsByTagName('xslt-warning-banner').length > 0,
  titles: [...document.querySelectorAll('item > title')].map((title) => ({
    text: title.textContent,
    height: title.getBoundingClientRect().height,
    direction: getComputedStyle(title).direction,
  })),
})`;

describe.skipIf(skipReason !== undefined)('polyfeed serve, opened in headless Chromium', () => {
  let server: ServeProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    const root = writeSite(sampleSiteFiles());
    server = await startServe(['--root', root, '--now', '2026-01-01T00:00:00Z']);
    ({ browser, close: closeBrowser } = await launchChromium());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    expect(await server?.stop()).toBe(0);
  });

  test('the Arabic RSS feed reads as a right-to-left page with every item title laid out', async () => {
    const json = JSON.parse((await httpRequest(`${server.url}ar/feed.json`)).body.toString('utf8')) as { items: { title: string }[] };
    await inNewTab(browser, async (page) => {
      const response = await page.goto(`${server.url}ar/rss.xml`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toBe('application/xml; charset=utf-8');
      const seen = (await page.evaluate(SEEN)) as { root: string; contentType: string; xsltBanner: boolean; titles: { text: string; height: number; direction: string }[] };
      expect(seen).toMatchObject({ root: 'rss', contentType: 'application/xml', xsltBanner: false });
      expect(seen.titles.map((title) => title.text)).toEqual(json.items.map((item) => item.title));
      for (const title of seen.titles) {
        expect(title.height).toBeGreaterThan(0);
        expect(title.direction).toBe('rtl');
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, 'serve-ar-rss.png');
      await page.screenshot({ path });
      expect(readFileSync(path).subarray(1, 4).toString('latin1')).toBe('PNG');
    });
  });

  test('the same URL gives a feed reader the feed\'s own type, with its own entity tag', async () => {
    const reader = await httpRequest(`${server.url}ar/rss.xml`, { headers: { Accept: 'application/rss+xml, application/xml;q=0.9' } });
    const browserLike = await httpRequest(`${server.url}ar/rss.xml`, { headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(reader.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(browserLike.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(reader.body.equals(browserLike.body)).toBe(true);
    expect(reader.headers.etag).not.toBe(browserLike.headers.etag);
    expect(reader.headers.vary).toContain('Accept');
  });
});

if (skipReason !== undefined) {
  console.warn(`tests/browser: skipped, ${skipReason}`);
  test.skip(`polyfeed serve in headless Chromium: skipped, ${skipReason}`, () => {});
}
