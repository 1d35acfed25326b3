// The combined feed's entries (issue 15): every language's published versions, each once, newest first, ties by id; maxItems of all.
import { describe, expect, test } from 'vitest';
import { combinedEntriesOf } from '../../../src/feeds/combined-entries.js';
import type { PublishedEntries, PublishedEntry } from '../../../src/translate/published-entry.js';

function entry(lang: string, key: string, date: string): PublishedEntry {
  const url = `https://example.org/${lang}/${key}/`;
  const dateMs = Date.parse(date);
  return { summary: { file: `articles/${key}/${lang}.md`, key, lang, title: key, dateMs, updatedMs: dateMs, id: undefined, draft: false }, url, id: url, translations: [] };
}

/** Published entries as resolveTranslations gives them: each language's newest first, ties by id, `limit` of them (0: all). */
function publishedOf(entries: readonly PublishedEntry[]): PublishedEntries & { asked: [string, number][] } {
  const asked: [string, number][] = [];
  return {
    asked,
    newestOf(lang, limit) {
      asked.push([lang, limit]);
      const newest = entries.filter((e) => e.summary.lang === lang).sort((a, b) => b.summary.dateMs - a.summary.dateMs || (a.id < b.id ? -1 : 1));
      return limit > 0 ? newest.slice(0, limit) : newest;
    },
    idsOf: () => ({ keys: [], ids: [], dateMs: [] }),
  };
}

const ENTRIES = [
  entry('en', 'flood', '2025-03-14T09:00:00Z'),
  entry('fr', 'flood', '2025-03-14T09:00:00Z'),
  entry('ar', 'flood', '2025-03-14T09:00:00Z'),
  entry('en', 'summit', '2025-03-10T09:00:00Z'),
  entry('fr', 'bindery', '2025-03-20T09:00:00Z'),
  entry('ar', 'summit', '2025-03-11T09:00:00Z'),
];

describe('combinedEntriesOf', () => {
  test('takes every version of every language once, newest first, versions of one date by id', () => {
    const ids = combinedEntriesOf(publishedOf(ENTRIES), ['en', 'fr', 'ar'], 0).map((e) => e.id);
    expect(ids).toEqual([
      'https://example.org/fr/bindery/',
      'https://example.org/ar/flood/',
      'https://example.org/en/flood/',
      'https://example.org/fr/flood/',
      'https://example.org/ar/summit/',
      'https://example.org/en/summit/',
    ]);
  });

  test('keeps the newest `limit` of all languages, asking each language for no more than that', () => {
    const published = publishedOf(ENTRIES);
    expect(combinedEntriesOf(published, ['en', 'fr', 'ar'], 2).map((e) => e.id)).toEqual(['https://example.org/fr/bindery/', 'https://example.org/ar/flood/']);
    expect(published.asked).toEqual([['en', 2], ['fr', 2], ['ar', 2]]);
  });

  test('is the same whatever the order of the languages', () => {
    const a = combinedEntriesOf(publishedOf(ENTRIES), ['en', 'fr', 'ar'], 0);
    const b = combinedEntriesOf(publishedOf(ENTRIES), ['ar', 'en', 'fr'], 0);
    expect(b).toEqual(a);
  });
});
