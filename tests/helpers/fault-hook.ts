// Test helper: a preload module (`runCli(..., { nodeArgs: ['--import', faultHook()] })`) that makes chosen file-system calls of a build fail, or kills the build there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Environment variables the hook reads (each counts calls on one thread; small sites stage on the main thread):
 * - FAULT_RENAME=N: the Nth rename of a staged file (`*.polyfeed-tmp`) over a feed throws FAULT_CODE (default EIO).
 * - FAULT_OPEN=N: the Nth opening of a staged file throws FAULT_CODE.
 * - KILL_RENAME=N: the process kills itself (SIGKILL) right after the Nth rename of a staged file over a feed.
 * - KILL_OPEN=N: the process kills itself right after the Nth opening of a staged file, and once it has written PAUSE_BYTES.
 * - PAUSE_RENAME_MS=T: the first rename of a staged file over a feed waits T ms first (the build holds its lock meanwhile).
 * - BARRIER_DIR=D, BARRIER_COUNT=N: at its first file-system call on the output lock, the build waits (up to 20 s) until
 *   N builds have reached theirs, so that they all try to take the lock at the same moment.
 * - LOCK_JITTER_MS=J: every file-system call on the output lock waits a random 0 to J ms first (a slow or busy
 *   machine), so that the builds' steps interleave in many orders.
 */
export function faultHook(): string {
  const hook = join(mkdtempSync(join(tmpdir(), 'polyfeed-hook-')), 'fault-hook.mjs');
  writeFileSync(
    hook,
    [
      "import fs from 'node:fs';",
      "import { syncBuiltinESMExports } from 'node:module';",
      'const env = process.env;',
      "const count = { rename: 0, open: 0 };",
      "const isFeed = (path) => /(rss\\.xml|atom\\.xml|feed\\.json)$/.test(String(path));",
      "const isStaged = (path) => String(path).endsWith('.polyfeed-tmp');",
      'const fail = (syscall, path, dest) => {',
      "  const code = env.FAULT_CODE ?? 'EIO';",
      "  return Object.assign(new Error(`${code}: injected failure, ${syscall} '${path}'`), { code, errno: -5, syscall, path, ...(dest ? { dest } : {}) });",
      '};',
      'const renameSync = fs.renameSync;',
      'fs.renameSync = function (from, to) {',
      '  if (isStaged(from) && isFeed(to)) {',
      '    count.rename++;',
      '    if (env.PAUSE_RENAME_MS && count.rename === 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(env.PAUSE_RENAME_MS));',
      '    if (Number(env.FAULT_RENAME) === count.rename) throw fail("rename", from, to);',
      '    renameSync.call(this, from, to);',
      "    if (Number(env.KILL_RENAME) === count.rename) process.kill(process.pid, 'SIGKILL');",
      '    return;',
      '  }',
      '  return renameSync.call(this, from, to);',
      '};',
      'const openSync = fs.openSync;',
      'fs.openSync = function (path, ...rest) {',
      '  if (isStaged(path)) {',
      '    count.open++;',
      '    if (Number(env.FAULT_OPEN) === count.open) throw fail("open", path);',
      '    const descriptor = openSync.call(this, path, ...rest);',
      "    if (Number(env.KILL_OPEN) === count.open) { fs.writeSync(descriptor, 'x'.repeat(Number(env.PAUSE_BYTES ?? 1))); process.kill(process.pid, 'SIGKILL'); }",
      '    return descriptor;',
      '  }',
      '  return openSync.call(this, path, ...rest);',
      '};',
      'let waited = false;',
      'const barrier = (path) => {',
      "  if (waited || !env.BARRIER_DIR || !String(path).includes('.polyfeed-lock')) return;",
      '  waited = true;',
      "  writeFileSync(`${env.BARRIER_DIR}/${process.pid}`, '');",
      '  const deadline = Date.now() + 20000;',
      '  while (fs.readdirSync(env.BARRIER_DIR).length < Number(env.BARRIER_COUNT) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);',
      '};',
      'const writeFileSync = fs.writeFileSync;',
      "for (const name of ['writeFileSync', 'mkdirSync', 'lstatSync', 'statSync', 'readFileSync', 'readdirSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'linkSync']) {",
      '  const original = fs[name];',
      '  fs[name] = function (path, ...rest) {',
      '    barrier(path);',
      "    if (env.LOCK_JITTER_MS && String(path).includes('.polyfeed-lock')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.random() * Number(env.LOCK_JITTER_MS));",
      '    return original.call(this, path, ...rest);',
      '  };',
      '}',
      'syncBuiltinESMExports();',
    ].join('\n'),
  );
  return hook;
}
