// Pure: the codes of WebSub pings (`polyfeed ping`, `build --ping`): a hub that did not take a publish notification.
import { entry } from './catalogue-entry.js';

/** One feed URL the hub did not take: why, and after how many tries. */
export interface FailedPing {
  readonly url: string;
  readonly reason: string;
  readonly attempts: number;
}

function describeFailure({ url, reason, attempts }: FailedPing): string {
  return attempts <= 1 ? `${url} (${reason})` : `${url} (${reason}, after ${attempts} tries)`;
}

export const websubErrors = {
  PING_FAILED: entry({
    message: (p: { hub: string; failed: readonly FailedPing[] }) =>
      `The WebSub hub ${p.hub} did not take the publish notification for ${p.failed.length === 1 ? 'a feed' : `${p.failed.length} feeds`}: ${p.failed.map(describeFailure).join('; ')}. ${p.failed.length === 1 ? 'It stays' : 'They stay'} pending, and the next ping sends ${p.failed.length === 1 ? 'it' : 'them'} again.`,
    hint: 'Check that hub: in polyfeed.config.yaml is the address of the hub and that the hub is up, then run "polyfeed ping" again (--timeout, --attempts and --max-time set how long it tries).',
  }),
};
