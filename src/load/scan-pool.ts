// I/O: worker threads that read and validate article files alongside this thread, chunk by chunk.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanContext } from '../validate/scan-articles.js';
import type { ReadArticleFile, ScanTask } from './scan-article-files.js';

/** Below this many files to read, a worker costs more to start than it saves. */
export const PARALLEL_SCAN_MIN_FILES = 400;

/** The default number of threads: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Worker threads to start for `changed` files with `jobs` threads in all (this one included). */
export function workersFor(changed: number, jobs: number): number {
  return changed >= PARALLEL_SCAN_MIN_FILES ? Math.max(0, jobs - 1) : 0;
}

/** Worker threads started ahead of need (they load their code while this thread does other work). */
export interface ScanPool {
  /** Scans the files on this thread and on every worker; results in path order. The pool is used up. */
  scan(root: string, paths: readonly string[], context: ScanContext): Promise<ReadArticleFile[]>;
  /** Stops workers that were not needed. */
  close(): Promise<void>;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Starts `workers` worker threads (0: everything runs on this thread). */
export function startScanPool(workers: number): ScanPool {
  const threads = Array.from({ length: workers }, () => new Worker(new URL('./scan-worker.js', import.meta.url)));
  const close = async () => {
    await Promise.all(threads.map((thread) => thread.terminate()));
  };
  return {
    async scan(root, paths, context) {
      const { scanClaimedChunks } = await import('./scan-article-files.js');
      const task: ScanTask = { root, paths, context, counter: new SharedArrayBuffer(4 * (1 + threads.length)) };
      const fromWorkers = threads.map(
        (thread, index) =>
          new Promise<ReadArticleFile[]>((resolve, reject) => {
            thread.once('message', resolve);
            thread.once('error', reject);
            thread.postMessage({ task, index });
          }),
      );
      const here = scanClaimedChunks(task);
      // Every chunk is taken: a worker that has not begun to take will find none left, so it is not waited for.
      const started = new Int32Array(task.counter);
      const results = await Promise.all(threads.map((thread, index) => (Atomics.load(started, 1 + index) === 0 ? [] : fromWorkers[index]!)));
      await close();
      return here.concat(...results).sort(byPath);
    },
    close,
  };
}
