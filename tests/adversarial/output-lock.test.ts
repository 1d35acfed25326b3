// Issue 11 item 5: the output lock is held by one build at a time, also when several builds take over a dead build's lock together.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { faultHook } from '../helpers/fault-hook.js';
import { generateArticles } from '../helpers/generate-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

const bin = join(repoRoot, 'bin/polyfeed.js');

function setSources(root: string, marker: string): void {
  for (const [path, text] of Object.entries(generateArticles(4, marker))) writeFileSync(join(root, path), text);
}

/** The feeds of the sources with this marker, as a build without cache into a folder of their own makes them. */
function expectedTree(root: string, marker: string): Record<string, Buffer> {
  setSources(root, marker);
  const folder = join(root, `expected-${marker}`);
  expect(runCli(['build', '--root', root, '--out', folder, '--no-cache']).status).toBe(0);
  return readTree(folder);
}

function startBuild(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, bin, 'build', ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.stdout.resume();
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('a lock left by a killed build, taken over by several builds at once', () => {
  test('20 rounds of 4 builds reaching the lock together: each exits 0 (or OUTPUT_LOCKED), never 3, and the output is whole', async () => {
    const root = writeSite(siteFiles(generateArticles(4, 'a')));
    const out = join(root, 'public');
    const expected = { a: expectedTree(root, 'a'), b: expectedTree(root, 'b') };
    setSources(root, 'a');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const hook = faultHook();
    for (let round = 1; round <= 20; round++) {
      const version = round % 2 === 0 ? 'a' : 'b';
      setSources(root, version);
      // Killed while publishing: its lock stays, naming a process that no longer runs (and its publish is half done).
      const killed = runCli(['build', '--root', root], { nodeArgs: ['--import', hook], env: { KILL_RENAME: String(1 + (round % 5)) } });
      expect(killed.status).toBe(null);
      expect(existsSync(join(root, '.public.polyfeed-lock'))).toBe(true);
      const barrier = mkdtempSync(join(tmpdir(), 'polyfeed-barrier-'));
      const env = { BARRIER_DIR: barrier, BARRIER_COUNT: '4', LOCK_JITTER_MS: '15' };
      const runs = await Promise.all([0, 1, 2, 3].map(() => startBuild(['--root', root], env, ['--import', hook])));
      for (const run of runs) {
        expect(run.status === 0 || (run.status === 1 && run.stderr.includes('OUTPUT_LOCKED')), `round ${round}: exit ${run.status}\n${run.stderr}`).toBe(true);
      }
      expect(readTree(out), `round ${round}`).toEqual(expected[version]);
      expect(existsSync(join(root, '.public.polyfeed-lock'))).toBe(false);
    }
  }, 300_000);
});

describe('who holds the lock', () => {
  test('a running build holds it: another build waits, then refuses with OUTPUT_LOCKED and writes nothing', async () => {
    const root = writeSite(siteFiles(generateArticles(2, 'v1')));
    const out = join(root, 'public');
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const before = readTree(out);
    for (const [path, text] of Object.entries(generateArticles(2, 'v2'))) writeFileSync(join(root, path), text);
    // This build pauses, holding the lock, before it publishes.
    const holder = startBuild(['--root', root], { PAUSE_RENAME_MS: '4000' }, ['--import', faultHook()]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const waiting = spawnSync(process.execPath, [bin, 'build', '--root', root, '--wait', '0.5', '--no-cache'], { encoding: 'utf8' });
    expect(waiting.status).toBe(1);
    expect(waiting.stderr).toContain('OUTPUT_LOCKED');
    expect((await holder).status).toBe(0);
    expect(readTree(out)).not.toEqual(before);
  }, 60_000);

  test.skipIf(process.platform !== 'linux')('a lock whose pid now belongs to another process (the pid was reused) is taken over (start times are read from /proc: Linux only)', () => {
    const root = writeSite(siteFiles());
    const lock = join(root, '.public.polyfeed-lock');
    mkdirSync(lock);
    // This test's own process runs, but it is not the process that made the claim: it started at another time.
    writeFileSync(join(lock, '0'), JSON.stringify({ pid: process.pid, started: 'another-boot:12345' }));
    const run = spawnSync(process.execPath, [bin, 'build', '--root', root, '--wait', '0.5'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
