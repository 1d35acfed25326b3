// I/O: reads and validates the article files of a task, taking chunks of it until none is left (on every thread of a scan pool).
import { ArticleTable, type ArticleColumns, type ArticleRow } from '../model/article-table.js';
import { validateArticleBytes, type ValidationContext } from '../validate/validate-article-files.js';
import { makeError } from '../model/build-error.js';
import { contentDigest } from '../model/content-digest.js';
import { claimChunks } from '../load/claim-chunks.js';
import { readFileWithStat } from '../load/read-file-with-stat.js';
import { explainUnreadableEntry } from '../load/classify-article-entry.js';

/** The files of one chunk of a task as read and validated, as columns (cheap to send between threads). */
export interface ScannedChunk {
  /** Where the chunk starts in the task's paths: chunks in this order are in path order. */
  readonly start: number;
  readonly columns: ArticleColumns;
  /** Rows (of this chunk) whose bytes are those of their known digest: not validated, their summary is to be taken from the earlier build. */
  readonly sameBytes: readonly number[];
}

/** What a scanning thread is given: the files, the context, and the shared chunk counter. */
export interface ScanTask {
  readonly root: string;
  readonly paths: readonly string[];
  /**
   * For each path, the contentDigest of the bytes an earlier build validated ('' or none when
   * there were none): a file whose bytes are the same is not validated again (see ScannedChunk).
   */
  readonly knownDigests?: readonly string[];
  readonly context: ValidationContext;
  /** See createCounter. */
  readonly counter: SharedArrayBuffer;
}

/** Files taken at a time: small enough to balance the threads, large enough to make taking cheap. */
const CHUNK_SIZE = 64;

/** A file that is there but cannot be read (no permission, an I/O error) is a problem, not a file that vanished. */
function unreadableArticle(path: string, code: string): ArticleRow {
  return {
    path,
    summary: undefined,
    problems: [makeError('FILE_UNREADABLE', { systemCode: code }, { file: path })],
    stamp: [0, 0, 0],
    digest: '',
  };
}

/**
 * Takes chunks of the task until none is left; called on every thread at once. A file that
 * vanished since it was listed is left out, as if it had been removed before the build. With
 * `onChunk`, each chunk's results are handed over as soon as they are made, not kept.
 */
export function scanClaimedChunks(task: ScanTask, workerIndex?: number, onChunk?: (chunk: ScannedChunk) => void): ScannedChunk[] {
  const results: ScannedChunk[] = [];
  // Listed paths are site-relative and normalized already: no path.join for each.
  const prefix = `${task.root}/`;
  claimChunks(task.counter, task.paths.length, CHUNK_SIZE, workerIndex, (start, end) => {
    const chunk = ArticleTable.empty();
    const sameBytes: number[] = [];
    for (let index = start; index < end; index++) {
      const path = task.paths[index]!;
      const read = readFileWithStat(prefix + path);
      if (read && 'unreadable' in read) chunk.push(unreadableArticle(path, read.unreadable));
      else if (!read) {
        // Gone since it was listed is a removal; a link whose target went away (its folder unchanged, so not listed again) is not.
        const problem = explainUnreadableEntry(prefix + path, path);
        if (problem) chunk.push({ path, summary: undefined, problems: [problem], stamp: [0, 0, 0], digest: '' });
      } else {
        const digest = contentDigest(read.bytes);
        if (digest === task.knownDigests?.[index]) {
          sameBytes.push(chunk.length);
          chunk.push({ path, summary: undefined, problems: [], stamp: read.stamp, digest });
        } else {
          const { summary, problems } = validateArticleBytes(path, read.bytes, task.context);
          chunk.push({ path, summary, problems, stamp: read.stamp, digest });
        }
      }
    }
    const scanned = { start, columns: chunk.toColumns(), sameBytes };
    if (onChunk) onChunk(scanned);
    else results.push(scanned);
  });
  return results;
}
