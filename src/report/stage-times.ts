// Pure (the clock is handed in): the time each stage of a run took, as the run tells it, and the lines --verbose prints.
import type { RunProgress, RunStage } from '../run/run-progress.js';

/** One stage of a run as it went: how long it took and what it counted. */
export interface StageTime {
  readonly stage: RunStage;
  readonly ms: number;
  /** Things done in it (article files read, items rendered); 0 when it counts nothing. */
  readonly count: number;
}

/** What each stage is called in --verbose and on the progress display, and what it counts. */
export const stageLabels: Readonly<Record<RunStage, { readonly label: string; readonly counts: string }>> = {
  scan: { label: 'scan', counts: '' },
  read: { label: 'read/validate', counts: 'article files read' },
  render: { label: 'render', counts: 'items rendered' },
  publish: { label: 'write/publish', counts: '' },
  cache: { label: 'cache', counts: '' },
};

/** Records when each stage began (`now` in milliseconds); `finish` ends the last one and gives them all, in order. */
export function stageClock(now: () => number): RunProgress & { finish(): StageTime[] } {
  const times: { stage: RunStage; startMs: number; endMs: number; count: number }[] = [];
  const end = (): void => {
    const last = times.at(-1);
    if (last && last.endMs < 0) last.endMs = now();
  };
  return {
    stage(stage) {
      end();
      times.push({ stage, startMs: now(), endMs: -1, count: 0 });
    },
    setTotal() {},
    advance(count) {
      const last = times.at(-1);
      if (last) last.count += count;
    },
    finish() {
      end();
      return times.map(({ stage, startMs, endMs, count }) => ({ stage, ms: endMs - startMs, count }));
    },
  };
}

/** Milliseconds, whole, with thousands apart for reading. */
function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** The lines --verbose adds: one a stage, its time and what it counted, then the total of them. */
export function formatStageTimes(times: readonly StageTime[]): string[] {
  if (times.length === 0) return [];
  const rows = times.map(({ stage, ms, count }) => {
    const { label, counts } = stageLabels[stage];
    return { label, time: formatMs(ms), counted: counts && count > 0 ? `${count.toLocaleString('en-US')} ${counts}` : '' };
  });
  rows.push({ label: 'total', time: formatMs(times.reduce((sum, time) => sum + time.ms, 0)), counted: '' });
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const timeWidth = Math.max(...rows.map((row) => row.time.length));
  return ['Stage times:', ...rows.map(({ label, time, counted }) => `  ${label.padEnd(labelWidth)}  ${time.padStart(timeWidth)}${counted ? `  ${counted}` : ''}`)];
}
