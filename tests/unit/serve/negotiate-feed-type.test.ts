import { describe, expect, test } from 'vitest';
import { negotiateFeedType } from '../../../src/serve/negotiate-feed-type.js';
import { planFileResponse } from '../../../src/serve/plan-file-response.js';

const RSS = 'application/rss+xml; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';
// What Chromium and Firefox send when a feed is opened from the address bar or a link.
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const READER = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8';

describe('negotiateFeedType', () => {
  test('a browser opening a feed gets generic XML, which it shows with the feed\'s stylesheet', () => {
    expect(negotiateFeedType(RSS, BROWSER)).toEqual({ mediaType: 'application/xml; charset=utf-8', variant: 'browser' });
    expect(negotiateFeedType(ATOM, BROWSER).variant).toBe('browser');
  });

  test('a feed reader, a client naming the feed type, or one with no Accept gets the feed\'s own type', () => {
    expect(negotiateFeedType(RSS, READER)).toEqual({ mediaType: RSS, variant: 'feed' });
    expect(negotiateFeedType(ATOM, `${BROWSER}, application/atom+xml`).mediaType).toBe(ATOM);
    expect(negotiateFeedType(RSS, undefined).mediaType).toBe(RSS);
    expect(negotiateFeedType(RSS, '*/*').mediaType).toBe(RSS);
    // HTML refused (q=0) is no browser asking for a page.
    expect(negotiateFeedType(RSS, 'text/html;q=0, */*').mediaType).toBe(RSS);
  });

  test('other files are not negotiated', () => {
    expect(negotiateFeedType('application/feed+json; charset=utf-8', BROWSER)).toEqual({ mediaType: 'application/feed+json; charset=utf-8', variant: undefined });
    expect(negotiateFeedType('text/html; charset=utf-8', BROWSER).variant).toBeUndefined();
  });

  test('the browser\'s representation has its own entity tag and the answers vary by Accept', () => {
    const file = { digest: 'd1g3st', lastModifiedMs: 0, mediaType: RSS };
    const forBrowser = planFileResponse({ method: 'GET', accept: BROWSER }, file);
    const forReader = planFileResponse({ method: 'GET', accept: READER }, file);
    expect(forBrowser.headers.ETag).toBe('"d1g3st-xml"');
    expect(forReader.headers.ETag).toBe('"d1g3st"');
    expect(forBrowser.headers.Vary).toBe('Accept-Encoding, Accept');
    // A reader's tag does not make the browser's representation "not modified", nor the other way round.
    expect(planFileResponse({ method: 'GET', accept: BROWSER, ifNoneMatch: '"d1g3st"' }, file).status).toBe(200);
    expect(planFileResponse({ method: 'GET', accept: BROWSER, ifNoneMatch: '"d1g3st-xml"' }, file).status).toBe(304);
  });
});
