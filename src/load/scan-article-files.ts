// I/O: reads and validates the article files of a task, taking chunks of it until none is left (on every thread of a scan pool).
import { join } from 'node:path';
import { scanArticle, type ScanContext, type ScannedArticle } from '../validate/scan-articles.js';
import { readFileWithStat, type FileStamp } from './read-file-with-stat.js';

/** An article file as read and validated, with the stamp it had when read. */
export interface ReadArticleFile extends ScannedArticle {
  readonly stamp: FileStamp;
}

/** What a scanning thread is given: the files, the context, and the shared chunk counter. */
export interface ScanTask {
  readonly root: string;
  readonly paths: readonly string[];
  readonly context: ScanContext;
  /**
   * Int32s: [0] the next chunk to take (every thread takes chunks until none is left), then one
   * per worker, set before its first take, so a worker that never started can be let go.
   */
  readonly counter: SharedArrayBuffer;
}

/** Files taken at a time: small enough to balance the threads, large enough to make taking cheap. */
const CHUNK_SIZE = 64;

/**
 * Takes chunks of the task until none is left; called on every thread at once. A file that
 * vanished since it was listed is left out, as if it had been removed before the build.
 */
export function scanClaimedChunks(task: ScanTask, workerIndex?: number): ReadArticleFile[] {
  const counter = new Int32Array(task.counter);
  if (workerIndex !== undefined) Atomics.store(counter, 1 + workerIndex, 1);
  const results: ReadArticleFile[] = [];
  for (;;) {
    const start = Atomics.add(counter, 0, 1) * CHUNK_SIZE;
    if (start >= task.paths.length) return results;
    const end = Math.min(start + CHUNK_SIZE, task.paths.length);
    for (let index = start; index < end; index++) {
      const path = task.paths[index]!;
      const read = readFileWithStat(join(task.root, path));
      if (read) results.push({ ...scanArticle(path, read.bytes, task.context), stamp: read.stamp });
    }
  }
}
