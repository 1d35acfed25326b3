// I/O: worker threads that read and validate articles, then render feeds, alongside this thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ValidationContext } from '../validate/validate-article-files.js';
import type { LanguageFeeds } from '../feeds/language-feeds.js';
import type { BuildError } from '../model/build-error.js';
import type { FeedJobContext, FeedJobStart } from './stage-feed-jobs.js';
import type { StagingResult } from '../write/staging-files.js';
import type { PublishedEntry } from '../translate/published-entry.js';
import { createCounter, workerStarted } from '../load/claim-chunks.js';
import type { ScannedChunk, ScanTask } from './scan-article-files.js';
import { ArticleTable } from '../model/article-table.js';
import { concatTables } from '../model/concat-tables.js';
import { noProgress, type RunProgress } from './run-progress.js';

/** Below this many files to read, a worker costs more to start than it saves. */
export const PARALLEL_SCAN_MIN_FILES = 400;

/**
 * A worker's heap is capped, so that memory is bounded by what is being written, not by the
 * archive: V8 otherwise grows the heap long before it collects, whatever is really live.
 */
const WORKER_HEAP_MB = 96;

/**
 * A worker's young generation (V8's default here is 48 MB): 16 MB keeps the every-item build of
 * 10,000 articles at about 325 MB peak RSS instead of 373 MB, with no loss of speed measured.
 */
const WORKER_YOUNG_MB = 16;

/** The default number of threads: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Worker threads to start for `changed` files with `jobs` threads in all (this one included). */
export function workersFor(changed: number, jobs: number): number {
  return changed >= PARALLEL_SCAN_MIN_FILES ? Math.max(0, jobs - 1) : 0;
}

/** A message to a pool worker, and what it answers (with the same id). */
export type PoolRequest =
  | { readonly id: number; readonly kind: 'scan'; readonly task: ScanTask; readonly index: number }
  | { readonly id: number; readonly kind: 'feed-begin'; readonly key: number; readonly context: FeedJobContext; readonly start: FeedJobStart }
  | { readonly id: number; readonly kind: 'feed-items'; readonly key: number; readonly entries: readonly PublishedEntry[] }
  | { readonly id: number; readonly kind: 'feed-end'; readonly key: number };

/** Entries sent to a worker at a time: it holds one slice of a language's feeds, not all of its entries. */
const FEED_SLICE = 1000;

export interface ScanResult {
  readonly table: ArticleTable;
  /** Rows of the table whose bytes are those of their known digest (not validated: no summary, no problems). */
  readonly sameBytes: readonly number[];
}

/** Worker threads started ahead of need (they load their code while this thread does other work). */
export interface WorkerPool {
  readonly workers: number;
  /**
   * Reads and validates the files (in path order) on this thread and on every worker; the table
   * is in path order. A file whose bytes have their known digest is read, not validated.
   */
  scan(root: string, paths: readonly string[], context: ValidationContext, knownDigests?: readonly string[]): Promise<ScanResult>;
  /**
   * Renders and stages the streams' feeds, a language at a time: on the workers (whose heap is
   * capped) when `inWorkers` is true and there are any, else on this thread. Results in the order of `streams`.
   */
  /** `onStaged` is told each language's staged files as soon as they are (to flush them while the others render). */
  stageFeeds(context: FeedJobContext, feeds: readonly LanguageFeeds[], inWorkers: boolean, onStaged?: (result: StagingResult) => void): Promise<StagingResult[]>;
  close(): void;
}

const byStart = (a: ScannedChunk, b: ScannedChunk) => a.start - b.start;

/**
 * A chunk from a worker names its files with copies of the paths; the task's own strings (held
 * anyway, by the listing) take their place, so that each path is held once.
 */
function tableOf(paths: readonly string[], chunk: ScannedChunk): ArticleTable {
  const column = chunk.columns.path;
  let at = chunk.start;
  for (let row = 0; row < column.length; row++) {
    while (at < paths.length && paths[at] !== column[row]) at++;
    if (at < paths.length) column[row] = paths[at]!;
  }
  return ArticleTable.fromColumns(chunk.columns);
}

/** Files in the chunks a scan made, told to `progress`. */
function filesIn(chunks: readonly ScannedChunk[]): number {
  return chunks.reduce((files, chunk) => files + chunk.columns.path.length, 0);
}

/**
 * Starts `workers` worker threads (0: everything runs on this thread). `progress` is told the
 * files scanned a chunk at a time, and the items rendered a slice (or, here, a document) at a time.
 */
