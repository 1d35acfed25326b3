import { describe, expect, test } from 'vitest';
import { isCompressible, mediaTypeOf } from '../../../src/serve/media-types.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('mediaTypeOf', () => {
  test.each([
    ['en/rss.xml', '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">', 'application/rss+xml; charset=utf-8'],
    ['en/rss.xml', '\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" href="/feed.css"?>\n<!-- made by polyfeed -->\n<rss version="2.0">', 'application/rss+xml; charset=utf-8'],
    ['en/atom.xml', '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'application/atom+xml; charset=utf-8'],
    ['en/archive/1.xml', '<?xml version="1.0"?><atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', 'application/atom+xml; charset=utf-8'],
    ['sitemap.xml', '<?xml version="1.0"?><urlset>', 'application/xml; charset=utf-8'],
    ['en/feed.json', '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "x"', 'application/feed+json; charset=utf-8'],
    ['data.json', '{"version": 2}', 'application/json; charset=utf-8'],
    ['index.html', '<!DOCTYPE html>', 'text/html; charset=utf-8'],
    ['feed.css', 'body{}', 'text/css; charset=utf-8'],
    ['media/a.JPG', '', 'image/jpeg'],
    ['media/a.png', '', 'image/png'],
    ['logo.svg', '<svg>', 'image/svg+xml; charset=utf-8'],
    ['README', 'text', 'application/octet-stream'],
    ['en/rss.xml.gz', '', 'application/gzip'],
  ])('%s', (path, head, type) => {
    expect(mediaTypeOf(path, bytes(head))).toBe(type);
  });

  test('feeds, pages and styles are compressed; images are not', () => {
    for (const type of ['application/rss+xml; charset=utf-8', 'application/atom+xml; charset=utf-8', 'application/feed+json; charset=utf-8', 'text/html; charset=utf-8', 'text/css; charset=utf-8', 'image/svg+xml; charset=utf-8']) {
      expect(isCompressible(type)).toBe(true);
    }
    for (const type of ['image/png', 'image/jpeg', 'application/gzip', 'application/octet-stream']) expect(isCompressible(type)).toBe(false);
  });
});
