import { describe, expect, test } from 'vitest';
import { validationContextDigestOf } from '../../../src/cache/build-index.js';
import { nextBuildIndex, type NextBuildIndexInput } from '../../../src/cache/next-build-index.js';
import { makeError } from '../../../src/model/build-error.js';
import { ArticleTable } from '../../../src/model/article-table.js';

const startedMs = 1_750_000_000_000;
const config = new TextEncoder().encode('baseUrl: https://example.org/\n');
const summary = (key: string) => ({ file: `articles/${key}/en.md`, key, lang: 'en', title: key, dateMs: 1, updatedMs: 1, id: undefined, draft: false });

function input(articles: ArticleTable, configBytes: Uint8Array = config): NextBuildIndexInput {
  return {
    cacheVersion: 'v1',
    snapshot: {
      settingFiles: { 'polyfeed.config.yaml': [30, startedMs - 1, 7] },
      validationContextDigest: validationContextDigestOf('v1', config, []),
      listing: { files: articles.paths, folderTimes: { articles: [startedMs - 60_000, 1], 'articles/old': [startedMs - 2, 2] } },
      cached: undefined,
      changes: { unchanged: [], changed: [], changedRows: [], removed: 0 },
    },
    articles,
    settingsAsRead: { configBytes, staticFiles: new Map() },
    outDir: '/out',
    outOption: null,
    outputs: {},
    languages: ['en'],
    pendingLanguages: [],
    problems: [makeError('UNSAFE_HTML_REMOVED', { tag: 'script' }, { file: 'articles/old/en.md', severity: 'warning' })],
    startedMs,
    publication: { nowMs: startedMs, drafts: false, future: false, scheduled: 0, updatesScheduled: 0, nextDueMs: null, nextDueFile: null, lastDueMs: 1 },
  };
}

describe('nextBuildIndex', () => {
  test('keeps trusted stamps, and stores those changed within 10 ms of the build with an mtime no file has', () => {
    const articles = ArticleTable.of([
      { path: 'articles/new/en.md', summary: summary('new'), problems: [], stamp: [10, startedMs - 5, 3], digest: 'd-new' },
      { path: 'articles/old/en.md', summary: summary('old'), problems: [], stamp: [20, startedMs - 60_000, 4], digest: 'd-old' },
    ]);
    const index = nextBuildIndex(input(articles));
    const { size, mtimeMs, ino } = index.articles.toColumns();
    expect({ size, mtimeMs, ino }).toEqual({ size: [10, 20], mtimeMs: [-1, startedMs - 60_000], ino: [3, 4] });
    expect(index.articles.digestAt(0)).toBe('d-new');
    expect(index.listing.folderTimes).toEqual({ articles: [startedMs - 60_000, 1], 'articles/old': [-1, 2] });
    expect(index.settingFiles).toEqual({ 'polyfeed.config.yaml': [30, -1, 7] });
    expect(index.warnings.map((warning) => warning.code)).toEqual(['UNSAFE_HTML_REMOVED']);
  });

  test('keeps valid articles only, each with its warnings only', () => {
    const warning = makeError('UNSAFE_HTML_REMOVED', { tag: 'script' }, { file: 'articles/a/en.md', severity: 'warning' });
    const broken = makeError('YAML_SYNTAX', { kind: 'duplicate-key' }, { file: 'articles/b/en.md' });
    const articles = ArticleTable.of([
      { path: 'articles/a/en.md', summary: summary('a'), problems: [warning], stamp: [1, 1, 1], digest: 'a' },
      { path: 'articles/b/en.md', summary: undefined, problems: [broken], stamp: [1, 1, 2], digest: 'b' },
    ]);
    const index = nextBuildIndex(input(articles));
    expect(index.articles.paths).toEqual(['articles/a/en.md']);
    expect(index.articles.problemsAt(0)).toEqual([warning]);
  });

  test('stores the validation context digest of the snapshot, or none when the config read to build with differs from it', () => {
    const articles = ArticleTable.empty();
    expect(nextBuildIndex(input(articles)).validationContextDigest).toBe(validationContextDigestOf('v1', config, []));
    expect(nextBuildIndex(input(articles, new TextEncoder().encode('baseUrl: https://example.net/\n'))).validationContextDigest).toBe('');
  });
});
