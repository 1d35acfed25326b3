// Pure: what a build published at its "now" → summary lines for a person and the `schedule` of the JSON report.
import { isPreview, type Publication } from '../model/publication-window.js';

/** The `schedule` field of the JSON report (version 1; fields are only ever added). */
export interface JsonSchedule {
  /** The build's "now" (the clock, `--now` or SOURCE_DATE_EPOCH), ISO 8601 in UTC. */
  readonly now: string;
  /** Versions dated after now: left out of every feed (in them with `--future`). */
  readonly scheduled: number;
  /** Published versions whose `updated` is after now: dated as first published until it comes. */
  readonly updatesScheduled: number;
  /** When the next version or update falls due (ISO 8601, UTC): run the build again then. Null when nothing is scheduled. */
  readonly nextPublishAt: string | null;
  /** The article file that falls due first. */
  readonly nextPublishFile: string | null;
  /** A preview build: drafts and/or scheduled versions are in the feeds. */
  readonly preview: { readonly drafts: boolean; readonly future: boolean };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

const versions = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export function jsonSchedule(publication: Publication): JsonSchedule {
  return {
    now: iso(publication.nowMs),
    scheduled: publication.scheduled,
    updatesScheduled: publication.updatesScheduled,
    nextPublishAt: publication.nextDueMs === null ? null : iso(publication.nextDueMs),
    nextPublishFile: publication.nextDueFile,
    preview: { drafts: publication.drafts, future: publication.future },
  };
}

/** Lines for a person: a preview build says so first; then what waits for its date, and when to build again. */
export function publicationLines(publication: Publication): string[] {
  const lines: string[] = [];
  if (isPreview(publication)) {
    const included = [publication.drafts ? 'drafts (--drafts)' : '', publication.future ? 'scheduled articles (--future)' : ''].filter(Boolean).join(' and ');
    lines.push(`Preview build: these feeds include ${included}. Do not publish them.`);
  }
  const waiting = [
    publication.scheduled > 0 ? versions(publication.scheduled, 'article version', 'article versions') : '',
    publication.updatesScheduled > 0 ? versions(publication.updatesScheduled, 'update', 'updates') : '',
  ].filter(Boolean);
  if (waiting.length === 0 || publication.nextDueMs === null) return lines;
  const next = `${iso(publication.nextDueMs)} (${publication.nextDueFile})`;
  lines.push(
    publication.future
      ? `Scheduled: ${waiting.join(' and ')} dated after ${iso(publication.nowMs)}, included by --future; the first is dated ${next}.`
      : `Scheduled: ${waiting.join(' and ')} dated after ${iso(publication.nowMs)} ${waiting.length === 1 && publication.scheduled + publication.updatesScheduled === 1 ? 'waits' : 'wait'} for ${publication.scheduled + publication.updatesScheduled === 1 ? 'its' : 'their'} date. Next publish time: ${next}; build again then.`,
  );
  return lines;
}
