// Pure: the codes of WebSub pings (`polyfeed ping`, `build --ping`): a hub that did not take a publish notification.
import { entry } from './catalogue-entry.js';

/** One feed URL the hub did not take: why, and after how many tries. */
export interface FailedPing {
  readonly url: string;
  readonly reason: string;
  readonly attempts: number;
}

/** The failures grouped by reason, in the order each reason first comes: `connection refused: <url>, <url>`. */
function describeFailures(failed: readonly FailedPing[]): string {
  const byReason = new Map<string, string[]>();
  for (const { url, reason } of failed) byReason.set(reason, [...(byReason.get(reason) ?? []), url]);
  return [...byReason].map(([reason, urls]) => `${reason}: ${urls.join(', ')}`).join('; ');
}

export const websubErrors = {
  PING_FAILED: entry({
    message: (p: { hub: string; failed: readonly FailedPing[] }) =>
      `The WebSub hub ${p.hub} did not take the publish notification for ${p.failed.length === 1 ? 'a feed' : `${p.failed.length} feeds`}: ${describeFailures(p.failed)}. ${p.failed.length === 1 ? 'It stays' : 'They stay'} pending, and the next ping sends ${p.failed.length === 1 ? 'it' : 'them'} again.`,
    hint: 'Check that hub: in polyfeed.config.yaml is the address of the hub and that the hub is up, then run "polyfeed ping" again (--timeout, --attempts and --max-time set how long it tries).',
  }),
};
