// A build killed at any moment, or two builds at once, never leave a feed half-written or mixed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

const bin = join(repoRoot, 'bin/polyfeed.js');
const bigConfig = 'baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [Desk]\nmaxItems: 0\n';

function startBuild(root: string, out: string) {
  return spawn(process.execPath, [bin, 'build', '--root', root, '--out', out], { stdio: 'ignore' });
}

function killAfter(root: string, out: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = startBuild(root, out);
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a build killed with SIGKILL', () => {
  test('leaves every feed either the old or the new version, never a part or a mix', async () => {
    const articles = 250;
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': bigConfig, ...generateArticles(articles, 'old') }));
    const out = join(root, 'public');
    expect(runCli(['build', '--root', root, '--out', out]).status).toBe(0);
    const oldFiles = readTree(out);

    for (const [path, text] of Object.entries(generateArticles(articles, 'new'))) writeFileSync(join(root, path), text);
    const expectedOut = join(root, 'expected');
    const started = Date.now();
    expect(runCli(['build', '--root', root, '--out', expectedOut]).status).toBe(0);
    const fullRunMs = Date.now() - started;
    const newFiles = readTree(expectedOut);
    expect(Object.keys(newFiles).sort()).toEqual(Object.keys(oldFiles).sort());

    const attempts = 10;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await killAfter(root, out, Math.round((fullRunMs * attempt) / attempts));
      const now = readTree(out);
      for (const [path, bytes] of Object.entries(now)) {
        if (/\.polyfeed-(tmp|backup)$/.test(path)) continue; // an unfinished temporary file or a backup, never a feed
        expect(bytes.equals(oldFiles[path]!) || bytes.equals(newFiles[path]!), `${path} after a kill at attempt ${attempt}`).toBe(true);
      }
    }
    // The next build takes over the dead build's lock, removes its leftovers and completes.
    expect(runCli(['build', '--root', root, '--out', out]).status).toBe(0);
    expect(readTree(out)).toEqual(newFiles);
  }, 120_000);
});

describe('two builds on the same output folder', () => {
  test('run one after the other: both succeed and the output is whole', async () => {
    const root = writeSite(siteFiles({ 'polyfeed.config.yaml': bigConfig, ...generateArticles(60, 'v') }));
    const out = join(root, 'public');
    const codes = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<number | null>((resolve) => {
            startBuild(root, out).on('exit', (code) => resolve(code));
          }),
      ),
    );
    expect(codes).toEqual([0, 0]);
    const expected = join(root, 'expected');
    expect(runCli(['build', '--root', root, '--out', expected]).status).toBe(0);
    expect(readTree(out)).toEqual(readTree(expected));
    expect(existsSync(join(root, '.public.polyfeed-lock'))).toBe(false);
  }, 180_000);

  test('a build that cannot get the lock in time refuses with OUTPUT_LOCKED and writes nothing', () => {
    const root = writeSite(siteFiles());
    // A live process (this test's own) holds the lock.
    writeFileSync(join(root, '.public.polyfeed-lock'), `${process.pid}\n`);
    const run = spawnSync(process.execPath, [bin, 'build', '--root', root, '--wait', '0.3'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('OUTPUT_LOCKED');
    expect(run.stderr).toContain('Waiting for another polyfeed build');
    expect(existsSync(join(root, 'public'))).toBe(false);
  });

  test('a lock left by a process that no longer runs is taken over', () => {
    const root = writeSite(siteFiles());
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(root, '.public.polyfeed-lock'), `${dead.stdout}\n`);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(readdirSync(join(root, 'public')).sort()).toEqual(['ar', 'en']);
  });
});
