// Issue 11 item 4: a write that fails (an injected I/O error, a full disk, an immutable file) is reported as OUTPUT_WRITE_FAILED, and the previous feeds stay whole, never mixed with new ones.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { faultHook } from '../helpers/fault-hook.js';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

const FEED = /^public\/(en|ar)\/(rss\.xml|atom\.xml|feed\.json)$/;

/** A site built once into `out` (v1), then edited so that every feed changes (v2). */
function siteWithPreviousBuild(out?: string) {
  const root = writeSite(siteFiles(generateArticles(3, 'v1')));
  const outDir = out ?? join(root, 'public');
  const first = runCli(['build', '--root', root, '--out', outDir]);
  expect(first.status, first.stderr).toBe(0);
  const previous = readTree(outDir);
  for (const [path, text] of Object.entries(generateArticles(3, 'v2'))) writeFileSync(join(root, path), text);
  return { root, outDir, previous };
}

function problemsOf(run: CliRun): { code: string; file: string | null }[] {
  return (JSON.parse(run.stdout) as { problems: { code: string; file: string | null }[] }).problems;
}

/** The v2 feeds, as a build without cache into a folder of their own makes them. */
function expectedTree(root: string): Record<string, Buffer> {
  const expected = join(root, 'expected');
  expect(runCli(['build', '--root', root, '--out', expected, '--no-cache']).status).toBe(0);
  return readTree(expected);
}

describe('a rename that fails while the feeds are published', () => {
  test.each([1, 2, 4, 6])('(the rename of feed %i of 6) reports OUTPUT_WRITE_FAILED and leaves every feed as the previous build left it', (nth) => {
    const { root, outDir, previous } = siteWithPreviousBuild();
    const run = runCli(['build', '--root', root, '--format', 'json'], { nodeArgs: ['--import', faultHook()], env: { FAULT_RENAME: String(nth) } });
    expect(run.status, run.stderr).toBe(1);
    const problems = problemsOf(run);
    expect(problems.map((problem) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
    expect(problems[0]!.file).toMatch(FEED);
    // Byte for byte, and no temporary file or backup anywhere.
    expect(readTree(outDir)).toEqual(previous);
    expect(existsSync(join(root, '.public.polyfeed-lock'))).toBe(false);
    // The next build publishes every new feed.
    const next = runCli(['build', '--root', root]);
    expect(next.status, next.stderr).toBe(0);
    expect(readTree(outDir)).toEqual(expectedTree(root));
  }, 60_000);

  test('the human report names the file and the reason, without a stack', () => {
    const { root } = siteWithPreviousBuild();
    const run = runCli(['build', '--root', root], { nodeArgs: ['--import', faultHook()], env: { FAULT_RENAME: '3', FAULT_CODE: 'EACCES' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^public\/(en|ar)\/\S+ OUTPUT_WRITE_FAILED$/m);
    expect(run.stderr).toContain('EACCES');
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a staged file that cannot be created', () => {
  test.each(['ENOSPC', 'EROFS'])('(%s) reports OUTPUT_WRITE_FAILED and publishes nothing', (code) => {
    const { root, outDir, previous } = siteWithPreviousBuild();
    const run = runCli(['build', '--root', root, '--format', 'json'], { nodeArgs: ['--import', faultHook()], env: { FAULT_OPEN: '4', FAULT_CODE: code } });
    expect(run.status, run.stderr).toBe(1);
    const problems = problemsOf(run);
    expect(problems.map((problem) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
    expect(problems[0]!.file).toMatch(FEED);
    expect(readTree(outDir)).toEqual(previous);
  });
});

const isRoot = process.getuid?.() === 0;

function commandWorks(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

describe.skipIf(!isRoot)('as root (skipped otherwise: chattr and mount need root)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  test('an immutable feed (chattr +i): OUTPUT_WRITE_FAILED names it, and no feed of the new build is published', (context) => {
    const { root, outDir, previous } = siteWithPreviousBuild();
    const locked = join(outDir, 'en/atom.xml');
    if (!commandWorks('chattr', ['+i', locked])) context.skip('chattr +i is not available on this file system');
    cleanups.push(() => commandWorks('chattr', ['-i', locked]));
    const run = runCli(['build', '--root', root, '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    const problems = problemsOf(run);
    expect(problems.map((problem) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
    expect(problems[0]!.file).toBe('public/en/atom.xml');
    expect(readTree(outDir)).toEqual(previous);
    commandWorks('chattr', ['-i', locked]);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(readTree(outDir)).toEqual(expectedTree(root));
  });

  test('a full disk (a small tmpfs) at every point of staging and publishing: exit 1 and the previous feeds, or exit 0 and the new ones', (context) => {
    const mount = writeSite({});
    const outDir = join(mount, 'public');
    // The output folder and its lock (beside it) are both on the small file system.
    if (!commandWorks('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount])) context.skip('mounting a tmpfs is not available here');
    cleanups.push(() => commandWorks('umount', [mount]));
    const { root, previous } = siteWithPreviousBuild(outDir);
    const expected = expectedTree(root);
    const filler = join(mount, 'filler');
    const outcomes: number[] = [];
    // Free space from nothing up, a page at a time, until the build fits.
    for (let pages = 0; pages < 64; pages++) {
      const { bavail, bsize } = statfsSync(mount);
      const fill = Math.max(0, bavail * bsize - pages * 4096);
      writeFileSync(filler, Buffer.alloc(fill));
      const run = runCli(['build', '--root', root, '--out', outDir, '--format', 'json']);
      rmSync(filler);
      outcomes.push(run.status ?? -1);
      if (run.status === 0) {
        expect(readTree(outDir)).toEqual(expected);
        break;
      }
      expect(run.status, run.stderr).toBe(1);
      const problems = problemsOf(run);
      expect(problems.map((problem) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
      expect(readTree(outDir)).toEqual(previous);
    }
    expect(outcomes.at(-1)).toBe(0);
    // Several attempts failed at different points before the build fitted.
    expect(outcomes.filter((status) => status === 1).length).toBeGreaterThan(3);
  }, 300_000);

  test('a read-only mount: OUTPUT_WRITE_FAILED, the previous feeds unchanged', (context) => {
    const mount = writeSite({});
    mkdirSync(mount, { recursive: true });
    if (!commandWorks('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount])) context.skip('mounting a tmpfs is not available here');
    cleanups.push(() => commandWorks('umount', [mount]));
    const outDir = join(mount, 'public');
    const { root, previous } = siteWithPreviousBuild(outDir);
    if (!commandWorks('mount', ['-o', 'remount,ro', mount])) context.skip('remounting read-only is not available here');
    const run = runCli(['build', '--root', root, '--out', outDir, '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    expect(problemsOf(run).map((problem) => problem.code)).toEqual(['OUTPUT_WRITE_FAILED']);
    expect(readTree(outDir)).toEqual(previous);
  });
});
