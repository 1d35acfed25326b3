// I/O: one build of the preview server (the `polyfeed build` path, runBuild), run in a worker thread of its own.
import { Worker } from 'node:worker_threads';
import type { BuildRunOptions } from './built-run.js';
import type { RunOutcome } from './run-outcome.js';

/** What a build in a worker is run with: the build command's options, less the callbacks (a thread is sent data only). */
export type ServeBuildRequest = Omit<BuildRunOptions, 'onWait' | 'progress'>;

/** What the worker posts: it waits for another build's lock, it is done (the outcome, its sources reduced to the files its problems name), or it failed on a bug. */
export type ServeBuildMessage =
  | { readonly kind: 'waiting'; readonly pid: number; readonly outDir: string }
  | { readonly kind: 'done'; readonly outcome: RunOutcome }
  | { readonly kind: 'crashed'; readonly stack: string };

/**
 * Runs `runBuild` in a new worker thread and resolves with its outcome. Each build gets a fresh
 * thread, so it loads the site's helpers module anew (Node keeps an ES module loaded once for the
 * life of a thread) and nothing of one build stays in memory for the next. A bug in the build
 * rejects with its stack.
 */
export function buildInWorker(request: ServeBuildRequest, onWait: BuildRunOptions['onWait']): Promise<RunOutcome> {
  return new Promise((resolvePromise, rejectPromise) => {
    const thread = new Worker(new URL('./serve-build-worker.js', import.meta.url), { workerData: request });
    let settled = false;
    thread.on('message', (message: ServeBuildMessage) => {
      if (message.kind === 'waiting') return onWait(message.pid, message.outDir);
      settled = true;
      if (message.kind === 'done') resolvePromise(message.outcome);
      else rejectPromise(new Error(`The build failed on a bug:\n${message.stack}`));
    });
    thread.on('error', (error) => {
      settled = true;
      rejectPromise(error);
    });
    thread.on('exit', (code) => {
      if (!settled) rejectPromise(new Error(`The build's thread stopped (exit code ${code}) before it was done.`));
    });
  });
}
