// I/O: `polyfeed ping`: the feed URLs builds changed since the last ping → WebSub publish notifications to the config's hub; those it took are no longer pending.
import { makeError, type BuildError } from '../model/build-error.js';
import { withoutSent, type PendingPings } from '../cache/pending-pings.js';
import { readPendingPings } from '../cache/pings-store.js';
import { CONFIG_FILE_NAME } from '../load/read-sources.js';
import { notifyHub, publishForm, type NotifyLimits } from './notify-hub.js';
import { updatePendingPings } from './pending-pings-lock.js';
import { readConfigOnly } from './read-config-only.js';
import { exitCodeFor, ExitCode, type PingReport, type RunOutcome } from './run-outcome.js';
import { usageProblem } from './start-run.js';

export interface PingOptions {
  /** The site folder, absolute. */
  readonly root: string;
  /** A hub that did not take a notification fails the run (exit code 1) instead of warning. */
  readonly strict: boolean;
  /** Say what would be sent; send nothing, clear nothing. */
  readonly dryRun: boolean;
  readonly limits: NotifyLimits;
  /** Sent as User-Agent: `polyfeed/<version>`. */
  readonly userAgent: string;
}

const NO_HUB = `No WebSub hub is configured in ${CONFIG_FILE_NAME}, so there is no one to ping.
hint: add "hub: https://…" (the address of your hub) to ${CONFIG_FILE_NAME} and build: every current feed then announces it, and "polyfeed ping" tells it which feeds changed.`;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Runs `polyfeed ping`. */
export async function runPing(options: PingOptions): Promise<RunOutcome> {
  const { root } = options;
  const problem = usageProblem(root, undefined);
  if (problem) return { kind: 'usage', message: problem };
  const read = readConfigOnly(root);
  if ('outcome' in read) return read.outcome;
  const { hub } = read.config;
  if (hub === undefined) return { kind: 'usage', message: NO_HUB };
  const { pending, problem: cacheProblem } = readPendingPings(root);
  const problems: BuildError[] = cacheProblem ? [cacheProblem] : [];
  const urls = Object.keys(pending);
  const report = (ping: PingReport, summary: string[]): RunOutcome => {
    const exitCode = exitCodeFor(problems, false, options.strict);
    return { kind: 'report', exitCode, problems, ok: exitCode === ExitCode.ok, ping, summary };
  };
  if (urls.length === 0) {
    return report({ hub, dryRun: options.dryRun, urls, sent: [], failed: [] }, [`Nothing to ping: no feed has changed since the last ping (${hub} was not contacted).`]);
  }
  if (options.dryRun) {
    const lines = urls.map((url) => `  would ping  ${url}`);
    return report({ hub, dryRun: true, urls, sent: [], failed: [] }, [
      `Dry run: would notify ${hub} of ${plural(urls.length, 'changed feed', 'changed feeds')}, one POST each (application/x-www-form-urlencoded), e.g. ${publishForm(urls[0]!)}`,
      ...lines,
      'Nothing was sent; the feeds stay pending.',
    ]);
  }
  const notices = await notifyHub({ hub, urls, limits: options.limits, userAgent: options.userAgent });
  const taken: Record<string, string> = {};
  for (const notice of notices) if (notice.ok) taken[notice.url] = pending[notice.url]!;
  if (Object.keys(taken).length > 0) problems.push(...clearSent(root, taken));
  const failed = notices.filter((notice) => !notice.ok).map(({ url, reason, attempts }) => ({ url, reason: reason ?? 'failed', attempts }));
  if (failed.length > 0) problems.push(makeError('PING_FAILED', { hub, failed }, { severity: 'warning' }));
  const sent = notices.filter((notice) => notice.ok);
  return report({ hub, dryRun: false, urls, sent: sent.map((notice) => notice.url), failed }, [
    ...sent.map((notice) => `  pinged  ${notice.url} (${notice.status})`),
    ...failed.map((notice) => `  failed  ${notice.url} (${notice.reason}${notice.attempts > 1 ? `, ${notice.attempts} tries` : ''})`),
    `Notified ${hub} of ${sent.length} of ${plural(urls.length, 'changed feed', 'changed feeds')}${failed.length > 0 ? `; ${failed.length} still pending` : ''}.`,
  ]);
}

/** The URLs the hub took leave the pending set, unless a build changed them again meanwhile. */
function clearSent(root: string, taken: PendingPings): BuildError[] {
  return updatePendingPings(root, (pending) => withoutSent(pending, taken)).problems;
}
