// I/O: the size and mtime of many paths at once, on this thread and worker threads, into shared memory.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { claimChunks, createCounter, workerStarted } from './claim-chunks.js';

/** Paths stat-ed on each take: small enough to balance the threads, large enough to make taking cheap. */
const CHUNK_SIZE = 512;

/** Below this many paths a worker costs more to start than it saves. */
export const PARALLEL_STAT_MIN_PATHS = 8000;

/** An index file this large lists about PARALLEL_STAT_MIN_PATHS paths: worth starting workers for. */
export const PARALLEL_STAT_MIN_INDEX_BYTES = 1 << 20;

/** In the results, a size of MISSING means no such path; FOLDER means a folder. */
export const MISSING = -1;
export const FOLDER = -2;

/** Numbers in the results for each path: size (or MISSING or FOLDER), mtimeMs, inode. */
export const STAT_FIELDS = 3;

export interface StatTask {
  readonly root: string;
  /** The paths joined with "\n": one string is copied to a worker far faster than an array of them. */
  readonly pathsText: string;
  /** See createCounter. */
  readonly counter: SharedArrayBuffer;
  /** Float64s: size (or MISSING or FOLDER), mtimeMs and inode of each path, in the order of `paths`. */
  readonly results: SharedArrayBuffer;
}

export function statClaimedChunks(task: StatTask, paths: readonly string[], workerIndex?: number): void {
  const results = new Float64Array(task.results);
  // The paths are site-relative and normalized already: path.join would cost a fifth of the stat.
  const prefix = `${task.root}/`;
  claimChunks(task.counter, paths.length, CHUNK_SIZE, workerIndex, (start, end) => {
    for (let index = start; index < end; index++) {
      const stats = statSync(prefix + paths[index]!, { throwIfNoEntry: false });
      results[STAT_FIELDS * index] = stats === undefined ? MISSING : stats.isDirectory() ? FOLDER : stats.isFile() ? stats.size : MISSING;
      results[STAT_FIELDS * index + 1] = stats?.mtimeMs ?? 0;
      results[STAT_FIELDS * index + 2] = stats?.ino ?? 0;
    }
  });
}

/** Worker threads started ahead of need: they start up while this thread reads the index. */
export interface StatPool {
  /** `[size or MISSING or FOLDER, mtimeMs]` for each path, two numbers a path. The pool is used up. */
  stat(root: string, paths: readonly string[]): Promise<Float64Array>;
  close(): void;
}

export function startStatPool(workers: number): StatPool {
  const threads = Array.from({ length: workers }, () => new Worker(new URL('./stat-worker.js', import.meta.url)));
  const close = () => {
    for (const thread of threads) void thread.terminate();
  };
  return {
    async stat(root, paths) {
      const helpers = paths.length >= PARALLEL_STAT_MIN_PATHS ? threads : [];
      const task: StatTask = { root, pathsText: helpers.length > 0 ? paths.join('\n') : '', counter: createCounter(helpers.length), results: new SharedArrayBuffer(8 * STAT_FIELDS * paths.length) };
      const done = helpers.map(
        (thread, index) =>
          new Promise<void>((resolve, reject) => {
            thread.once('message', () => resolve()).once('error', reject);
            thread.postMessage({ task, index });
          }),
      );
      statClaimedChunks(task, paths);
      await Promise.all(done.map((finished, index) => (workerStarted(task.counter, index) ? finished : undefined)));
      close();
      return new Float64Array(task.results);
    },
    close,
  };
}
