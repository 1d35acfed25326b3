// I/O: reads and validates the article files of a task, taking chunks of it until none is left (on every thread of a scan pool).
import { join } from 'node:path';
import { scanArticle, type ScanContext, type ScannedArticle } from '../validate/scan-articles.js';
import { makeError } from '../errors/error-catalogue.js';
import { claimChunks } from './claim-chunks.js';
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
  /** See createCounter. */
  readonly counter: SharedArrayBuffer;
}

/** Files taken at a time: small enough to balance the threads, large enough to make taking cheap. */
const CHUNK_SIZE = 64;

/** A file that is there but cannot be read (no permission, an I/O error) is a problem, not a file that vanished. */
function unreadableArticle(path: string, code: string): ReadArticleFile {
  return {
    path,
    summary: undefined,
    problems: [makeError('FILE_UNREADABLE', `The file cannot be read (${code}).`, { file: path })],
    stamp: [0, 0, 0],
  };
}

/**
 * Takes chunks of the task until none is left; called on every thread at once. A file that
 * vanished since it was listed is left out, as if it had been removed before the build. With
 * `onChunk`, each chunk's results are handed over as soon as they are made, not kept.
 */
export function scanClaimedChunks(task: ScanTask, workerIndex?: number, onChunk?: (results: ReadArticleFile[]) => void): ReadArticleFile[] {
  const results: ReadArticleFile[] = [];
  claimChunks(task.counter, task.paths.length, CHUNK_SIZE, workerIndex, (start, end) => {
    const chunk: ReadArticleFile[] = [];
    for (let index = start; index < end; index++) {
      const path = task.paths[index]!;
      const read = readFileWithStat(join(task.root, path));
      if (read && 'unreadable' in read) chunk.push(unreadableArticle(path, read.unreadable));
      else if (read) {
        // Spelled out, not spread: a spread result here gets a hidden class of its own, ~150 bytes more per file.
        const { summary, problems } = scanArticle(path, read.bytes, task.context);
        chunk.push({ path, summary, problems, stamp: read.stamp });
      }
    }
    if (onChunk) onChunk(chunk);
    else results.push(...chunk);
  });
  return results;
}
