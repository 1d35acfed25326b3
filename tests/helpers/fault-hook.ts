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
      'syncBuiltinESMExports();',
    ].join('\n'),
  );
  return hook;
}
