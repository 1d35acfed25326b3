// Issue 15, "Coverage": which status each article has in each language, from the article table alone
// (and the translationOf and fallback chain handed in).
import { describe, expect, test } from 'vitest';
import { coverageOfArticles, sourceLanguageOf, type ArticleCoverageInput } from '../../../src/translate/article-coverage.js';
import { publishedAt } from '../../../src/model/publication-window.js';
import type { ArticleSummary } from '../../../src/model/article-summary.js';
import { tableOfSummaries } from '../../helpers/table-of-summaries.js';

const day = (n: number) => Date.UTC(2025, 0, n);

function summary(key: string, lang: string, dateDay: number, updatedDay = dateDay, draft = false): ArticleSummary {
  return { file: `articles/${key}/${lang}.md`, key, lang, title: `${key} ${lang}`, dateMs: day(dateDay), updatedMs: day(updatedDay), id: undefined, draft };
}

function input(summaries: ArticleSummary[], overrides: Partial<ArticleCoverageInput> = {}): ArticleCoverageInput {
  return {
    table: tableOfSummaries(summaries),
    languages: ['en', 'pt-PT', 'pt-BR'],
    defaultLanguage: 'en',
    window: publishedAt(day(20)),
    translationOfRow: () => undefined,
    fallbackChainOf: () => [],
    ...overrides,
  };
}

describe('coverageOfArticles', () => {
  test('a fallback chain makes an absent version a fallback from the first language of the chain that has one', () => {
    const rows = coverageOfArticles(
      input([summary('a', 'en', 1), summary('a', 'pt-PT', 2)], { fallbackChainOf: (lang) => (lang === 'pt-BR' ? ['pt-PT', 'en'] : []) }),
    );
    expect(rows[0]!.cells['pt-BR']).toMatchObject({ kind: 'fallback', from: 'pt-PT', file: 'articles/a/pt-PT.md' });
  });

  test('a chain none of whose languages has a version leaves the version missing', () => {
    const rows = coverageOfArticles(input([summary('a', 'en', 1)], { fallbackChainOf: () => ['pt-PT'] }));
    expect(rows[0]!.cells['pt-BR']!.kind).toBe('missing');
  });

  test('an update of the source scheduled after now does not make its translation outdated yet', () => {
    const rows = coverageOfArticles(input([summary('a', 'en', 1, 25), summary('a', 'pt-PT', 2)]));
    expect(rows[0]!.cells['pt-PT']!.kind).toBe('translated');
  });

  test('a scheduled version is missing, and the same instant as its source is not outdated', () => {
    const rows = coverageOfArticles(input([summary('a', 'en', 1, 3), summary('a', 'pt-PT', 3), summary('a', 'pt-BR', 30)]));
    expect(rows[0]!.cells['pt-PT']!.kind).toBe('translated');
    expect(rows[0]!.cells['pt-BR']!.kind).toBe('missing');
  });

  test('the source a version names is the one it is compared with', () => {
    const summaries = [summary('a', 'en', 1, 10), summary('a', 'pt-PT', 2), summary('a', 'pt-BR', 3)];
    const table = tableOfSummaries(summaries);
    const rows = coverageOfArticles(input(summaries, { table, translationOfRow: (row) => (table.langAt(row) === 'pt-BR' ? 'pt-PT' : undefined) }));
    expect(rows[0]!.cells['pt-PT']!.kind).toBe('outdated');
    expect(rows[0]!.cells['pt-BR']).toMatchObject({ kind: 'translated', from: 'pt-PT' });
  });
});

describe('sourceLanguageOf', () => {
  test('the default language by default; none for the default language\'s own version', () => {
    expect(sourceLanguageOf('fr', undefined, 'en')).toBe('en');
    expect(sourceLanguageOf('en', undefined, 'en')).toBeUndefined();
    expect(sourceLanguageOf('en', 'fr', 'en')).toBe('fr');
  });
});
