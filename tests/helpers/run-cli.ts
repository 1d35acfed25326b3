// Test helper: runs the real CLI (bin/polyfeed.js) in a child process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './site-fixture.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `nodeArgs` go to Node before the CLI (a preload module, say); `env` is added to the environment. */
export function runCli(args: string[], options: { cwd?: string; nodeArgs?: string[]; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(repoRoot, 'bin/polyfeed.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
