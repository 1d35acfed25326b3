// The pending WebSub pings: what a build adds (current feeds written), drops (feeds removed) and what a ping clears.
import { describe, expect, test } from 'vitest';
import { currentFeedUrlOf, withFeedChanges, withoutSent } from '../../../src/cache/pending-pings.js';

const baseUrl = 'https://news.example.org/';

describe('currentFeedUrlOf', () => {
  test('the URL of a current feed file, the combined feed included', () => {
    expect(currentFeedUrlOf(baseUrl, 'en/rss.xml')).toBe('https://news.example.org/en/rss.xml');
    expect(currentFeedUrlOf(baseUrl, 'pt-BR/feed.json')).toBe('https://news.example.org/pt-BR/feed.json');
    expect(currentFeedUrlOf(baseUrl, 'mul/atom.xml')).toBe('https://news.example.org/mul/atom.xml');
    expect(currentFeedUrlOf('https://example.org/news/', 'en/atom.xml')).toBe('https://example.org/news/en/atom.xml');
  });

  test('none for archive pages, compressed copies and any other output', () => {
    expect(currentFeedUrlOf(baseUrl, 'en/archive/3/rss.xml')).toBeUndefined();
    expect(currentFeedUrlOf(baseUrl, 'en/rss.xml.gz')).toBeUndefined();
    expect(currentFeedUrlOf(baseUrl, 'en/index.html')).toBeUndefined();
    expect(currentFeedUrlOf(baseUrl, 'index.html')).toBeUndefined();
  });
});

describe('withFeedChanges and withoutSent', () => {
  test('a build adds the current feeds it wrote, renews their token, and drops those it removed', () => {
    const pending = { 'https://news.example.org/ar/rss.xml': 'b1', 'https://news.example.org/fr/rss.xml': 'b1' };
    const next = withFeedChanges(pending, { baseUrl, written: ['en/rss.xml', 'en/rss.xml.br', 'en/archive/1/rss.xml', 'ar/rss.xml'], removed: ['fr/rss.xml'], token: 'b2' });
    expect(next).toEqual({ 'https://news.example.org/ar/rss.xml': 'b2', 'https://news.example.org/en/rss.xml': 'b2' });
    expect(Object.keys(next)).toEqual(['https://news.example.org/ar/rss.xml', 'https://news.example.org/en/rss.xml']);
  });

  test('a build that changed nothing leaves the set as it was', () => {
    const pending = { 'https://news.example.org/ar/rss.xml': 'b1' };
    expect(withFeedChanges(pending, { baseUrl, written: [], removed: [], token: 'b2' })).toEqual(pending);
  });

  test('a ping clears what it sent, unless a build changed it again while it was being sent', () => {
    const sent = { 'https://news.example.org/ar/rss.xml': 'b1', 'https://news.example.org/en/rss.xml': 'b1' };
    const meanwhile = { 'https://news.example.org/ar/rss.xml': 'b1', 'https://news.example.org/en/rss.xml': 'b2', 'https://news.example.org/fr/rss.xml': 'b2' };
    expect(withoutSent(meanwhile, sent)).toEqual({ 'https://news.example.org/en/rss.xml': 'b2', 'https://news.example.org/fr/rss.xml': 'b2' });
  });
});
