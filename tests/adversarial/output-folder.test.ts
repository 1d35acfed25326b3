// The output folder can never be a folder polyfeed reads (or hold one): through the real CLI, sources stay byte-identical.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { minimalConfig, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** Every regular file under a folder (symbolic links are not followed), as relative path → bytes. */
function filesUnder(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) out[relative(root, path)] = readFileSync(path).toString('base64');
    }
  };
  visit(root);
  return out;
}

/** A site inside a parent folder of its own (so "an ancestor of the site" is a folder the test owns), with a cache from a first build. */
function siteWithCache(files: Record<string, string | undefined> = {}): { parent: string; root: string } {
  const parent = mkdtempSync(join(tmpdir(), 'polyfeed-outdir-'));
  const root = join(parent, 'site');
  for (const [path, text] of Object.entries(siteFiles({ 'static/media/photo.jpg': 'jpeg', ...files }))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  runCli(['build', '--root', root]);
  return { parent, root };
}

interface Refusal {
  readonly status: number | null;
  readonly codes: string[];
  readonly problems: Array<{ code: string; file: string | null; line: number | null; path: Array<string | number> }>;
}

function buildJson(args: string[], cwd?: string): Refusal {
  const run = runCli(['build', ...args, '--format', 'json'], cwd ? { cwd } : {});
  const report = run.stdout.trim() ? JSON.parse(run.stdout) : { problems: [] };
  return { status: run.status, codes: report.problems.map((problem: { code: string }) => problem.code), problems: report.problems };
}

/** Runs a build that must be refused and checks that no file of the site (sources, cache, feeds) changed. */
function expectRefused(root: string, args: string[], cwd?: string): Refusal {
  const before = filesUnder(root);
  const result = buildJson(['--root', root, ...args], cwd);
  expect(result.status).toBe(2);
  expect(result.codes).toContain('OUTPUT_FOLDER_UNSAFE');
  expect(filesUnder(root)).toEqual(before);
  return result;
}

describe('--out that would overwrite what polyfeed reads is refused (exit 2, OUTPUT_FOLDER_UNSAFE, sources untouched)', () => {
  for (const folder of ['locales', 'articles', 'static', 'templates', '.polyfeed-cache', '.']) {
    test(`--out ${folder}`, () => {
      const { root } = siteWithCache();
      expectRefused(root, ['--out', join(root, folder)]);
    });
  }

  test('relative --out is taken from the working directory: --out locales run inside the site', () => {
    const { root } = siteWithCache();
    expectRefused(root, ['--out', 'locales'], root);
  });

  test('a folder inside one polyfeed reads, existing or not: articles/first, locales/en/new/feeds', () => {
    const { root } = siteWithCache();
    expectRefused(root, ['--out', join(root, 'articles/first')]);
    expectRefused(root, ['--out', join(root, 'locales/en/new/feeds')]);
  });

  test('the same folder spelt another way: public/../articles, ./templates/', () => {
    const { root } = siteWithCache();
    expectRefused(root, ['--out', join(root, 'public') + '/../articles']);
    expectRefused(root, ['--out', './templates/'], root);
  });

  test('an ancestor of the site folder', () => {
    const { parent, root } = siteWithCache();
    const before = filesUnder(parent);
    expectRefused(root, ['--out', parent]);
    expect(filesUnder(parent)).toEqual(before);
  });

  test('the file-system root', () => {
    // Refused before any source is read: a broken article (exit 1 before the fix) shows the check
    // runs first, and no build of this test ever writes to "/".
    const { root } = siteWithCache({ 'articles/first/en.md': '---\ntitle: First\n---\nno date\n' });
    expectRefused(root, ['--out', '/']);
  });

  test('a symbolic link that points into articles/, into locales/ or at the site', () => {
    const { parent, root } = siteWithCache();
    symlinkSync(join(root, 'articles/first'), join(parent, 'into-articles'));
    symlinkSync('locales', join(root, 'labels-link'));
    symlinkSync('.', join(root, 'here'));
    expectRefused(root, ['--out', join(parent, 'into-articles')]);
    expectRefused(root, ['--out', join(root, 'labels-link')]);
    expectRefused(root, ['--out', join(root, 'labels-link/en')]);
    expectRefused(root, ['--out', join(root, 'here')]);
  });

  test('a dangling symbolic link whose target would be created inside articles/', () => {
    const { root } = siteWithCache();
    symlinkSync('articles/not-yet', join(root, 'out'));
    expectRefused(root, ['--out', join(root, 'out')]);
    expect(existsSync(join(root, 'articles/not-yet'))).toBe(false);
  });

  test('a language folder of the output that is a symbolic link into locales/ (public/en → locales/en)', () => {
    const { root } = siteWithCache();
    const out = mkdtempSync(join(tmpdir(), 'polyfeed-outdir-links-'));
    symlinkSync(join(root, 'locales/en'), join(out, 'en'));
    const result = expectRefused(root, ['--out', out]);
    expect(lstatSync(join(out, 'en')).isSymbolicLink()).toBe(true);
    expect(result.problems.find((problem) => problem.code === 'OUTPUT_FOLDER_UNSAFE')?.path).toEqual([]);
  });
});

describe('outDir in polyfeed.config.yaml is checked the same way, as a config problem at its line', () => {
  for (const outDir of ['locales', 'articles', '.', '..', '/', 'static/feeds', '.polyfeed-cache']) {
    test(`outDir: ${outDir}`, () => {
      // For "/", a broken article too: before the check existed the build stopped at it (exit 1), never writing to "/".
      const broken = outDir === '/' ? { 'articles/first/en.md': '---\ntitle: First\n---\nno date\n' } : {};
      const { root } = siteWithCache({ 'polyfeed.config.yaml': `${minimalConfig}outDir: ${JSON.stringify(outDir)}\n`, ...broken });
      const result = expectRefused(root, []);
      const problem = result.problems.find((entry) => entry.code === 'OUTPUT_FOLDER_UNSAFE')!;
      expect(problem).toMatchObject({ file: 'polyfeed.config.yaml', line: 5, path: ['outDir'] });
    });
  }

  test('check reports it too (exit 2), so a site check passes only if a build may write', () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': `${minimalConfig}outDir: locales\n` }));
    const run = runCli(['check', '--root', root, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).problems).toMatchObject([{ code: 'OUTPUT_FOLDER_UNSAFE', file: 'polyfeed.config.yaml', line: 5 }]);
  });
});

