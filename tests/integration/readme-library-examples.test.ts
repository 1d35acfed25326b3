// Issue 14: the README's library examples are run as written against the package as built (dist/, through its
// package.json exports, as a project that installed it sees it), the types ship in the package and compile in a
// TypeScript consumer, and build(), check() and writeOutputs() need no options.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { repoRoot, sampleSiteFiles, writeSite } from '../helpers/site-fixture.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const librarySection = readme.slice(readme.indexOf('\n## Library\n'), readme.indexOf('\n## ', readme.indexOf('\n## Library\n') + 1));
const blocks = [...librarySection.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)].map(([, language, code]) => ({ language: language!, code: code! }));
const jsBlocks = blocks.filter((block) => block.language === 'js');
const tsBlocks = blocks.filter((block) => block.language === 'ts');

/** The sample site in a new folder, with polyfeed installed in it as a dependency is: a link to this package. */
function consumerSite(files: Record<string, string | Uint8Array> = sampleSiteFiles()): string {
  const root = writeSite(files);
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(repoRoot, join(root, 'node_modules/polyfeed'), 'dir');
  symlinkSync(join(repoRoot, 'node_modules/@types'), join(root, 'node_modules/@types'), 'dir');
  return root;
}

/**
 * Runs a block as a module in the site folder. A block that exports a default function is a
 * generator's config (Eleventy's): it is called with a stand-in that keeps the `eleventy.after`
 * handler, which is then run as Eleventy runs it after a build, told its output folder.
 */
function runBlock(root: string, code: string): { status: number | null; stdout: string; stderr: string } {
  writeFileSync(join(root, 'example.mjs'), code);
  const isHook = /^export default function/m.test(code);
  const driver = `
    const { default: configure } = await import('./example.mjs');
    const handlers = {};
    configure({ on: (event, handler) => { handlers[event] = handler; } });
    await handlers['eleventy.after']({ directories: { input: './', output: './_site/' }, runMode: 'build', outputMode: 'fs', results: [] });
  `;
  const args = isHook ? ['--input-type=module', '--eval', driver] : ['example.mjs'];
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** Feeds written under the site folder (not its sources or node_modules), parsed back: path → number of items. */
function writtenFeeds(root: string): Record<string, number> {
  const feeds: Record<string, number> = {};
  const paths = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((path) => path.split(sep).join('/'));
  for (const path of paths) {
    if (!/(^|\/)(rss|atom)\.xml$|(^|\/)feed\.json$/.test(path) || /^(node_modules|locales|articles|templates|static)\//.test(path)) continue;
    const text = readFileSync(join(root, path), 'utf8');
    const items = path.endsWith('rss.xml') ? parseRssFeed(text).items : path.endsWith('atom.xml') ? parseAtomFeed(text).entries : parseJsonFeed(text).items;
    feeds[path] = items?.length ?? 0;
  }
  return feeds;
}

describe('README, "Library": each js example runs as written against the built package', () => {
  test('there are examples to run: in memory, check, write, and a build hook', () => {
    expect(jsBlocks.length).toBeGreaterThanOrEqual(4);
    expect(jsBlocks.every((block) => block.code.includes("from 'polyfeed'"))).toBe(true);
  });

  test.each(jsBlocks.map((block, index) => [index + 1, block.code.split('\n').find((line) => line.includes("from 'polyfeed'")), block] as const))(
    'example %i (%s)',
    (_index, _imports, block) => {
      const root = consumerSite();
      const run = runBlock(root, block.code);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const feeds = writtenFeeds(root);
      if (block.code.includes('writeOutputs(')) {
        // The sample site: 5 languages × 3 formats, every feed parsed back with items in it.
        expect(Object.keys(feeds)).toHaveLength(15);
        expect(Object.values(feeds).every((items) => items > 0)).toBe(true);
      } else {
        expect(feeds).toEqual({});
      }
      // 15 feeds, and the sample site's 3 pages for people (subscribePage).
      if (block.code.includes('console.log(file.path')) expect(run.stdout.trim().split('\n')).toHaveLength(18);
    },
  );

  test('the check example fails (exit 1) and reports the problem when a source is invalid', () => {
    const block = jsBlocks.find((candidate) => candidate.code.includes('check('))!;
    const root = consumerSite({ ...sampleSiteFiles(), 'articles/broken/en.md': '---\ntitle: Broken\ndate: yesterday\n---\nText.\n' });
    const run = runBlock(root, block.code);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('INVALID_DATE');
    expect(run.stderr).toContain('articles/broken/en.md');
  });

  test('the hook example fails the generator\'s build when a source is invalid, and writes nothing', () => {
    const block = jsBlocks.find((candidate) => candidate.code.includes('eleventy.after'))!;
    const root = consumerSite({ ...sampleSiteFiles(), 'articles/broken/en.md': '---\ntitle: Broken\ndate: yesterday\n---\nText.\n' });
    const run = runBlock(root, block.code);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('INVALID_DATE');
    expect(writtenFeeds(root)).toEqual({});
  });
});

describe('the package as published', () => {
  test('issue 14: build(sources), check(sources) and writeOutputs(folder, files) need no options', () => {
    const root = consumerSite();
    const script = `
      import { build, check, readSources, writeOutputs } from 'polyfeed';
      const sources = readSources('.');
      const built = build(sources);
      const checked = check(sources);
      const written = writeOutputs('out', built.files);
      console.log(JSON.stringify({ files: built.files.length, buildErrors: built.errors.length, checkErrors: checked.errors.length, written: written.written.length, writeErrors: written.errors.length }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // 15 feeds and the sample site's 3 pages for people (subscribePage).
    expect(JSON.parse(run.stdout)).toEqual({ files: 18, buildErrors: 0, checkErrors: 0, written: 18, writeErrors: 0 });
    expect(Object.keys(writtenFeeds(join(root, 'out')))).toHaveLength(15);
  });

  test('its tarball holds the compiled library with its types, the CLI, and no sources or tests', () => {
    // --ignore-scripts: packing would otherwise build dist/ again under the other tests' feet.
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const paths = pack.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'bin/polyfeed.js', 'dist/index.js', 'dist/index.d.ts', 'dist/run/build-site.d.ts', 'dist/cli.js']));
    expect(paths.filter((path) => /^(src|tests)\//.test(path) || path.endsWith('.test.js'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: { '.': { types: string } } };
    expect(paths).toContain(manifest.exports['.'].types.replace(/^\.\//, ''));
  });

  test.each(tsBlocks.map((block, index) => [index + 1, block] as const))('the README\'s TypeScript example %i compiles against the shipped types, and a misuse does not', (_index, block) => {
    const root = consumerSite();
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node'];
    writeFileSync(join(root, 'example.mts'), block.code);
    // The types are really checked: a wrong option type is refused (one compiler run for both files: it takes seconds).
    writeFileSync(join(root, 'misuse.mts'), "import { build, readSources } from 'polyfeed';\nbuild(readSources('.'), { now: '2025-01-01' });\n");
    const compiled = spawnSync(process.execPath, [tsc, ...options, 'example.mts', 'misuse.mts'], { cwd: root, encoding: 'utf8' });
    const errorLines = compiled.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errorLines.filter((line) => !line.startsWith('misuse.mts'))).toEqual([]);
    expect(errorLines).toHaveLength(1);
    expect(compiled.stdout).toContain("Type 'string' is not assignable to type 'Date'");
  });
});
