// Issue 14: --quiet prints only the problems that fail the run; --verbose adds the time of each stage on stderr, and leaves stdout as it was.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { siteFiles, writeSite } from '../helpers/site-fixture.js';

// An Arabic-only article is a warning (MISSING_DEFAULT_LANGUAGE) under the default policy.
const warned = { 'articles/solo/ar.md': '---\ntitle: وحيد\ndate: 2025-03-14T09:30:00+03:00\n---\nنص\n' };
const broken = { 'articles/late/en.md': '---\ntitle: Late\ndate: yesterday\n---\nText.\n' };

/** The labels of the stage lines --verbose printed, in order. */
function stageLabelsIn(stderr: string): string[] {
  const lines = stderr.split('\n');
  const start = lines.indexOf('Stage times:');
  if (start < 0) return [];
  return lines.slice(start + 1).filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s{2,}/)[0]!);
}

describe('--quiet', () => {
  test('a valid build with warnings prints nothing at all, and still writes its feeds', () => {
    const root = writeSite(siteFiles(warned));
    const run = runCli(['build', '--root', root, '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    // Without --quiet the same build tells the warning and its summary.
    const loud = runCli(['build', '--root', writeSite(siteFiles(warned))]);
    expect(loud.stderr).toContain('MISSING_DEFAULT_LANGUAGE');
    expect(loud.stdout).toContain('Built 6 feeds');
  });

  test('an invalid site prints its errors, not its warnings, and exits 1', () => {
    const root = writeSite(siteFiles({ ...warned, ...broken }));
    const run = runCli(['check', '--root', root, '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('articles/late/en.md');
    expect(run.stderr).toContain('INVALID_DATE');
    expect(run.stderr).not.toContain('MISSING_DEFAULT_LANGUAGE');
  });

  test('with --strict the warnings that fail the run are printed', () => {
    const run = runCli(['build', '--root', writeSite(siteFiles(warned)), '--quiet', '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MISSING_DEFAULT_LANGUAGE');
    expect(run.stdout).toBe('');
  });

  test('a JSON report stays whole: it is for programs', () => {
    const run = runCli(['check', '--root', writeSite(siteFiles(warned)), '--quiet', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { problems: { code: string }[] };
    expect(report.problems.map((problem) => problem.code)).toEqual(['MISSING_DEFAULT_LANGUAGE']);
  });

  test('diff prints the diff and no warnings', () => {
    const root = writeSite(siteFiles(warned));
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const run = runCli(['diff', '--root', root, '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('none differs');
    expect(run.stderr).toBe('');
  });

  test('cannot be used with --verbose (a usage error)', () => {
    const run = runCli(['check', '--root', writeSite(siteFiles()), '--quiet', '--verbose']);
    expect(run.status).toBe(2);
  });
});

describe('--verbose', () => {
  test('build: one line a stage on stderr, with the files read and items rendered; stdout is the same as without it', () => {
    const files = siteFiles({ 'articles/second/en.md': '---\ntitle: Second\ndate: 2025-03-15T09:30:00+01:00\n---\nMore.\n' });
    const run = runCli(['build', '--root', writeSite(files), '--verbose']);
    const plain = runCli(['build', '--root', writeSite(files)]);
    expect(run.status).toBe(0);
    expect(stageLabelsIn(run.stderr)).toEqual(['scan', 'read/validate', 'render', 'write/publish', 'cache', 'total']);
    expect(run.stderr).toMatch(/^ {2}read\/validate +\d[\d,]* ms {2}2 article files read$/m);
    // The English feeds' two items (the Arabic feeds have none), counted once for the three formats.
    expect(run.stderr).toMatch(/^ {2}render +\d[\d,]* ms {2}2 items rendered$/m);
    expect(run.stdout.replaceAll(/polyfeed-test-\w+/g, 'SITE')).toBe(plain.stdout.replaceAll(/polyfeed-test-\w+/g, 'SITE'));
    expect(plain.stderr).not.toContain('Stage times');
  });

  test('a build with nothing changed stops after the scan', () => {
    const root = writeSite(siteFiles());
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const run = runCli(['build', '--root', root, '--verbose']);
    expect(run.stdout).toContain('Nothing changed since the last build');
    expect(stageLabelsIn(run.stderr)).toEqual(['scan', 'total']);
  });

  test('check and diff: scan, read/validate, render', () => {
    const root = writeSite(siteFiles());
    expect(stageLabelsIn(runCli(['check', '--root', root, '--verbose']).stderr)).toEqual(['scan', 'read/validate', 'render', 'total']);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(stageLabelsIn(runCli(['diff', '--root', root, '--no-cache', '--verbose']).stderr)).toEqual(['scan', 'read/validate', 'render', 'total']);
  });

  test('with --format json, stdout is still one JSON report', () => {
    const run = runCli(['check', '--root', writeSite(siteFiles()), '--verbose', '--format', 'json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    expect(stageLabelsIn(run.stderr)).toContain('read/validate');
  });
});
