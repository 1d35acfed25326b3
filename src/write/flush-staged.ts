// I/O: staged files flushed to disk on the thread pool, while the build goes on rendering; awaited before anything is published.
import { open } from 'node:fs/promises';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { BuildError } from '../model/build-error.js';
import type { StagedOutput, StagingPlace } from './staging-files.js';
import { isSystemError, onOutputFile, writeFailure } from './write-failure.js';

/** Flushes at most this many files at once (the thread pool has four threads; a disk takes a queue of them). */
const AT_ONCE = 8;

/** Flushes one staged file: its bytes reach the disk before it may be renamed over a published file. */
async function flushFile(file: StagedOutput): Promise<void> {
  const handle = await open(file.temporary, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes staged files as they come (`add`), a few at a time, without blocking the thread that
 * renders; `settled` waits for every flush and gives the first that failed as the problem it is
 * (OUTPUT_WRITE_FAILED, nothing published). Flushing a file after it is closed flushes what was
 * written to it: on Linux and macOS a file's data are flushed whatever descriptor asks.
 */
export class StagedFlusher {
  private readonly queue: StagedOutput[] = [];
  private running = 0;
  private failure: BuildError | undefined;
  /** An error that is not the system's (a bug): thrown again by `settled`. */
  private bug: unknown;
  private idle: (() => void) | undefined;

  constructor(private readonly place: StagingPlace) {}

  add(files: readonly StagedOutput[]): void {
    this.queue.push(...files);
    this.pump();
  }

  /** Every flush done: no problem, or the first failure. */
  async settled(): Promise<BuildError[]> {
    if (this.running > 0 || this.queue.length > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    if (this.bug !== undefined) throw this.bug;
    return this.failure ? [this.failure] : [];
  }

  private pump(): void {
    while (this.running < AT_ONCE && this.queue.length > 0) {
      const file = this.queue.shift()!;
      this.running++;
      flushFile(file)
        .catch((error: unknown) => {
          if (!isSystemError(error)) this.bug ??= error;
          else this.failure ??= writeFailure({ ...this.place, path: file.target, error, outcome: 'nothing-published' });
        })
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) this.idle?.();
        });
    }
  }
}

/** Flushes staged files one after another on this thread (the library's writer, which is synchronous). */
export function flushStagedNow(files: readonly StagedOutput[]): void {
  for (const file of files) {
    onOutputFile(file.target, () => {
      const descriptor = openSync(file.temporary, 'r');
      try {
        fsyncSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
    });
  }
}
