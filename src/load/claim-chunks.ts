// Pure (shared memory aside): the threads of a pool take chunks of one list of work until none is left.

/**
 * The counter's Int32s: [0] the next chunk to take, then one per worker, set before its first
 * take. Once this thread has taken the last chunk, a worker whose flag is still unset will find
 * none left, so it need not be waited for.
 */
export function createCounter(workers: number): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (1 + workers));
}

/** Calls `work(start, end)` for each chunk this thread takes; `workerIndex` is undefined on the main thread. */
export function claimChunks(counter: SharedArrayBuffer, total: number, chunkSize: number, workerIndex: number | undefined, work: (start: number, end: number) => void): void {
  const slots = new Int32Array(counter);
  if (workerIndex !== undefined) Atomics.store(slots, 1 + workerIndex, 1);
  for (;;) {
    const start = Atomics.add(slots, 0, 1) * chunkSize;
    if (start >= total) return;
    work(start, Math.min(start + chunkSize, total));
  }
}

/** Whether worker `workerIndex` began taking chunks (read after this thread has taken its last). */
export function workerStarted(counter: SharedArrayBuffer, workerIndex: number): boolean {
  return Atomics.load(new Int32Array(counter), 1 + workerIndex) === 1;
}
