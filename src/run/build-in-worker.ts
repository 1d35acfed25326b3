// I/O: the preview server's builds (the `polyfeed build` path, runBuild), each run in a worker thread of its own, the next one started ahead.
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

/** Runs builds one after another, each in a fresh thread. */
export interface BuildThreads {
  /** Runs `runBuild` in a thread and resolves with its outcome; a bug in the build rejects with its stack. */
  build(request: ServeBuildRequest, onWait: BuildRunOptions['onWait']): Promise<RunOutcome>;
  /** Stops the thread kept ready for the next build. */
  close(): Promise<void>;
}

function startThread(): Worker {
  const thread = new Worker(new URL('./serve-build-worker.js', import.meta.url));
  // A thread kept ready must not keep the process alive on its own.
  thread.unref();
  return thread;
}

function runIn(thread: Worker, request: ServeBuildRequest, onWait: BuildRunOptions['onWait']): Promise<RunOutcome> {
  return new Promise((resolvePromise, rejectPromise) => {
    let settled = false;
    thread.ref();
    thread.on('message', (message: ServeBuildMessage) => {
      if (message.kind === 'waiting') return onWait(message.pid, message.outDir);
      settled = true;
      // Done with it: whatever the build left running in it (its own worker threads) goes with it.
      void thread.terminate();
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
    thread.postMessage(request);
  });
}

/**
 * Each build gets a fresh thread, so it loads the site's helpers module anew (Node keeps an ES
 * module loaded once for the life of a thread) and nothing of one build stays in memory for the
 * next. The thread of the next build is started as soon as one ends: it loads polyfeed's code
 * while the server waits for a change, so a rebuild does not wait for it.
 */
export function startBuildThreads(): BuildThreads {
  let ready: Worker | undefined = startThread();
  return {
    async build(request, onWait) {
      const thread = ready ?? startThread();
      ready = undefined;
      try {
        return await runIn(thread, request, onWait);
      } finally {
        // Started once the build is done: loading it alongside would slow the build on a small machine.
        ready = startThread();
      }
    },
    async close() {
      await ready?.terminate();
      ready = undefined;
    },
  };
}
