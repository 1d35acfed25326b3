import { describe, expect, test } from 'vitest';
import { makeError } from '../../../src/model/build-error.js';
import type { ArticleSummary } from '../../../src/model/article-summary.js';
import { ArticleTable, type ArticleRow } from '../../../src/model/article-table.js';
import { concatTables } from '../../../src/model/concat-tables.js';
import { resolveTranslations } from '../../../src/translate/resolve-translations.js';
import { publishedAt } from '../../../src/model/publication-window.js';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { publishedInPathOrder } from '../../helpers/publish-articles.js';
import { tableOfSummaries } from '../../helpers/table-of-summaries.js';

function summary(key: string, lang: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return { file: `articles/${key}/${lang}.md`, key, lang, title: `${key} (${lang})`, dateMs: 1_700_000_000_123, updatedMs: 1_700_000_000_123, id: undefined, draft: false, ...extra };
}

const row = (value: ArticleSummary, stamp: ArticleRow['stamp'] = [100, 1_733_000_000_000.5, 4242]): ArticleRow => ({ path: value.file, summary: value, problems: [], stamp, digest: `digest of ${value.file}` });

describe('ArticleTable', () => {
  test('gives back every field of every row as pushed', () => {
    const rows: ArticleRow[] = [
      row(summary('a', 'en', { id: 'urn:x:1', updatedMs: 1_800_000_000_000, slug: 'a-slug' })),
      { path: 'articles/b/en.md', summary: undefined, problems: [makeError('YAML_SYNTAX', { kind: 'duplicate-key' }, { file: 'articles/b/en.md', line: 2 })], stamp: [7, 8, 9], digest: 'x' },
      row(summary('c', 'fr', { draft: true, translationOf: 'en' })),
    ];
    const table = ArticleTable.of(rows);
    expect(table.length).toBe(3);
    expect(table.toColumns()).toEqual({
      path: ['articles/a/en.md', 'articles/b/en.md', 'articles/c/fr.md'],
      size: [100, 7, 100],
      mtimeMs: [1_733_000_000_000.5, 8, 1_733_000_000_000.5],
      ino: [4242, 9, 4242],
      digest: ['digest of articles/a/en.md', 'x', 'digest of articles/c/fr.md'],
      title: ['a (en)', null, 'c (fr)'],
      dateMs: [1_700_000_000_123, 0, 1_700_000_000_123],
      updatedMs: [1_800_000_000_000, 0, 1_700_000_000_123],
      id: ['urn:x:1', null, null],
      draft: [0, 0, 1],
      slug: ['a-slug', null, null],
      translationOf: [null, null, 'en'],
      problems: { 1: rows[1]!.problems },
    });
    expect(table.summaryAt(0)).toEqual({ ...rows[0]!.summary, translationOf: undefined });
    expect(table.summaryAt(2)).toEqual(rows[2]!.summary);
    expect(table.summaryAt(1)).toBeUndefined();
    expect([...table.rowsWithProblems()].map(([position]) => position)).toEqual([1]);
    expect([0, 1, 2].map((position) => [table.isArticle(position), !table.isDraft(position) && table.isArticle(position)])).toEqual([
      [true, true],
      [false, false],
      [true, false],
    ]);
    expect(table.keyAt(2)).toBe('c');
    expect(table.langAt(2)).toBe('fr');
  });

  test('survives a trip through its columns as JSON, as the build index stores it', () => {
    const table = ArticleTable.of([row(summary('a', 'en')), row(summary('a', 'pt-BR', { id: 'tag:x' }))]);
    const again = ArticleTable.fromColumns(JSON.parse(JSON.stringify(table.toColumns())));
    expect(again.toColumns()).toEqual(table.toColumns());
  });

  test('tables joined one after the other keep their rows and move their problems along', () => {
    const problem = makeError('YAML_SYNTAX', { kind: 'duplicate-key' }, { file: 'articles/c/en.md' });
    const first = ArticleTable.of([row(summary('a', 'en')), row(summary('b', 'en'))]);
    const second = ArticleTable.of([{ path: 'articles/c/en.md', summary: undefined, problems: [problem], stamp: [1, 2, 3], digest: '' }]);
    const joined = concatTables([first, ArticleTable.empty(), second]);
    expect(joined.paths).toEqual(['articles/a/en.md', 'articles/b/en.md', 'articles/c/en.md']);
    expect([...joined.rowsWithProblems()]).toEqual([[2, [problem]]]);
  });

  test('rows copied from another table, with other problems or another stamp when given', () => {
    const warning = makeError('YAML_SYNTAX', { kind: 'unparsable', reason: 'Odd.' }, { file: 'articles/a/en.md', severity: 'warning' });
    const source = ArticleTable.of([row(summary('a', 'en'))]);
    const copy = ArticleTable.empty();
    copy.pushFrom(source, 0, { problems: [warning] });
    copy.pushFrom(source, 0, { stamp: [1, 2, 3] });
    copy.pushFrom(source, 0);
    const original = row(summary('a', 'en'));
    expect(copy.toColumns()).toEqual(ArticleTable.of([{ ...original, problems: [warning] }, { ...original, stamp: [1, 2, 3] }, original]).toColumns());
  });

  test('a row read again takes the summary and problems of the row that had its bytes, keeping its own stamp', () => {
    const warning = makeError('UNSAFE_HTML_REMOVED', { tag: 'script' }, { file: 'articles/a/en.md', severity: 'warning' });
    const indexed = { ...row(summary('a', 'en', { id: 'urn:x', draft: true, updatedMs: 1_800_000_000_000 })), problems: [warning] };
    const index = ArticleTable.of([indexed]);
    const read = ArticleTable.of([{ path: 'articles/a/en.md', summary: undefined, problems: [], stamp: [5, 6, 7], digest: 'digest of articles/a/en.md' }]);
    read.adoptSummary(0, index, 0);
    expect(read.toColumns()).toEqual(ArticleTable.of([{ ...indexed, stamp: [5, 6, 7] }]).toColumns());
  });

  test('the versions of one article are found next to each other, and only they, whatever the neighbouring keys', () => {
    // "story-1-b" sorts between "story-1" and "story-1/…" would, were folders not compared with their slash.
    const table = tableOfSummaries([
      summary('story-1', 'en'),
      summary('story-1-b', 'en'),
      summary('story-1', 'fr'),
      summary('story-1-b', 'fr'),
      summary('story-10', 'de'),
      summary('story', 'ar'),
    ]);
    const config = ConfigSchema.parse({ baseUrl: 'https://example.org/', languages: ['en', 'fr', 'de', 'ar'], defaultLanguage: 'en', authors: ['Desk'] });
    const links = Object.fromEntries(publishedInPathOrder(resolveTranslations(table, config, publishedAt(Date.UTC(2100, 0, 1))).value, config).map((entry) => [entry.summary.file, entry.translations.map((link) => link.url)]));
    expect(links).toEqual({
      'articles/story-1/en.md': ['https://example.org/fr/story-1/'],
      'articles/story-1/fr.md': ['https://example.org/en/story-1/'],
      'articles/story-1-b/en.md': ['https://example.org/fr/story-1-b/'],
      'articles/story-1-b/fr.md': ['https://example.org/en/story-1-b/'],
      'articles/story-10/de.md': [],
      'articles/story/ar.md': [],
    });
  });
});
