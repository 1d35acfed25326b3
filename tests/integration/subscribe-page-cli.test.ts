// The pages for people through the real CLI (issue 16): part of the build's outputs, so they are
// published with the feeds, written only when their bytes change, recorded in the cache (the no-op
// check, --dry-run) and removed when the config stops asking for them.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readTree, sampleSiteFiles, writeSite } from '../helpers/site-fixture.js';

const PAGES = ['feed.css', 'feeds-head.html', 'index.html'];

function sampleSite(): string {
  return writeSite(sampleSiteFiles());
}

function mtimes(root: string, paths: readonly string[]): number[] {
  return paths.map((path) => statSync(join(root, 'public', path)).mtimeMs);
}

function build(root: string, ...args: string[]) {
  const run = runCli(['build', '--root', root, '--now', '2026-01-01T00:00:00Z', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run;
}

describe('polyfeed build with subscribePage', () => {
  test('publishes the pages with the feeds, and writes them again only when their bytes change', () => {
    const root = sampleSite();
    expect(build(root).stdout).toMatch(/Built 15 feeds and 3 pages into \S+: 18 written, 0 unchanged;/);
    const first = mtimes(root, PAGES);
    // An article changed: its feeds are written, the pages (made from no article) are not.
    const article = join(root, 'articles/2025-03-feeds-now-in-five-languages/en.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/\n$/, '\n\nOne more line.\n'));
    expect(build(root).stdout).toMatch(/: [1-9]\d* written, \d+ unchanged;/);
    expect(mtimes(root, PAGES)).toEqual(first);
    // A feed title changed: the page and the snippet name it; the stylesheet stays as it was.
    const labels = join(root, 'locales/fr/feed.json');
    writeFileSync(labels, readFileSync(labels, 'utf8').replace('Actualités Polyfeed (exemple)', 'Nouvelles Polyfeed'));
    build(root);
    const [css, snippet, page] = mtimes(root, PAGES);
    expect(css).toBe(first[0]);
    expect(snippet).not.toBe(first[1]);
    expect(page).not.toBe(first[2]);
    expect(readFileSync(join(root, 'public/index.html'), 'utf8')).toContain('<h2>Nouvelles Polyfeed</h2>');
  });

  test('the no-op check and --dry-run know the pages: one edited by hand is made again', () => {
    const root = sampleSite();
    build(root);
    expect(build(root).stdout).toMatch(/Nothing changed since the last build: 15 feeds and 3 pages in \S+, 0 written, 18 unchanged\./);
    const before = readTree(join(root, 'public'));
    writeFileSync(join(root, 'public/index.html'), 'edited by hand\n');
    const dry = build(root, '--dry-run');
    expect(dry.stdout).toContain('  would change  index.html\n');
    expect(dry.stdout).toMatch(/Dry run: 1 of 15 feeds and 3 pages in \S+ would be written \(0 new, 1 changed\), 17 left alone;/);
    build(root);
    expect(readTree(join(root, 'public'))).toEqual(before);
  });

  test('taking subscribePage out of the config removes the pages, and the feeds lose their stylesheet and note', () => {
    const root = sampleSite();
    build(root);
    const config = join(root, 'polyfeed.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^subscribePage: true\n/m, ''));
    const run = build(root);
    for (const path of PAGES) expect(run.stdout).toContain(`  removed  ${path}\n`);
    const after = readTree(join(root, 'public'));
    expect(Object.keys(after).filter((path) => !path.includes('/'))).toEqual([]);
    for (const [path, bytes] of Object.entries(after)) expect(bytes.toString('utf8'), path).not.toMatch(/xml-stylesheet|polyfeed-note/);
  });
});
