// Pure; a body reads articles, as it is made, through the site's reader: a language's feeds as output files with lazy bodies.
import type { BuildError } from '../model/build-error.js';
import type { OutputFile } from '../model/output-file.js';
import type { LanguageFeeds } from './language-feeds.js';

/**
 * The files of a language's feeds, each with a lazy body. The feeds are made together, a chunk of
 * every file at a time: reading the bodies side by side holds one chunk of each; reading one to
 * its end first keeps the others' chunks until they are read. The problems met while rendering are
 * added to `problems` when the feeds end.
 */
export function feedFiles(feeds: LanguageFeeds, problems: BuildError[]): OutputFile[] {
  let parts: Generator<readonly string[], readonly BuildError[]> | undefined;
  let ended = false;
  const waiting = feeds.paths.map(() => ({ chunks: [] as string[], next: 0 }));
  /** Makes the next chunk of every file; false once the feeds have ended. */
  const makeNext = (): boolean => {
    if (ended) return false;
    parts ??= feeds.parts();
    const step = parts.next();
    if (step.done) {
      ended = true;
      problems.push(...step.value);
      return false;
    }
    step.value.forEach((chunk, index) => waiting[index]!.chunks.push(chunk));
    return true;
  };
  return feeds.paths.map((path, index) => ({
    path,
    *body() {
      const queue = waiting[index]!;
      for (;;) {
        if (queue.next < queue.chunks.length) {
          const chunk = queue.chunks[queue.next]!;
          queue.chunks[queue.next++] = '';
          if (queue.next === queue.chunks.length) {
            queue.chunks.length = 0;
            queue.next = 0;
          }
          yield chunk;
        } else if (!makeNext()) {
          return;
        }
      }
    },
  }));
}
