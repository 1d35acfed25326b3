import { describe, expect, test } from 'vitest';
import { build } from '../../../src/run/build-site.js';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import type { ReadArticleBytes, SiteSources } from '../../../src/load/read-sources.js';
import { validateArticleFiles } from '../../../src/validate/validate-article-files.js';
import { siteFiles, sourcesOf } from '../../helpers/site-fixture.js';

const config = ConfigSchema.parse({ baseUrl: 'https://example.org/', languages: ['en', 'fr'], defaultLanguage: 'en', authors: ['Desk'] });
const context = { config, staticFiles: new Map<string, number>() };
const article = (title: string) => `---\ntitle: ${title}\ndate: 2025-03-14T09:30:00+01:00\n---\nText.\n`;

/** A reader over files held in memory that counts the reads of each path. */
function countingReader(files: Record<string, string>): { read: ReadArticleBytes; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const read: ReadArticleBytes = (path) => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    return path in files ? new TextEncoder().encode(files[path]) : undefined;
  };
  return { read, reads };
}

describe('validateArticleFiles', () => {
  test('reads each file once through the reader it is given, and gives the rows in path order whatever order the paths come in', () => {
    const { read, reads } = countingReader({ 'articles/b/en.md': article('B'), 'articles/a/fr.md': article('A'), 'articles/a/en.md': '---\ntitle: [\n---\nText.\n' });
    const validated = validateArticleFiles({ paths: ['articles/b/en.md', 'articles/a/fr.md', 'articles/a/en.md'], folders: ['articles/b', 'articles/a'], readArticleBytes: read, context });
    expect(validated.files.paths).toEqual(['articles/a/en.md', 'articles/a/fr.md', 'articles/b/en.md']);
    expect(validated.folders).toEqual(['articles/a', 'articles/b']);
    expect([0, 1, 2].map((row) => validated.files.isArticle(row))).toEqual([false, true, true]);
    expect([...reads.values()]).toEqual([1, 1, 1]);
  });

  test('leaves out a file the reader says is gone, as if it had been removed before the build', () => {
    const { read } = countingReader({ 'articles/a/en.md': article('A') });
    const validated = validateArticleFiles({ paths: ['articles/a/en.md', 'articles/gone/en.md'], folders: ['articles/a', 'articles/gone'], readArticleBytes: read, context });
    expect(validated.files.paths).toEqual(['articles/a/en.md']);
  });
});

describe('build() from sources held in memory', () => {
  test('reads articles only through the sources\' reader, and gives the bytes a build from the site folder gives', () => {
    const files = siteFiles({ 'articles/first/ar.md': article('الأول') });
    const fromDisk = sourcesOf(files);
    const articles = Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith('articles/')));
    const { read, reads } = countingReader(articles);
    const inMemory: SiteSources = { ...fromDisk, articlePaths: Object.keys(articles), readArticleBytes: read };
    const result = build(inMemory, { version: 'test' });
    expect(result.errors.filter((error) => error.severity === 'error')).toEqual([]);
    expect(result.files).toEqual(build(fromDisk, { version: 'test' }).files);
    expect([...reads.keys()].sort()).toEqual(Object.keys(articles).sort());
  });
});
