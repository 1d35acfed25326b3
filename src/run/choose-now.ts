// Pure: the build's "now" from what the edge gives it: --now, else SOURCE_DATE_EPOCH, else the clock.
import { explainInvalidDateTime, parseArticleDate } from '../model/iso-date-time.js';

/** What "now" may come from, read by the CLI at its edge. */
export interface NowSources {
  /** `--now` as given, if it was. */
  readonly nowOption: string | undefined;
  /** The environment's SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), if set. */
  readonly sourceDateEpoch: string | undefined;
  /** The clock, in milliseconds since the epoch. */
  readonly clockMs: number;
}

/** "Now" in milliseconds, or a sentence saying why the value given cannot be used. */
export type ChosenNow = { readonly nowMs: number; readonly from: 'option' | 'environment' | 'clock' } | { readonly problem: string };

/** The SOURCE_DATE_EPOCH specification allows digits only: seconds since the epoch, in UTC. */
const EPOCH_SECONDS = /^\d{1,15}$/;

/** Picks "now": `--now` first, then SOURCE_DATE_EPOCH (an empty one is ignored, as the specification says), then the clock. */
export function chooseNow({ nowOption, sourceDateEpoch, clockMs }: NowSources): ChosenNow {
  if (nowOption !== undefined) {
    const problem = explainInvalidDateTime(nowOption);
    if (problem) {
      return { problem: `--now ${JSON.stringify(nowOption)} is not an ISO 8601 date-time with an offset. Write it like 2030-01-02T09:30:00Z or 2030-01-02T10:30:00+01:00.` };
    }
    return { nowMs: parseArticleDate(nowOption).epochMs, from: 'option' };
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!EPOCH_SECONDS.test(sourceDateEpoch)) {
      return { problem: `SOURCE_DATE_EPOCH=${JSON.stringify(sourceDateEpoch)} is not a number of seconds since 1970-01-01T00:00:00Z (digits only, e.g. 1767225600). Unset it, or give --now.` };
    }
    return { nowMs: Number(sourceDateEpoch) * 1000, from: 'environment' };
  }
  return { nowMs: clockMs, from: 'clock' };
}
