// I/O: an exclusive lock on an output folder, so two builds never write it at the same time.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface OutputLock {
  readonly path: string;
  release(): void;
}

export type AcquireResult = { readonly lock: OutputLock } | { readonly heldBy: number; readonly path: string };

/** The lock sits beside the output folder, so nothing extra is ever published. */
export function lockPathFor(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.polyfeed-lock`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Takes the lock, waiting up to `waitMs` for a running build to finish. A lock left by a
 * process that no longer runs (a killed build) is taken over. `onWait` is told once when waiting starts.
 */
export function acquireOutputLock(outDir: string, waitMs: number, onWait: (pid: number) => void): AcquireResult {
  const path = lockPathFor(outDir);
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return { lock: { path, release: () => rmSync(path, { force: true }) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    } catch {
      continue; // released between our two calls: try again at once
    }
    if (!Number.isInteger(holder) || !isRunning(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) return { heldBy: holder, path };
    if (!told) {
      onWait(holder);
      told = true;
    }
    sleep(100);
  }
}
