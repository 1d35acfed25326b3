// The build cache knows articles by their bytes: a fresh clone or a touched file is read, not validated again.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

function articleFiles(root: string): string[] {
  return readdirSync(join(root, 'articles'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md'))
    .map((path) => join(root, 'articles', path));
}

/** Every article file gets a new modification time, its bytes kept (as a checkout or a touch does). */
function touchArticles(root: string, seconds: number): void {
  for (const file of articleFiles(root)) utimesSync(file, seconds, seconds);
}

const noisy = `---\ntitle: Noisy\ndate: 2025-03-10T09:30:00Z\n---\n<script>x()</script>\n`;

describe('an article whose stamp changed but whose bytes did not', () => {
  test('is read but not validated again, and the feeds are the bytes of a cold build', () => {
    const root = writeSite(siteFiles({ ...generateArticles(30, 'v1'), 'articles/noisy/en.md': noisy }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    touchArticles(root, 1_700_000_000);
    const again = runCli(['build', '--root', root]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('62 of 62 article files read (62 of them with the bytes of the last build, not validated again)');
    // Its warnings come from the cache, as when it is not read at all.
    expect(again.stderr).toContain('articles/noisy/en.md:5 warning UNSAFE_HTML_REMOVED');
    // The stamps were stored anew: the next build has nothing to read.
    expect(runCli(['build', '--root', root]).stdout).toContain('Nothing changed since the last build');
    const cold = runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'cold')]);
    expect(cold.status).toBe(0);
    expect(readTree(join(root, 'public'))).toEqual(readTree(join(root, 'cold')));
  });

  test('next to one whose bytes changed: only that one is validated, and its change reaches the feeds', () => {
    const root = writeSite(siteFiles(generateArticles(30, 'v1')));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    touchArticles(root, 1_700_000_000);
    const edited = join(root, 'articles/story-29/en.md');
    writeFileSync(edited, readTree(root)['articles/story-29/en.md']!.toString('utf8').replace('Story 29 v1', 'Story 29 v2'));
    const again = runCli(['build', '--root', root]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('61 of 61 article files read (60 of them with the bytes of the last build, not validated again)');
    expect(readTree(join(root, 'public'))['en/feed.json']!.toString('utf8')).toContain('Story 29 v2');
  });

  test('that is now invalid for another reason than its bytes (the config changed) is validated again', () => {
    const root = writeSite(siteFiles({ 'articles/first/en.md': `---\ntitle: Long ${'x'.repeat(1500)}\ndate: 2025-03-14T09:30:00+01:00\n---\nText.\n` }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    touchArticles(root, 1_700_000_000);
    writeFileSync(join(root, 'polyfeed.config.yaml'), `${siteFiles()['polyfeed.config.yaml']}maxFileSizeKb: 1\n`);
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/first/en.md FILE_TOO_LARGE');
  });
});

/**
 * A preload module for the CLI that saves `RACE_CONFIG` over polyfeed.config.yaml when the build
 * reads that file for the second time: after the snapshot has read it, before the settings are
 * read to build with (an editor saving while a build runs).
 */
function configRaceHook(): string {
  const hook = join(mkdtempSync(join(tmpdir(), 'polyfeed-hook-')), 'save-config-during-build.mjs');
  writeFileSync(
    hook,
    [
      "import fs from 'node:fs';",
      "import { syncBuiltinESMExports } from 'node:module';",
      'const readFileSync = fs.readFileSync;',
      'let reads = 0;',
      'fs.readFileSync = function (path, ...rest) {',
      "  if (typeof path === 'string' && path.endsWith('polyfeed.config.yaml') && ++reads === 2) fs.writeFileSync(path, process.env.RACE_CONFIG);",
      '  return readFileSync.call(this, path, ...rest);',
      '};',
      'syncBuiltinESMExports();',
    ].join('\n'),
  );
  return hook;
}

describe('a config saved while a build runs', () => {
  test('makes the next build validate every article again: one the new config refuses is refused', () => {
    const config = `${siteFiles()['polyfeed.config.yaml']}maxItems: 1\n`;
    const long = `---\ntitle: Long ${'x'.repeat(1500)}\ndate: 2025-03-14T09:30:00+01:00\n---\nText.\n`;
    const second = (text: string) => `---\ntitle: Second\ndate: 2025-03-15T09:30:00+01:00\n---\n${text}\n`;
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': config, 'articles/first/en.md': long, 'articles/second/en.md': second('v1') }));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    writeFileSync(join(root, 'articles/second/en.md'), second('v2'));
    utimesSync(join(root, 'articles/second/en.md'), 1_700_000_000, 1_700_000_000);
    // The long article is not read by this build: it is taken from the index, validated under the old config.
    const racing = runCli(['build', '--root', root], { nodeArgs: ['--import', configRaceHook()], env: { RACE_CONFIG: `${config}maxFileSizeKb: 1\n` } });
    expect(racing.status, racing.stderr).toBe(0);
    expect(readTree(root)['polyfeed.config.yaml']!.toString('utf8')).toContain('maxFileSizeKb: 1');
    const next = runCli(['build', '--root', root]);
    expect(next.status).toBe(1);
    expect(next.stderr).toContain('articles/first/en.md FILE_TOO_LARGE');
  });
});

describe('a damaged index', () => {
  test('cut off halfway (a full disk, a killed copy) is ignored: the build is a cold one, with its bytes', () => {
    const root = writeSite(siteFiles(generateArticles(30, 'v1')));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const index = join(root, '.polyfeed-cache/index.jsonl');
    const bytes = readFileSync(index);
    writeFileSync(index, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = readTree(join(root, 'public'));
    const run = runCli(['build', '--root', root]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('61 of 61 article files read.');
    expect(readTree(join(root, 'public'))).toEqual(before);
  });
});

describe('a fresh copy of the site with its cache folder (as a CI job restores it into a new clone)', () => {
  test('validates no article again and writes the same bytes as a cold build', () => {
    const root = writeSite(siteFiles(generateArticles(30, 'v1')));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const clone = join(mkdtempSync(join(tmpdir(), 'polyfeed-clone-')), 'site');
    cpSync(root, clone, { recursive: true });
    rmSync(join(clone, 'public'), { recursive: true });
    // Every file of the copy, the config included, has a new inode and modification time.
    utimesSync(join(clone, 'polyfeed.config.yaml'), 1_700_000_000, 1_700_000_000);
    touchArticles(clone, 1_700_000_000);
    const run = runCli(['build', '--root', clone]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('61 of 61 article files read (61 of them with the bytes of the last build, not validated again)');
    expect(readTree(join(clone, 'public'))).toEqual(readTree(join(root, 'public')));
  });
});
