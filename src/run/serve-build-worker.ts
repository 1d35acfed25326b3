// I/O (a worker thread's entry): waits for the preview server's request, runs one `runBuild` in this fresh thread, and posts its outcome back with the files its problems name.
import { parentPort } from 'node:worker_threads';
import { namedSourceFiles } from '../load/named-source-files.js';
import { runBuild } from './run-build.js';
import type { BuildRunOptions } from './built-run.js';
import type { RunOutcome } from './run-outcome.js';
import type { ServeBuildMessage, ServeBuildRequest } from './build-in-worker.js';

/** A problem's cause may hold anything (functions, streams); its text is what a report shows. */
function postable(outcome: RunOutcome): RunOutcome {
  if (outcome.kind === 'usage') return outcome;
  const problems = outcome.problems.map((problem) => (problem.cause === undefined ? problem : { ...problem, cause: String((problem.cause as Error)?.stack ?? problem.cause) }));
  return { ...outcome, problems, sources: namedSourceFiles(problems, outcome.sources && 'namedFiles' in outcome.sources ? undefined : outcome.sources) };
}

const post = (message: ServeBuildMessage) => parentPort!.postMessage(message);

// The thread is started ahead of the build it runs (its code loaded while the server waits for a change); one request, one build, then the server ends the thread.
parentPort!.once('message', async (request: ServeBuildRequest) => {
  const options: BuildRunOptions = { ...request, onWait: (pid, outDir) => post({ kind: 'waiting', pid, outDir }) };
  try {
    post({ kind: 'done', outcome: postable(await runBuild(options)) });
  } catch (error) {
    post({ kind: 'crashed', stack: String((error as Error)?.stack ?? error) });
  }
});
