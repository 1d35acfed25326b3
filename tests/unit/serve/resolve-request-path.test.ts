import { describe, expect, test } from 'vitest';
import { resolveRequestPath } from '../../../src/serve/resolve-request-path.js';

describe('resolveRequestPath', () => {
  test.each([
    ['/', [], true],
    ['/en/rss.xml', ['en', 'rss.xml'], false],
    ['/en/', ['en'], true],
    ['/en', ['en'], false],
    ['/pt-BR/feed.json?utm=1#top', ['pt-BR', 'feed.json'], false],
    ['/caf%C3%A9/a%20b.xml', ['café', 'a b.xml'], false],
    ['//en//rss.xml', ['en', 'rss.xml'], false],
    ['http://127.0.0.1:8080/en/atom.xml', ['en', 'atom.xml'], false],
    ['/a..b/c...', ['a..b', 'c...'], false],
  ])('%s names %j', (target, segments, folder) => {
    expect(resolveRequestPath(target)).toEqual({ kind: 'path', segments, folder });
  });

  test.each([
    '/../etc/passwd',
    '/en/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/etc/passwd',
    '/.%2e/etc/passwd',
    '/%2e./etc/passwd',
    '/en/%2e%2e/%2e%2e/etc/passwd',
    '/./en/rss.xml',
    '/%2e/en/rss.xml',
  ])('%s steps out of its folder: 403', (target) => {
    expect(resolveRequestPath(target)).toMatchObject({ kind: 'refused', status: 403 });
  });

  test.each([
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2Fetc%2Fpasswd',
    '/en%2f..%2f..%2fetc',
    '/..%5c..%5cetc%5cpasswd',
    '/..\\..\\etc\\passwd',
    '/en\\rss.xml',
    '/en/rss.xml%00.html',
    '/%00',
    '/%zz',
    '/%2',
    '/%C0%AE%C0%AE/etc/passwd',
    '/%ff',
    'en/rss.xml',
    '*',
  ])('%s is malformed or hides a separator: 400', (target) => {
    expect(resolveRequestPath(target)).toMatchObject({ kind: 'refused', status: 400 });
  });

  test.each(['/.polyfeed-lock', '/en/.rss.xml.tmp', '/.git/config', '/%2Epolyfeed-cache/index.json'])('%s is hidden: 404', (target) => {
    expect(resolveRequestPath(target)).toMatchObject({ kind: 'refused', status: 404 });
  });
});