describe('safe output folders still work', () => {
  test('--out public, the default, outDir: dist/feeds, a folder outside the site, a link to one outside', () => {
    const { parent, root } = siteWithCache({ 'polyfeed.config.yaml': `${minimalConfig}outDir: dist/feeds\n` });
    expect(existsSync(join(root, 'dist/feeds/en/rss.xml'))).toBe(true);
    expect(runCli(['build', '--root', root, '--out', 'public'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'public/en/rss.xml'))).toBe(true);
    // A sibling of the site whose name starts like it, and a sibling of articles/ whose name does.
    expect(runCli(['build', '--root', root, '--out', join(parent, 'site-feeds')]).status).toBe(0);
    expect(runCli(['build', '--root', root, '--out', join(root, 'articles-feeds')]).status).toBe(0);
    expect(existsSync(join(parent, 'site-feeds/en/feed.json'))).toBe(true);
    const elsewhere = mkdtempSync(join(tmpdir(), 'polyfeed-outdir-elsewhere-'));
    symlinkSync(elsewhere, join(root, 'linked-out'));
    expect(runCli(['build', '--root', root, '--out', join(root, 'linked-out')]).status).toBe(0);
    expect(existsSync(join(elsewhere, 'en/atom.xml'))).toBe(true);
  });
});
