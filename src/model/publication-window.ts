// Pure: which article versions a build publishes at a given "now", and when the next one falls due.
import type { ArticleTable } from './article-table.js';

/**
 * What a build publishes: versions dated up to `nowMs`, drafts and scheduled versions only when a
 * preview build asks for them. "Now" is handed in from the edge (the clock, `--now` or
 * SOURCE_DATE_EPOCH); no stage reads the clock.
 */
export interface PublicationWindow {
  /** Milliseconds since the epoch. */
  readonly nowMs: number;
  /** `--drafts`: drafts are published too (a preview build). */
  readonly drafts: boolean;
  /** `--future`: scheduled versions (dated after now) are published too (a preview build). */
  readonly future: boolean;
}

/** The window of an ordinary build at `nowMs`: no drafts, nothing scheduled. */
export function publishedAt(nowMs: number): PublicationWindow {
  return { nowMs, drafts: false, future: false };
}

/** A build that publishes what readers must not see yet: its output is for previewing only. */
export function isPreview(window: PublicationWindow): boolean {
  return window.drafts || window.future;
}

/** A valid version that the window could publish, whatever its date: not a draft, or a draft in a preview with drafts. */
export function isCandidate(table: ArticleTable, row: number, window: PublicationWindow): boolean {
  return table.isArticle(row) && (window.drafts || !table.isDraft(row));
}

/** A version published by a build with this window: a candidate whose date has come (or any date, with `future`). */
export function isPublishedIn(table: ArticleTable, row: number, window: PublicationWindow): boolean {
  return isCandidate(table, row, window) && (window.future || table.dateMsAt(row) <= window.nowMs);
}

/**
 * The update date a published version carries: its `updated` once that has come, else its `date`.
 * An `updated` after now is a scheduled update: until it falls due the item is dated as first
 * published, so no date in a feed is ever later than now.
 */
export function updatedMsIn(dateMs: number, updatedMs: number, window: PublicationWindow): number {
  return window.future || updatedMs <= window.nowMs ? updatedMs : dateMs;
}

/** What is scheduled at a window's "now", and the dates between which the published set stays the same. */
export interface Schedule {
  /** Candidate versions dated after now: left out of every feed (included by a `future` window). */
  readonly scheduled: number;
  /** Published versions whose `updated` is after now (scheduled updates). */
  readonly updatesScheduled: number;
  /** The earliest `date` or `updated` after now, or null when nothing is scheduled. */
  readonly nextDueMs: number | null;
  /** The file of the version that falls due first. */
  readonly nextDueFile: string | null;
  /** The latest `date` or `updated` at or before now (0 for none): before it, fewer versions were published. */
  readonly lastDueMs: number;
}

/** What a build published: its window and the schedule at its "now" (kept in the build index, told in reports). */
export type Publication = PublicationWindow & Schedule;

/** The schedule of a table at a window's "now" (drafts count only when the window publishes them). */
export function scheduleOf(table: ArticleTable, window: PublicationWindow): Schedule {
  let scheduled = 0;
  let updatesScheduled = 0;
  let nextDueMs: number | null = null;
  let nextDueFile: string | null = null;
  let lastDueMs = 0;
  const { nowMs } = window;
  const meet = (ms: number, row: number) => {
    if (ms <= nowMs) {
      if (ms > lastDueMs) lastDueMs = ms;
    } else if (nextDueMs === null || ms < nextDueMs || (ms === nextDueMs && table.pathAt(row) < nextDueFile!)) {
      nextDueMs = ms;
      nextDueFile = table.pathAt(row);
    }
  };
  for (let row = 0; row < table.length; row++) {
    if (!isCandidate(table, row, window)) continue;
    const dateMs = table.dateMsAt(row);
    const updatedMs = table.updatedMsAt(row);
    meet(dateMs, row);
    if (dateMs > nowMs) scheduled++;
    else if (updatedMs > nowMs) updatesScheduled++;
    if (updatedMs !== dateMs) meet(updatedMs, row);
  }
  return { scheduled, updatesScheduled, nextDueMs, nextDueFile, lastDueMs };
}

/**
 * Whether a build at `nowMs` publishes what the build whose schedule this is published: nothing
 * fell due since (or came back into the future, for a "now" set back).
 */
export function isSamePublication(schedule: Pick<Schedule, 'nextDueMs' | 'lastDueMs'>, nowMs: number): boolean {
  return nowMs >= schedule.lastDueMs && (schedule.nextDueMs === null || nowMs < schedule.nextDueMs);
}
