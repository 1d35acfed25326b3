// Issue 13: the feeds of a language (or a format) removed from the config are removed from the
// output folder, in the same all-or-nothing publish as the feeds written; only files the last
// build recorded writing, never anything else in the folder.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { faultHook } from '../helpers/fault-hook.js';
import { runCli } from '../helpers/run-cli.js';
import { minimalConfig, readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

const AR_FEEDS = ['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml'];
const englishOnly = minimalConfig.replace('languages: [en, ar]', 'languages: [en]');
const edited = '---\ntitle: First, edited\ndate: 2025-03-14T09:30:00+01:00\n---\nHello again.\n';

/** A two-language site (Arabic without articles) built once. */
function builtSite(): { root: string; out: string } {
  const root = writeSite(siteFiles());
  const first = runCli(['build', '--root', root]);
  expect(first.status, first.stderr).toBe(0);
  return { root, out: join(root, 'public') };
}

function dropArabic(root: string): void {
  writeFileSync(join(root, 'polyfeed.config.yaml'), englishOnly);
  rmSync(join(root, 'locales/ar'), { recursive: true });
}

const leftovers = (out: string) => readdirSync(out, { recursive: true }).filter((name) => /\.polyfeed-(tmp|backup)$/.test(String(name)));

describe('a language removed from the config', () => {
  test('its feeds and its emptied folder are removed; the summary names them; the English feeds are untouched', () => {
    const { root, out } = builtSite();
    const englishMtime = statSync(join(out, 'en/rss.xml')).mtimeMs;
    dropArabic(root);
    const run = runCli(['build', '--root', root]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Nothing changed');
    for (const path of AR_FEEDS) expect(run.stdout).toContain(`  removed  ${path}\n`);
    expect(run.stdout).toMatch(/Built 3 feeds into .*: 0 written, 3 unchanged, 3 removed \(no longer made\);/);
    expect(readdirSync(out)).toEqual(['en']);
    expect(statSync(join(out, 'en/rss.xml')).mtimeMs).toBe(englishMtime);
    // The next build is a no-op, and the output is what a build of the new config into an empty folder writes.
    expect(runCli(['build', '--root', root]).stdout).toContain('Nothing changed since the last build: 3 feeds');
    expect(runCli(['build', '--root', root, '--out', join(root, 'fresh'), '--no-cache']).status).toBe(0);
    expect(readTree(out)).toEqual(readTree(join(root, 'fresh')));
  });

  test("the user's own files stay, and so does the folder that holds them", () => {
    const { root, out } = builtSite();
    writeFileSync(join(out, 'ar/notes.txt'), 'mine');
    writeFileSync(join(out, 'ar/rss.xml.bak'), 'mine too');
    writeFileSync(join(out, 'index.html'), '<p>hello</p>');
    dropArabic(root);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(readdirSync(join(out, 'ar')).sort()).toEqual(['notes.txt', 'rss.xml.bak']);
    expect(readTree(out)['index.html']!.toString()).toBe('<p>hello</p>');
  });

  test('the JSON report lists what was removed', () => {
    const { root } = builtSite();
    dropArabic(root);
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.output.removed).toEqual(AR_FEEDS);
    expect(report.output.written).toEqual([]);
  });

  test('--dry-run says what would be removed and removes nothing', () => {
    const { root, out } = builtSite();
    dropArabic(root);
    const before = readTree(out);
    const run = runCli(['build', '--root', root, '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    for (const path of AR_FEEDS) expect(run.stdout).toContain(`  would remove  ${path}\n`);
    expect(run.stdout).toMatch(/left alone, 3 would be removed \(no longer made\); nothing was written\./);
    expect(readTree(out)).toEqual(before);
    const json = JSON.parse(runCli(['build', '--root', root, '--dry-run', '--format', 'json']).stdout);
    expect(json.output.dryRun.removed).toEqual(AR_FEEDS);
    expect(readTree(out)).toEqual(before);
  });

  test('without the index (--no-cache, or the cache deleted) the feeds it does not know are left alone', () => {
    for (const forget of [(_root: string) => ['--no-cache'], (root: string) => (rmSync(join(root, '.polyfeed-cache'), { recursive: true }), [])]) {
      const { root, out } = builtSite();
      dropArabic(root);
      const run = runCli(['build', '--root', root, ...forget(root)]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).not.toContain('removed');
      for (const path of AR_FEEDS) expect(existsSync(join(out, path))).toBe(true);
    }
  });

  test('a recorded feed that is now a folder is left alone', () => {
    const { root, out } = builtSite();
    rmSync(join(out, 'ar/rss.xml'));
    mkdirSync(join(out, 'ar/rss.xml'));
    dropArabic(root);
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).output.removed).toEqual(['ar/atom.xml', 'ar/feed.json']);
    expect(statSync(join(out, 'ar/rss.xml')).isDirectory()).toBe(true);
  });
});

describe('a format removed from the config', () => {
  test("every language's file of that format is removed", () => {
    const { root, out } = builtSite();
    writeFileSync(join(root, 'polyfeed.config.yaml'), `${minimalConfig}formats: [rss, atom]\n`);
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).output.removed).toEqual(['ar/feed.json', 'en/feed.json']);
    expect(Object.keys(readTree(out)).sort()).toEqual(['ar/atom.xml', 'ar/rss.xml', 'en/atom.xml', 'en/rss.xml']);
  });
});

