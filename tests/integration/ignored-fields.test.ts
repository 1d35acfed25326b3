// Issue 14: `polyfeed check --ignored-fields` lists the front-matter fields polyfeed does not use in another
// generator's layout (per field: how many files carry it, one of them), in the human and the JSON report,
// whatever the cache let validation skip.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatorSite, readmeConfigOf } from '../helpers/generator-site.js';
import { minimalConfig } from '../helpers/site-fixture.js';

const NOW = '2024-06-01T00:00:00Z';

/** The Hugo fixture: `layout:` in both versions of first-post, `weight:` in one, `toc:` in second-post. */
const HUGO_FIELDS = [
  { field: 'layout', files: 2, example: 'content/posts/first-post/index.fr.md' },
  { field: 'toc', files: 1, example: 'content/posts/second-post.md' },
  { field: 'weight', files: 1, example: 'content/posts/first-post/index.md' },
];

function byField(a: { field: string }, b: { field: string }): number {
  return a.field < b.field ? -1 : 1;
}

function hugoSite(files: Record<string, string> = {}): string {
  return generatorSite('hugo', { 'polyfeed.config.yaml': readmeConfigOf('Hugo')!, ...files });
}

function check(root: string, ...args: string[]) {
  return runCli(['check', '--root', root, '--now', NOW, ...args]);
}

function jsonReport(root: string, ...args: string[]) {
  const run = check(root, '--format', 'json', ...args);
  return { status: run.status, report: JSON.parse(run.stdout) as { ok: boolean; ignoredFields?: unknown; problems: { code: string; file: string }[] } };
}

describe('check --ignored-fields', () => {
  test('the human report lists each ignored field, sorted, with its count of files and the first of them', () => {
    const run = check(hugoSite(), '--ignored-fields');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    const start = lines.indexOf('Front-matter fields polyfeed ignores (3):');
    expect(start).toBeGreaterThan(-1);
    const rows = lines.slice(start + 1, start + 4).map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toEqual(HUGO_FIELDS.map(({ field, files, example }) => [field, `${files} ${files === 1 ? 'file' : 'files'}`, `e.g. ${example}`]));
  });

  test('the JSON report carries them as ignoredFields; without the option it has none', () => {
    const root = hugoSite();
    expect(jsonReport(root, '--ignored-fields').report.ignoredFields).toEqual(HUGO_FIELDS);
    expect(jsonReport(root).report).not.toHaveProperty('ignoredFields');
    expect(check(root).stdout).not.toContain('ignores');
  });

  test('files the cache lets validation skip are read for the listing all the same', () => {
    const root = hugoSite();
    const path = join(root, 'content/posts/second-post.md');
    const mtime = new Date('2024-01-01T00:00:00Z');
    utimesSync(path, mtime, mtime);
    expect(runCli(['build', '--root', root, '--now', NOW]).status).toBe(0);
    // Edited in place to the same size, its time put back: to the cache it is unchanged, and validation skips it.
    writeFileSync(path, readFileSync(path, 'utf8').replace('toc: true', 'tic: true'));
    utimesSync(path, mtime, mtime);
    const run = check(root, '--format', 'json', '--ignored-fields', '--verbose');
    expect(run.stderr).not.toMatch(/article files? read/);
    expect(JSON.parse(run.stdout).ignoredFields).toEqual([...HUGO_FIELDS.filter((row) => row.field !== 'toc'), { field: 'tic', files: 1, example: 'content/posts/second-post.md' }].sort(byField));
  });

  test('a file with problems still has its ignored fields listed, and the report fails on the problem', () => {
    const root = hugoSite({ 'content/posts/broken.md': '---\ntitle: Broken\ndate: someday\nseries: rivers\n---\nText.\n' });
    const { status, report } = jsonReport(root, '--ignored-fields');
    expect(status).toBe(1);
    expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([['INVALID_DATE', 'content/posts/broken.md']]);
    expect(report.ignoredFields).toEqual([...HUGO_FIELDS, { field: 'series', files: 1, example: 'content/posts/broken.md' }].sort(byField));
  });

  test('--quiet keeps the listing it was asked for, and drops the summary', () => {
    const run = check(hugoSite(), '--ignored-fields', '--quiet');
    expect(run.stdout.split('\n')[0]).toBe('Front-matter fields polyfeed ignores (3):');
    expect(run.stdout).not.toContain('All sources are valid.');
  });

  test("polyfeed's own layout ignores no field (an unknown one is UNKNOWN_FIELD)", () => {
    const root = generatorSite(undefined, {
      'polyfeed.config.yaml': `${minimalConfig.replace('[en, ar]', '[en, fr]')}title: Example\ndescription: Example feed\ncopyright: © Example\n`,
      'articles/river/en.md': '---\ntitle: River\ndate: 2024-01-02T10:00:00Z\n---\nText.\n',
    });
    const run = check(root, '--ignored-fields');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No front-matter field is ignored.');
    expect(jsonReport(root, '--ignored-fields').report.ignoredFields).toEqual([]);
  });

  test('an invalid config gives no listing', () => {
    const root = hugoSite();
    writeFileSync(join(root, 'polyfeed.config.yaml'), readFileSync(join(root, 'polyfeed.config.yaml'), 'utf8').replace('Europe/Berlin', 'Mars/Olympus'));
    const { status, report } = jsonReport(root, '--ignored-fields');
    expect(status).toBe(2);
    expect(report).not.toHaveProperty('ignoredFields');
  });
});