export function startWorkerPool(workers: number, progress: RunProgress = noProgress): WorkerPool {
  type Pending = { resolve: (value: never) => void; reject: (error: unknown) => void; partials: unknown[][]; onPartial?: ((partial: unknown[]) => void) | undefined };
  const pending = new Map<number, Pending>();
  const threads = Array.from({ length: workers }, () => {
    const thread = new Worker(new URL('./pool-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    thread.on('message', ({ id, result, partial }: { id: number; result?: never; partial?: unknown[] }) => {
      const request = pending.get(id);
      if (!request) return; // the answer of a worker that was not waited for
      if (partial) {
        request.partials.push(partial);
        request.onPartial?.(partial);
        return;
      }
      request.resolve((request.partials.length > 0 ? [...request.partials.flat(), ...(result as unknown as unknown[])] : result) as never);
      pending.delete(id);
    });
    thread.on('error', (error) => {
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    });
    return thread;
  });
  let nextId = 0;
  const request = <T>(thread: Worker, message: (id: number) => PoolRequest, onPartial?: (partial: unknown[]) => void): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: never) => void, reject, partials: [], onPartial });
      thread.postMessage(message(id));
    });
  };
  /** Sends a request to every worker and takes chunks here too; a worker that never began taking is not waited for. */
  const onEveryWorker = async <T>(
    counter: SharedArrayBuffer,
    message: (index: number, id: number) => PoolRequest,
    runHere: () => T[],
    onPartial?: (partial: unknown[]) => void,
  ): Promise<T[]> => {
    const answers = threads.map((thread, index) => request<T[]>(thread, (id) => message(index, id), onPartial));
    const here = runHere();
    const fromWorkers = await Promise.all(answers.map((answer, index) => (workerStarted(counter, index) ? answer : [])));
    return here.concat(...fromWorkers);
  };
  return {
    workers,
    async scan(root, paths, context, knownDigests) {
      const { scanClaimedChunks } = await import('./scan-article-files.js');
      const task: ScanTask = { root, paths, context, knownDigests, counter: createCounter(threads.length) };
      const scanHere = (): ScannedChunk[] => {
        const here: ScannedChunk[] = [];
        scanClaimedChunks(task, undefined, (chunk) => {
          here.push(chunk);
          progress.advance(chunk.columns.path.length);
        });
        return here;
      };
      const chunks = await onEveryWorker<ScannedChunk>(task.counter, (index, id) => ({ id, kind: 'scan', task, index }), scanHere, (partial) =>
        progress.advance(filesIn(partial as ScannedChunk[])),
      );
      // Chunks are ranges of the paths: in the order of their starts, their rows are in path order.
      chunks.sort(byStart);
      const sameBytes: number[] = [];
      let offset = 0;
      for (const chunk of chunks) {
        for (const row of chunk.sameBytes) sameBytes.push(offset + row);
        offset += chunk.columns.path.length;
      }
      return { table: concatTables(chunks.map((chunk) => tableOf(paths, chunk))), sameBytes };
    },
    async stageFeeds(context, feeds, inWorkers, onStaged = () => {}) {
      const [{ discardStaged, stageFiles }, { feedFiles }] = await Promise.all([import('../write/staging-files.js'), import('../feeds/feed-files.js')]);
      const results: StagingResult[] = [];
      try {
        // A language's feeds of a few items take less time to render than a worker takes to load the renderer.
        if (!inWorkers || threads.length === 0) {
          for (const languageFeeds of feeds) {
            const renderErrors: BuildError[] = [];
            const staged = stageFiles(context, feedFiles(languageFeeds, renderErrors));
            const result = { staged: staged.staged, errors: [...staged.errors, ...renderErrors] };
            results.push(result);
            onStaged(result);
            progress.advance(languageFeeds.entries.length);
            // A write that failed (a full disk, say) fails the others too: they are not tried.
            if (result.errors.some((error) => error.code === 'OUTPUT_WRITE_FAILED')) break;
          }
          return results;
        }
        const { toJobEntries } = await import('./stage-feed-jobs.js');
        // A language at a time on each worker, its entries a slice at a time: a worker holds one slice.
        let next = 0;
        await Promise.all(
          threads.map(async (thread) => {
            while (next < feeds.length) {
              const key = next++;
              const { lang, document, entries, newestUpdateMs } = feeds[key]!;
              await request(thread, (id) => ({ id, kind: 'feed-begin', key, context, start: { lang, document, newestUpdateMs } }));
              for (let from = 0; from < entries.length; from += FEED_SLICE) {
                await request(thread, (id) => ({ id, kind: 'feed-items', key, entries: toJobEntries(entries.slice(from, from + FEED_SLICE)) }));
                progress.advance(Math.min(FEED_SLICE, entries.length - from));
              }
              results[key] = await request<StagingResult>(thread, (id) => ({ id, kind: 'feed-end', key }));
              onStaged(results[key]);
            }
          }),
        );
        return results;
      } catch (error) {
        // A feed that failed (a bug, or a worker out of memory) leaves nothing of the others staged.
        discardStaged(results.flatMap((job) => job?.staged ?? []));
        throw error;
      }
    },
    close() {
      for (const thread of threads) void thread.terminate();
    },
  };
}
