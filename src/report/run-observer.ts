// I/O: what watches a command's run for the CLI: the stage clock of --verbose and, on a terminal, the progress display on stderr.
import { noProgress, tellingEach, type RunProgress } from '../run/run-progress.js';
import { progressWanted } from './progress-wanted.js';
import { formatStageTimes, stageClock } from './stage-times.js';

export interface RunObserverOptions {
  /** --verbose: the time of each stage is told when the run ends. */
  readonly verbose: boolean;
  /** --quiet: nothing but the problems that fail the run, so no progress display. */
  readonly quiet: boolean;
  /** stderr, where the progress is drawn and the stage times written. */
  readonly stream: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** How long a run goes before its progress is drawn (PROGRESS_DELAY_MS by default). */
  readonly delayMs?: number | undefined;
}

export interface RunObserver {
  /** Handed to the run. */
  readonly progress: RunProgress;
  /** Clears the progress display: call it when the run returns (or throws), before anything else is printed. */
  stop(): void;
  /** With --verbose, writes the time of each stage to stderr (stdout stays the report's). */
  printStageTimes(): void;
}

/**
 * Nothing at all when neither is wanted: the run then tells `noProgress`. The display's module
 * (and cli-progress) is loaded only when it is drawn.
 */
export async function observeRun({ verbose, quiet, stream, env, delayMs }: RunObserverOptions): Promise<RunObserver> {
  const now = () => performance.now();
  const clock = verbose ? stageClock(now) : undefined;
  const display = progressWanted({ stderrIsTty: stream.isTTY === true, env, quiet })
    ? (await import('./progress-display.js')).startProgressDisplay({ stream, now, ...(delayMs === undefined ? {} : { delayMs }) })
    : undefined;
  const observers = [clock, display].filter((observer) => observer !== undefined);
  return {
    progress: observers.length === 0 ? noProgress : tellingEach(observers),
    stop: () => display?.stop(),
    printStageTimes() {
      if (clock) for (const line of formatStageTimes(clock.finish())) stream.write(`${line}\n`);
    },
  };
}
