// Pure: how a command's run tells how far it has come (its stages, and counts a batch at a time), for --verbose and the terminal's progress display.
import type { LanguageFeeds } from '../feeds/language-feeds.js';

/**
 * The stages of a run, in order: `scan` (what changed since the last build), `read` (article
 * files read and validated), `render` (items rendered: feeds staged, or compared by diff, or the
 * newest items checked), `publish` (feeds published, published-ids.tsv written) and `cache`.
 * A run that stops early goes through the first ones only.
 */
export type RunStage = 'scan' | 'read' | 'render' | 'publish' | 'cache';

/**
 * Told by a run as it goes. Counts come a batch at a time (a chunk of files, a slice of entries,
 * a document's items), never an item at a time, so that an observer costs nothing measurable.
 */
export interface RunProgress {
  /** `stage` begins, and the one before it ends; `total` is how many things it counts, when known. */
  stage(stage: RunStage, total?: number): void;
  /** How many things the current stage counts, once that is known (after the stage began). */
  setTotal(total: number): void;
  /** `count` more things of the current stage are done. */
  advance(count: number): void;
}
/** Tells no one: a run's default. */
export const noProgress: RunProgress = { stage: () => {}, setTotal: () => {}, advance: () => {} };

/** Items of the documents to render (in one format): what the render stage counts. */
export function itemsIn(feeds: readonly LanguageFeeds[]): number {
  return feeds.reduce((items, languageFeeds) => items + languageFeeds.entries.length, 0);
}

/** Tells each of `observers` everything (the stage clock of --verbose and the progress display, say). */
export function tellingEach(observers: readonly RunProgress[]): RunProgress {
  if (observers.length === 1) return observers[0]!;
  return {
    stage: (stage, total) => observers.forEach((observer) => observer.stage(stage, total)),
    setTotal: (total) => observers.forEach((observer) => observer.setTotal(total)),
    advance: (count) => observers.forEach((observer) => observer.advance(count)),
  };
}
