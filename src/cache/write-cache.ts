// I/O: the index and item texts of a build → .polyfeed-cache/; what cannot be written becomes a warning, never a failure.
import type { ItemTexts } from '../feeds/feed-writer.js';
import type { BuildError } from '../model/build-error.js';
import type { BuildIndex } from './build-index.js';
import { cacheUnavailable, isFileSystemError } from './cache-problem.js';
import { writeBuildIndex } from './index-store.js';
import { writeItemTexts } from './item-store.js';

export interface CacheContents {
  readonly index: BuildIndex;
  /** Item texts of the feeds just written, by language (none with `maxItems: 0`). */
  readonly items: ReadonlyMap<string, ReadonlyMap<string, ItemTexts>>;
}

/**
 * Runs after the feeds are published: a cache that cannot be written (the folder is a file, is
 * read-only or immutable, the disk is full) only makes the next build slower, so it is reported
 * as a warning (once) and the build succeeds. An index not replaced still describes older outputs,
 * whose stamps no longer match, so the next build does not skip on its word.
 */
export function writeCache(root: string, contents: CacheContents): BuildError[] {
  const attempt = (file: string, write: () => void): BuildError | undefined => {
    try {
      write();
      return undefined;
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      return cacheUnavailable(file, false, error);
    }
  };
  const failed = attempt('index.jsonl', () => writeBuildIndex(root, contents.index));
  if (failed) return [failed];
  for (const [lang, items] of contents.items) {
    const problem = attempt(`items/${lang}.json`, () => writeItemTexts(root, lang, items));
    if (problem) return [problem];
  }
  return [];
}
