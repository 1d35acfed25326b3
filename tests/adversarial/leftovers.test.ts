// Issue 11 item 6: what a killed build leaves in the output folder (temporary files, backups, a publish half done) is gone after the next build, wherever it is.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { faultHook } from '../helpers/fault-hook.js';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** Every file under `folder` named as polyfeed names its temporary files and backups. */
function leftoversUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.polyfeed-(tmp|backup)$/.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

function setSources(root: string, marker: string, count = 3): void {
  for (const [path, text] of Object.entries(generateArticles(count, marker))) writeFileSync(join(root, path), text);
}

function expectedTree(root: string, name: string): Record<string, Buffer> {
  const expected = join(root, name);
  expect(runCli(['build', '--root', root, '--out', expected, '--no-cache']).status).toBe(0);
  return readTree(expected);
}

/** A site of three articles built once: its folder, its output folder and the output's files. */
function builtSite(): { root: string; out: string; v1: Record<string, Buffer> } {
  const root = writeSite(siteFiles(generateArticles(3, 'v1')));
  const out = join(root, 'public');
  expect(runCli(['build', '--root', root]).status).toBe(0);
  return { root, out, v1: readTree(out) };
}

describe('builds killed while writing, then one good build', () => {
  test('killed while staging, sources then put back: the good build (with nothing to write) removes every leftover', () => {
    const { root, out, v1 } = builtSite();
    setSources(root, 'v2');
    const hook = faultHook();
    for (const nth of [1, 2, 3, 4, 5, 6, 3, 6]) {
      expect(runCli(['build', '--root', root], { nodeArgs: ['--import', hook], env: { KILL_OPEN: String(nth), PAUSE_BYTES: '5000' } }).status).toBe(null);
    }
    // (Each killed build removed the leftovers of the one before it: the last one's are there.)
    expect(leftoversUnder(out).length).toBeGreaterThan(0);
    setSources(root, 'v1');
    const good = runCli(['build', '--root', root]);
    expect(good.status, good.stderr).toBe(0);
    expect(leftoversUnder(out)).toEqual([]);
    expect(readTree(out)).toEqual(v1);
  });

  test('killed while staging a build of unchanged sources: the next build is not skipped as a no-op while leftovers remain', () => {
    const { root, out, v1 } = builtSite();
    const hook = faultHook();
    for (const nth of [2, 5]) {
      expect(runCli(['build', '--root', root, '--no-cache'], { nodeArgs: ['--import', hook], env: { KILL_OPEN: String(nth), PAUSE_BYTES: '100' } }).status).toBe(null);
    }
    expect(leftoversUnder(out).length).toBeGreaterThan(0);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(leftoversUnder(out)).toEqual([]);
    expect(readTree(out)).toEqual(v1);
    // Once the folder is as the last build left it, the no-op fast path is taken again.
    expect(runCli(['build', '--root', root]).stdout).toContain('Nothing changed since the last build');
  });

  test('killed halfway through publishing (feeds of two builds mixed): the next build puts the previous feeds back before it writes anything', () => {
    const { root, out, v1 } = builtSite();
    setSources(root, 'v2');
    const hook = faultHook();
    expect(runCli(['build', '--root', root], { nodeArgs: ['--import', hook], env: { KILL_RENAME: '3' } }).status).toBe(null);
    // The next build fails to publish (its first rename fails): what stays must be the whole previous output.
    setSources(root, 'v3');
    const failed = runCli(['build', '--root', root], { nodeArgs: ['--import', hook], env: { FAULT_RENAME: '1' } });
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stderr).toContain('OUTPUT_WRITE_FAILED');
    expect(readTree(out)).toEqual(v1);
    const good = runCli(['build', '--root', root]);
    expect(good.status, good.stderr).toBe(0);
    expect(readTree(out)).toEqual(expectedTree(root, 'expected'));
  });

  test('killed halfway through publishing, then a build with an invalid article: that build, which writes nothing, still puts the previous feeds back', () => {
    const { root, out, v1 } = builtSite();
    setSources(root, 'v2');
    expect(runCli(['build', '--root', root], { nodeArgs: ['--import', faultHook()], env: { KILL_RENAME: '4' } }).status).toBe(null);
    writeFileSync(join(root, 'articles/story-0/en.md'), '---\ntitle: Broken\ndate: yesterday\n---\nText.\n');
    const invalid = runCli(['build', '--root', root]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('INVALID_DATE');
    expect(readTree(out)).toEqual(v1);
    expect(leftoversUnder(out)).toEqual([]);
  });

  test("a user's files in the output folder are never removed, whatever they are called", () => {
    const root = writeSite(siteFiles(generateArticles(2, 'v1')));
    const out = join(root, 'public');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const mine = ['notes.polyfeed-tmp', '.polyfeed-tmp', 'en/.draft.polyfeed-backup', 'en/.0123456789ab.polyfeed-tmp.txt', 'deep/er/.0123456789AB.polyfeed-tmp', 'deep/er/.keep'];
    for (const path of mine) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), 'mine');
    }
    const hook = faultHook();
    expect(runCli(['build', '--root', root, '--no-cache'], { nodeArgs: ['--import', hook], env: { KILL_OPEN: '2' } }).status).toBe(null);
    setSources(root, 'v2', 2);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const tree = readTree(out);
    for (const path of mine) expect(tree[path]?.toString('utf8'), path).toBe('mine');
  });
});
