// Pure: checks and parses an ISO 8601 date-time with an explicit offset.
import type { MessageParams } from './error-catalogue.js';

/** A point in time as the author wrote it: the instant plus the offset it was written in. */
export interface ArticleDate {
  /** The text as written, e.g. `2019-02-28T16:30:00+07:00`. */
  readonly text: string;
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** The written offset from UTC, in minutes (`+07:00` → 420). */
  readonly offsetMinutes: number;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Why a date-time was refused (an INVALID_DATE, see the catalogue); undefined when it is fine. */
export function explainInvalidDateTime(text: string): MessageParams<'INVALID_DATE'> | undefined {
  // The well-formed case first: it is nearly every date of an archive.
  const match = ISO_DATE_TIME.exec(text);
  if (!match) {
    if (DATE_ONLY.test(text)) return { kind: 'date-only', text };
    if (WITHOUT_OFFSET.test(text)) return { kind: 'no-offset', text };
    return { kind: 'not-iso', text };
  }
  const [, year, month, day, hour, minute, second, , offset] = match;
  const y = Number(year), mo = Number(month), d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth) return { kind: 'no-such-date', text, yearMonth: `${year}-${month}`, days: mo >= 1 && mo <= 12 ? daysInMonth : undefined };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return { kind: 'no-such-time', text };
  if (offset !== 'Z' && (Number(offset!.slice(1, 3)) > 23 || Number(offset!.slice(4, 6)) > 59)) return { kind: 'no-such-offset', text };
  return undefined;
}

/** Parses text that explainInvalidDateTime accepted. */
export function parseArticleDate(text: string): ArticleDate {
  const match = ISO_DATE_TIME.exec(text)!;
  const offset = match[8]!;
  const offsetMinutes =
    offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return { text, epochMs: Date.parse(text), offsetMinutes };
}
