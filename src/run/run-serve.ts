// I/O: the serve command: a build (runBuild, in a thread of its own), the output folder served over HTTP, and a rebuild whenever a source changes, until stopped.
import { once } from 'node:events';
import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { readWatchedSources } from '../load/watched-source-paths.js';
import { PUBLISHED_IDS_FILE } from '../load/read-published-ids.js';
import type { PublicationWindow } from '../model/publication-window.js';
import type { FailedBuild } from '../serve/format-problems-page.js';
import { createStaticServer } from '../serve/static-server.js';
import { startBuildThreads, type ServeBuildRequest } from './build-in-worker.js';
import type { BuildRunOptions } from './built-run.js';
import { ExitCode, type RunOutcome } from './run-outcome.js';
import { usageProblem } from './start-run.js';
import { lockPathFor } from '../write/output-lock.js';
import { watchSources } from './watch-sources.js';

/** What `polyfeed serve` is run with: the build's options (its "now" asked for at each build), where to listen, and what to tell. */
export interface ServeRunOptions {
  /** The build command's options (never a dry run; id changes are never accepted on their own). */
  readonly build: Omit<ServeBuildRequest, 'window' | 'dryRun' | 'acceptIdChanges'>;
  /** The publication window of a build about to start: --now, or the clock at that moment. */
  readonly windowNow: () => PublicationWindow;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  /** How long after the last change a rebuild starts. */
  readonly debounceMs: number;
  readonly onWait: BuildRunOptions['onWait'];
  /** Each build's outcome, to print as `polyfeed build` prints it; `trigger` is undefined for the first build, else the paths changed. */
  readonly onBuilt: (outcome: RunOutcome, trigger: readonly string[] | undefined, elapsedMs: number) => void;
  /** A build that failed on a bug in polyfeed: the server goes on serving the last good output. */
  readonly onCrash: (stack: string) => void;
  /** Once, when the server listens: its URL (with the port chosen) and the folder it serves. */
  readonly onListening: (url: string, folder: string) => void;
  /** Aborted to stop: the watcher and the server are closed, and a build under way is let finish. */
  readonly stop: AbortSignal;
}

/** How long closing the watcher, the server and a build under way may take before the process ends anyway. */
const STOP_TIMEOUT_MS = 5000;

function hostInUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Runs `polyfeed serve` until `stop` is aborted; a usage problem (a missing site folder, a port taken) ends it at once. */
export async function runServe(options: ServeRunOptions): Promise<RunOutcome> {
  const { root, out } = options.build;
  const problem = usageProblem(root, out === undefined ? undefined : resolve(out));
  if (problem) return { kind: 'usage', message: problem };
  const watched = () => readWatchedSources(root);
  let folder = out === undefined ? resolve(root, watched().outDir) : resolve(out);
  let failed: FailedBuild | undefined;
  const threads = startBuildThreads();

  const build = async (trigger: readonly string[] | undefined): Promise<RunOutcome | undefined> => {
    const startedMs = Date.now();
    const { windowNow, onWait, onBuilt, onCrash } = options;
    try {
      // --no-cache is for the first build: the cache is what makes a rebuild incremental.
      const cache = trigger === undefined ? options.build.cache : true;
      const outcome = await threads.build({ ...options.build, cache, window: windowNow(), dryRun: false, acceptIdChanges: false }, onWait);
      if (outcome.kind === 'usage') failed = { problems: [], message: outcome.message };
      else {
        failed = outcome.exitCode === ExitCode.ok ? undefined : { problems: outcome.problems };
        if (outcome.output) folder = outcome.output.dir;
      }
      onBuilt(outcome, trigger, Date.now() - startedMs);
      return outcome;
    } catch (error) {
      failed = { problems: [], message: 'polyfeed failed on a bug while building; the output served is that of the last build that succeeded.' };
      onCrash(String((error as Error).stack ?? error));
      return undefined;
    }
  };

  // A build writes published-ids.tsv, a source: the watcher sees that write, which is no change to build again for.
  const stampOfIds = () => {
    const stats = statSync(join(root, PUBLISHED_IDS_FILE), { throwIfNoEntry: false });
    return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ino}` : 'none';
  };
  let idsAfterBuild = stampOfIds();
  const changedByUser = (paths: readonly string[]) => paths.filter((path) => path !== PUBLISHED_IDS_FILE || stampOfIds() !== idsAfterBuild);

  // One build at a time: changes during a build (the first one included) make one more build after it.
  let running: Promise<unknown> = Promise.resolve();
  let pending: string[] | undefined;
  let building = true;
  const rebuild = (paths: readonly string[]) => {
    pending = [...(pending ?? []), ...paths];
    if (building) return;
    building = true;
    running = (async () => {
      while (pending && !options.stop.aborted) {
        const trigger = changedByUser(pending);
        pending = undefined;
        if (trigger.length === 0) continue;
        await build(trigger);
        idsAfterBuild = stampOfIds();
        await watcher.setSources(watched().sources);
      }
      building = false;
    })();
  };
  // Watching before the first build starts: a file saved while it runs, or just after the URL is printed, is never missed.
  const watcher = watchSources({ root, sources: watched().sources, excluded: [folder, lockPathFor(folder), join(root, '.polyfeed-cache')], debounceMs: options.debounceMs, onChange: rebuild });
  await watcher.ready;
  const stopAll = async (server?: Server) => {
    await watcher.close();
    server?.close();
    server?.closeAllConnections();
    await running;
    await threads.close();
  };

  const first = await build(undefined);
  idsAfterBuild = stampOfIds();
  if (first?.kind === 'usage' || options.stop.aborted) {
    await stopAll();
    return first?.kind === 'usage' ? first : { kind: 'report', exitCode: ExitCode.ok, problems: [], ok: true };
  }

  const server = createStaticServer({ folder: () => folder, failedBuild: () => failed });
  server.listen(options.port, options.host);
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
  } catch (error) {
    await stopAll();
    return { kind: 'usage', message: `Cannot listen on ${options.host}:${options.port}: ${(error as Error).message}` };
  }
  const { port } = server.address() as AddressInfo;
  options.onListening(`http://${hostInUrl(options.host)}:${port}/`, folder);
  building = false;
  if (pending) rebuild([]);

  if (!options.stop.aborted) await once(options.stop, 'abort');
  // Closing is bounded: the process ends next, which stops whatever is left.
  await Promise.race([stopAll(server), new Promise((resolveSoon) => setTimeout(resolveSoon, STOP_TIMEOUT_MS).unref())]);
  return { kind: 'report', exitCode: ExitCode.ok, problems: [], ok: true };
}
