// The real CLI on real folders: exit codes, what it writes and what it refuses to touch.
import { cpSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** A copy of the repository's sample site in a temporary folder. */
function copySampleSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'polyfeed-cli-'));
  for (const entry of ['polyfeed.config.yaml', 'articles', 'locales', 'static']) {
    cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  }
  return root;
}

describe('polyfeed build', () => {
  test('writes three feeds per language into public/, then rewrites nothing when nothing changed', () => {
    const root = copySampleSite();
    const first = runCli(['build', '--root', root]);
    expect(first.status).toBe(0);
    const files = readTree(join(root, 'public'));
    // The sample site sets subscribePage: its pages for people are written beside the feeds.
    expect(Object.keys(files).sort()).toEqual(
      [...['ar', 'en', 'fr', 'ja', 'pt-BR'].flatMap((lang) => [`${lang}/atom.xml`, `${lang}/feed.json`, `${lang}/rss.xml`]), 'feed.css', 'feeds-head.html', 'index.html'].sort(),
    );
    const mtime = statSync(join(root, 'public/en/atom.xml')).mtimeMs;
    const second = runCli(['build', '--root', root]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/15 feeds and 3 pages in \S*public, 0 written, 18 unchanged/);
    expect(readTree(join(root, 'public'))).toEqual(files);
    expect(statSync(join(root, 'public/en/atom.xml')).mtimeMs).toBe(mtime);
  });

  test('runs from the site folder without --root, and honours --out', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'public/en/rss.xml'))).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'polyfeed-out-'));
    expect(runCli(['build', '--root', root, '--out', out]).status).toBe(0);
    expect(Object.keys(readTree(out)).sort()).toEqual(['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml']);
  });

  test('a broken article: exit 1, every error with file, line and field, and the previous output untouched', () => {
    const root = copySampleSite();
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const before = readTree(join(root, 'public'));
    const mtime = statSync(join(root, 'public/en/rss.xml')).mtimeMs;
    writeFileSync(join(root, 'articles/2025-01-cairo-bindery-hand-sewn-books/en.md'), '---\ntitle: Cairo\ndate: yesterday\ntitel: x\n---\nText\n');
    writeFileSync(join(root, 'articles/2024-12-geminids-meteor-shower-explained/ja.md'), '---\ndate: 2024-12-13T21:00:00+09:00\n---\n本文\n');

    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/2025-01-cairo-bindery-hand-sewn-books/en.md:3:7 INVALID_DATE date');
    expect(run.stderr).toContain('articles/2025-01-cairo-bindery-hand-sewn-books/en.md:4:1 UNKNOWN_FIELD titel');
    expect(run.stderr).toContain('articles/2024-12-geminids-meteor-shower-explained/ja.md:2:1 REQUIRED_FIELD title');
    expect(run.stderr).toContain('3 errors, 0 warnings in 2 files');
    expect(readTree(join(root, 'public'))).toEqual(before);
    expect(statSync(join(root, 'public/en/rss.xml')).mtimeMs).toBe(mtime);
  });

  test('a missing label in a language polyfeed ships no labels for fails the build instead of falling back to English', () => {
    const labels = JSON.parse(siteFiles()['locales/en/feed.json']!);
    delete labels.item.readMore;
    const text = JSON.stringify(labels);
    const config = 'baseUrl: https://example.org/\nlanguages: [en, ko]\ndefaultLanguage: en\nauthors: [Example Desk]\n';
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': config, 'locales/ko/feed.json': text }));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    // The file is one line; the problem is at the "item" object the label belongs in, its "{".
    const column = text.indexOf('"item":{') + '"item":'.length + 1;
    expect(run.stderr).toContain(`locales/ko/feed.json:1:${column} LOCALE_MISSING_KEY item.readMore`);
    expect(existsSync(join(root, 'public'))).toBe(false);
  });

  test('an invalid config is a usage error (exit 2) with the config line', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': 'baseUrl: /relative/\nlanguages: [en]\ndefaultLanguage: de\nauthors: [A]\n' }));
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('polyfeed.config.yaml:1:10 INVALID_URL baseUrl');
    expect(run.stderr).toContain('polyfeed.config.yaml:3:18 INVALID_VALUE defaultLanguage');
  });

  test('a --root that does not exist or is a file, or an --out that is a file, is a usage error', () => {
    const root = writeSite(siteFiles());
    for (const args of [['build', '--root', join(root, 'nowhere')], ['check', '--root', join(root, 'polyfeed.config.yaml')], ['build', '--root', root, '--out', join(root, 'polyfeed.config.yaml')]]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^polyfeed: --(root|out) .* (is not a folder|is a file, not a folder)\./);
    }
  });

  test('a folder without a config is a usage error', () => {
    const run = runCli(['build', '--root', mkdtempSync(join(tmpdir(), 'polyfeed-empty-'))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('CONFIG_NOT_FOUND');
  });
});

describe('polyfeed check', () => {
  test('validates and writes nothing', () => {
    const root = writeSite(siteFiles());
    const run = runCli(['check', '--root', root]);
    expect(run.status).toBe(0);
    expect(existsSync(join(root, 'public'))).toBe(false);
  });

  test('exits 1 on an invalid article', () => {
    const root = writeSite(siteFiles({ 'articles/first/ar.md': '---\ntitle: x\n---\n' }));
    const run = runCli(['check', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/first/ar.md:2:1 REQUIRED_FIELD date');
    expect(run.stderr).toContain('articles/first/ar.md:4:1 EMPTY_BODY');
  });
});

describe('usage', () => {
  test.each([['--help'], ['build', '--help'], ['check', '--help']])('%s prints help and exits 0', (...args) => {
    const run = runCli(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: polyfeed');
  });

  test.each([['frobnicate'], ['build', '--bogus'], []])('"%s" is a usage error (exit 2)', (...args) => {
    expect(runCli(args).status).toBe(2);
  });
});