describe('removals are part of the all-or-nothing publish', () => {
  test('a write that fails after the removals puts the removed feeds back', () => {
    const { root, out } = builtSite();
    const before = readTree(out);
    dropArabic(root);
    writeFileSync(join(root, 'articles/first/en.md'), edited);
    const failed = runCli(['build', '--root', root, '--format', 'json'], { nodeArgs: ['--import', faultHook()], env: { FAULT_RENAME: '1' } });
    expect(failed.status, failed.stderr).toBe(1);
    expect(JSON.parse(failed.stdout).problems.map((problem: { code: string }) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
    expect(readTree(out)).toEqual(before);
    // The next build removes them.
    const good = runCli(['build', '--root', root]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('3 removed');
    expect(readdirSync(out)).toEqual(['en']);
  });

  test('a build killed after the removals is undone by the next build', () => {
    const { root, out } = builtSite();
    const before = readTree(out);
    const arabicMtime = statSync(join(out, 'ar/atom.xml')).mtimeMs;
    const config = readTree(root)['polyfeed.config.yaml']!;
    const labels = readTree(root)['locales/ar/feed.json']!;
    dropArabic(root);
    writeFileSync(join(root, 'articles/first/en.md'), edited);
    const killed = runCli(['build', '--root', root], { nodeArgs: ['--import', faultHook()], env: { KILL_RENAME: '1' } });
    expect(killed.status).toBe(null);
    // Killed between the removals and the commit: the Arabic feeds are only backups now.
    expect(existsSync(join(out, 'ar/atom.xml'))).toBe(false);
    expect(leftovers(out).length).toBeGreaterThan(0);
    // Arabic is put back into the config: the next build first undoes the killed publish, so the
    // Arabic feeds are the files the first build wrote (same bytes, same modification time).
    writeFileSync(join(root, 'polyfeed.config.yaml'), config);
    mkdirSync(join(root, 'locales/ar'));
    writeFileSync(join(root, 'locales/ar/feed.json'), labels);
    const next = runCli(['build', '--root', root]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toContain('3 written, 3 unchanged');
    const after = readTree(out);
    for (const path of AR_FEEDS) expect(after[path]!.equals(before[path]!), path).toBe(true);
    expect(statSync(join(out, 'ar/atom.xml')).mtimeMs).toBe(arabicMtime);
    expect(leftovers(out)).toEqual([]);
  });
});
