// The output-folder rule on real paths: every relation it refuses, and the neighbours it must not.
import { describe, expect, test } from 'vitest';
import { findOutputFolderProblem } from '../../../src/write/find-output-folder-problem.js';

const root = '/srv/site';
const readFolders = ['articles', 'locales', 'templates', 'static', '.polyfeed-cache'].map((name) => ({ name, path: `${root}/${name}` }));
const problemOf = (outDir: string) => findOutputFolderProblem({ outDir, root, readFolders });

describe('findOutputFolderProblem', () => {
  test.each([
    ['/', { kind: 'file-system-root' }],
    ['/srv/site', { kind: 'site' }],
    ['/srv', { kind: 'ancestor-of-site' }],
    ['/srv/site/locales', { kind: 'read-folder', folder: 'locales' }],
    ['/srv/site/.polyfeed-cache', { kind: 'read-folder', folder: '.polyfeed-cache' }],
    ['/srv/site/articles/first/x', { kind: 'inside-read-folder', folder: 'articles' }],
  ])('%s is refused', (outDir, problem) => {
    expect(problemOf(outDir)).toEqual(problem);
  });

  test('a folder holding a read folder that lives outside the site (articles/ a link to /data/articles)', () => {
    const linked = [{ name: 'articles', path: '/data/articles' }];
    expect(findOutputFolderProblem({ outDir: '/data', root, readFolders: linked })).toEqual({ kind: 'contains-read-folder', folder: 'articles' });
  });

  test.each(['/srv/site/public', '/srv/site/articles-feeds', '/srv/site-feeds', '/srv/other/public', '/srv/site/dist/feeds'])('%s is fine', (outDir) => {
    expect(problemOf(outDir)).toBeUndefined();
  });
});
