// I/O: the progress display on a terminal: one line on stderr (drawn by cli-progress), begun once a run has taken about a second, cleared when it ends.
import cliProgress from 'cli-progress';
import type { RunProgress, RunStage } from '../run/run-progress.js';
import { stageLabels } from './stage-times.js';

/** A run shorter than this shows nothing: a line drawn and cleared at once only flickers. */
export const PROGRESS_DELAY_MS = 1000;

export interface ProgressDisplayOptions {
  /** stderr: never stdout, which holds the report and summary a script may read. */
  readonly stream: NodeJS.WritableStream;
  /** How long the run goes before the line is drawn. */
  readonly delayMs?: number;
  /** The clock, in milliseconds. */
  readonly now?: () => number;
}

/** What the line shows besides the bar. */
interface Shown {
  stage: RunStage;
  total: number | undefined;
  value: number;
}

/** A run's progress told on a terminal; `stop` clears the line (call it before printing anything else). */
export interface ProgressDisplay extends RunProgress {
  stop(): void;
}

function lineOf(shown: Shown, bar: string, elapsedMs: number): string {
  const { label, counts } = stageLabels[shown.stage];
  const unit = counts.split(' ').slice(0, -1).join(' ');
  const counted = shown.total === undefined ? (shown.value > 0 ? `${shown.value} ${unit}` : '') : `${shown.value}/${shown.total} ${unit}`;
  const seconds = `${(elapsedMs / 1000).toFixed(1)} s`;
  return ['polyfeed', label, shown.total === undefined ? '' : bar, counted, seconds].filter((part) => part !== '').join('  ');
}

/**
 * Starts the display: nothing is drawn until the run has gone on for `delayMs`. Counts can come
 * while this thread is busy (the timer then waits): cli-progress redraws within `update` when its
 * frame is overdue, so the line moves even then.
 */
export function startProgressDisplay({ stream, delayMs = PROGRESS_DELAY_MS, now = () => performance.now() }: ProgressDisplayOptions): ProgressDisplay {
  const startedMs = now();
  const shown: Shown = { stage: 'scan', total: undefined, value: 0 };
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  const open = (): void => {
    if (bar || stopped) return;
    bar = new cliProgress.SingleBar({
      stream,
      fps: 10,
      barsize: 20,
      clearOnComplete: true,
      linewrap: false,
      format: (options, params) => lineOf(shown, cliProgress.Format.BarFormat(params.progress, options), now() - startedMs),
    });
    bar.start(shown.total ?? 1, shown.value);
  };
  /** Counts are drawn at cli-progress's frame rate; a new stage (`atOnce`) is drawn when it begins. */
  const redraw = (atOnce = false): void => {
    if (!bar && now() - startedMs >= delayMs) open();
    if (!bar) return;
    bar.setTotal(shown.total ?? 1);
    bar.update(shown.total === undefined ? 0 : Math.min(shown.value, shown.total));
    if (atOnce) bar.render();
  };
  const timer = setTimeout(open, delayMs);
  timer.unref();
  return {
    stage(stage, total) {
      Object.assign(shown, { stage, total, value: 0 });
      redraw(true);
    },
    setTotal(total) {
      shown.total = total;
      redraw(true);
    },
    advance(count) {
      shown.value += count;
      redraw();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      bar?.stop();
      bar = undefined;
    },
  };
}
