// Issue 16: with `precompress`, every feed file has gzip and brotli copies beside it, byte-stable, published
// with their feed, rewritten only when it changes, and removed with it or when the setting is turned off.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { faultHook } from '../helpers/fault-hook.js';
import { runCli } from '../helpers/run-cli.js';
import { minimalConfig, readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

const withCopies = `${minimalConfig}precompress: [gzip, brotli]\n`;
const FEEDS = ['ar/atom.xml', 'ar/feed.json', 'ar/rss.xml', 'en/atom.xml', 'en/feed.json', 'en/rss.xml'];
const copiesOf = (paths: readonly string[]) => paths.flatMap((path) => [`${path}.br`, `${path}.gz`]);

function build(root: string, ...more: string[]) {
  const run = runCli(['build', '--root', root, ...more]);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

/** Every file of the output folder, sorted (polyfeed's own temporary files would show here too). */
function outputFiles(out: string): string[] {
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1))
    .sort();
}

/** Inode and mtime: a file published again is a new file (renamed into place). */
const identity = (path: string) => {
  const stats = statSync(path);
  return `${stats.ino}:${stats.mtimeMs}`;
};

describe('precompress', () => {
  test('writes a .gz and a .br beside every feed file; each decompresses to exactly the feed', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': withCopies }));
    const run = build(root);
    expect(run.stdout).toContain('Built 6 feeds');
    const out = join(root, 'public');
    expect(outputFiles(out)).toEqual([...FEEDS, ...copiesOf(FEEDS)].sort());
    for (const path of FEEDS) {
      const feed = readFileSync(join(out, path));
      const gzip = readFileSync(join(out, `${path}.gz`));
      expect(gunzipSync(gzip).equals(feed), path).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(out, `${path}.br`))).equals(feed), path).toBe(true);
      // RFC 1952 header: deflate, no flags (no file name), no time, OS "unknown": the same bytes on every system.
      expect([...gzip.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
      expect(gzip.length).toBeLessThan(feed.length);
    }
  });

  test('a second build leaves every copy as it was; a copy deleted by hand is made again', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': withCopies }));
    build(root);
    const out = join(root, 'public');
    const before = Object.fromEntries(outputFiles(out).map((path) => [path, identity(join(out, path))]));
    expect(build(root).stdout).toContain('Nothing changed since the last build: 6 feeds');
    expect(Object.fromEntries(outputFiles(out).map((path) => [path, identity(join(out, path))]))).toEqual(before);
    rmSync(join(out, 'ar/rss.xml.br'));
    const again = build(root);
    expect(again.stdout).not.toContain('Nothing changed');
    expect(existsSync(join(out, 'ar/rss.xml.br'))).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(out, 'ar/rss.xml.br'))).equals(readFileSync(join(out, 'ar/rss.xml')))).toBe(true);
    for (const path of outputFiles(out).filter((path) => path !== 'ar/rss.xml.br')) expect(identity(join(out, path)), path).toBe(before[path]);
  });

  test('an edited article rewrites its language\'s feeds and their copies, and nothing else', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': withCopies }));
    build(root);
    const out = join(root, 'public');
    const before = Object.fromEntries(outputFiles(out).map((path) => [path, identity(join(out, path))]));
    writeFileSync(join(root, 'articles/first/en.md'), '---\ntitle: First, edited\ndate: 2025-03-14T09:30:00+01:00\n---\nHello again.\n');
    const run = build(root, '--format', 'json');
    const report = JSON.parse(run.stdout) as { output: { written: string[] } };
    const english = FEEDS.filter((path) => path.startsWith('en/'));
    expect([...report.output.written].sort()).toEqual([...english, ...copiesOf(english)].sort());
    for (const path of outputFiles(out)) {
      if (path.startsWith('en/')) expect(identity(join(out, path)), path).not.toBe(before[path]);
      else expect(identity(join(out, path)), path).toBe(before[path]);
    }
    for (const path of english) {
      const feed = readFileSync(join(out, path));
      expect(feed.toString()).toContain('First, edited');
      expect(gunzipSync(readFileSync(join(out, `${path}.gz`))).equals(feed)).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(out, `${path}.br`))).equals(feed)).toBe(true);
    }
  });

  test('a copy that cannot be written (ENOSPC) fails the build with OUTPUT_WRITE_FAILED, and nothing of it is published', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': withCopies }));
    build(root);
    const out = join(root, 'public');
    const previous = readTree(out);
    writeFileSync(join(root, 'articles/first/en.md'), '---\ntitle: First, edited\ndate: 2025-03-14T09:30:00+01:00\n---\nHello again.\n');
    // The three English feeds are staged (opened) first, then their copies: the fifth file opened is a copy.
    const run = runCli(['build', '--root', root, '--format', 'json'], { nodeArgs: ['--import', faultHook()], env: { FAULT_OPEN: '5', FAULT_CODE: 'ENOSPC' } });
    expect(run.status, run.stderr).toBe(1);
    const { problems } = JSON.parse(run.stdout) as { problems: { code: string; file: string }[] };
    expect(problems.map((problem) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
    expect(problems[0]!.file).toMatch(/^public\/en\/(atom\.xml|feed\.json|rss\.xml)\.(gz|br)$/);
    expect(readTree(out)).toEqual(previous);
    // The next build, with room on the disk, publishes the edit with its copies.
    build(root);
    expect(gunzipSync(readFileSync(join(out, 'en/rss.xml.gz'))).toString()).toContain('First, edited');
  });

  test('turning the setting off removes every copy; the feeds stay', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': withCopies }));
    build(root);
    writeFileSync(join(root, 'polyfeed.config.yaml'), minimalConfig);
    const run = build(root);
    for (const path of copiesOf(FEEDS)) expect(run.stdout).toContain(`  removed  ${path}\n`);
    expect(run.stdout).toContain('12 compressed copies removed (no longer made)');
    expect(outputFiles(join(root, 'public'))).toEqual(FEEDS);
    expect(build(root).stdout).toContain('Nothing changed');
  });

  test('a dry run after the setting is turned on lists the copies it would add, and writes none', () => {
    const root = writeSite(siteFiles());
    build(root);
    writeFileSync(join(root, 'polyfeed.config.yaml'), withCopies);
    const run = build(root, '--dry-run', '--format', 'json');
    const report = JSON.parse(run.stdout) as { output: { dryRun: { added: string[]; changed: string[] } } };
    expect([...report.output.dryRun.added].sort()).toEqual(copiesOf(FEEDS).sort());
    expect(report.output.dryRun.changed).toEqual([]);
    expect(outputFiles(join(root, 'public'))).toEqual(FEEDS);
  });

  test('gzip alone writes .gz copies only', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': `${minimalConfig}precompress: [gzip]\n` }));
    build(root);
    expect(outputFiles(join(root, 'public'))).toEqual([...FEEDS, ...FEEDS.map((path) => `${path}.gz`)].sort());
  });

  test('a language removed from the config takes its feeds\' copies with it', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': withCopies }));
    build(root);
    writeFileSync(join(root, 'polyfeed.config.yaml'), withCopies.replace('languages: [en, ar]', 'languages: [en]'));
    rmSync(join(root, 'locales/ar'), { recursive: true });
    const run = build(root);
    expect(run.stdout).toContain('3 removed with 6 compressed copies (no longer made)');
    const english = FEEDS.filter((path) => path.startsWith('en/'));
    expect(outputFiles(join(root, 'public'))).toEqual([...english, ...copiesOf(english)].sort());
  });

  test('two cold builds in different folders, on one thread and on workers (feeds of every item), write the same bytes', () => {
    const config = `${withCopies}maxItems: 0\n`;
    const files = siteFiles({ 'polyfeed.config.yaml': config, 'articles/second/ar.md': '---\ntitle: ثانٍ\ndate: 2025-03-15T09:30:00+03:00\n---\nنص.\n' });
    const one = writeSite(files);
    const other = writeSite(files);
    build(one, '--jobs', '1');
    build(other, '--jobs', '2');
    const first = readTree(join(one, 'public'));
    const second = readTree(join(other, 'public'));
    expect(Object.keys(first).sort()).toEqual([...FEEDS, ...copiesOf(FEEDS)].sort());
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    for (const path of Object.keys(first)) expect(second[path]!.equals(first[path]!), path).toBe(true);
  });
});
