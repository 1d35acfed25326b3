// Property: a build is a function of the site's content: two runs, or the same articles in another order,
// give byte-identical files.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sourcesOf } from '../helpers/site-fixture.js';
import { fatalErrors, feedModelsOf, seededShuffle, serializeAll, siteArbitrary, siteConfig, siteFilesOf, type ArticleSpec } from './support.js';
import { buildAll } from './support.js';

const buildFiles = (files: Record<string, string>) => buildAll(sourcesOf(files), { version: 'test' });

describe('determinism', () => {
  test.prop([siteArbitrary()], { numRuns: 25 })('building the same site twice gives byte-identical files', (site) => {
    const files = siteFilesOf(site);
    const first = buildFiles(files);
    expect(fatalErrors(first.errors)).toEqual([]);
    expect(first.files.length).toBe(6);
    expect(buildFiles(files).files).toEqual(first.files);
  });

  test.prop([siteArbitrary(), fc.integer()], { numRuns: 25 })(
    'the same files written in another order (file-map insertion order, article keys shuffled) give byte-identical files',
    (site, seed) => {
      const files = siteFilesOf(site);
      const shuffledSite = { ...site, articles: seededShuffle(site.articles, seed) };
      const reordered = Object.fromEntries(seededShuffle(Object.entries(siteFilesOf(shuffledSite)), seed + 1));
      expect(Object.keys(reordered).sort()).toEqual(Object.keys(files).sort());
      expect(buildFiles(reordered).files).toEqual(buildFiles(files).files);
    },
  );

  // readSources sorts what it lists, so the shuffles above never reach buildAll(); this one hands buildAll()
  // the article files and folders in any order, to check buildAll() itself does not depend on it.
  test.prop([siteArbitrary(), fc.integer()], { numRuns: 25 })('buildAll() gives byte-identical files whatever order its sources list the articles in', (site, seed) => {
    const sources = sourcesOf(siteFilesOf(site));
    const shuffled = { ...sources, articlePaths: seededShuffle(sources.articlePaths, seed), articleFolders: seededShuffle(sources.articleFolders, seed + 1) };
    expect(buildAll(shuffled, { version: 'test' }).files).toEqual(buildAll(sources, { version: 'test' }).files);
  });

  test.prop([siteArbitrary({ maxArticles: 8 }), fc.integer()], { numRuns: 150 })(
    'serializer level: the same articles in any order give byte-identical feeds',
    (site, seed) => {
      const specs: ArticleSpec[] = site.articles.flatMap((article) =>
        article.versions.filter((version) => !version.draft).map((version) => ({ key: article.key, ...version })),
      );
      const config = siteConfig({ maxItems: site.maxItems });
      const inOrder = feedModelsOf(specs, config);
      const shuffled = feedModelsOf(seededShuffle(specs, seed), config);
      for (const lang of ['en', 'ar']) expect(serializeAll(shuffled[lang]!)).toEqual(serializeAll(inOrder[lang]!));
    },
  );
});
