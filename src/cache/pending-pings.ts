// Pure: the feed URLs builds changed and no ping has yet told the hub about → the next pending set, after a build or after a ping.
import { feedFormats } from '../serialize/feed-formats.js';

/**
 * Feed URLs waiting for a WebSub publish notification, each with the token of the last build that
 * changed it: a ping clears a URL only when no build changed it again while the ping was sent.
 */
export type PendingPings = Readonly<Record<string, string>>;

const FEED_FILE_NAMES = new Set(Object.values(feedFormats).map((format) => format.fileName));

/**
 * The URL of an output path when it is a current feed (`<lang>/rss.xml`, the combined feed's
 * `mul/atom.xml`): the only documents that announce the hub. An archive page (`<lang>/archive/3/…`)
 * announces none and never changes once full; its compressed copies are not feeds. Undefined for
 * any other output.
 */
export function currentFeedUrlOf(baseUrl: string, path: string): string | undefined {
  const parts = path.split('/');
  if (parts.length !== 2 || !FEED_FILE_NAMES.has(parts[1]!)) return undefined;
  return new URL(parts.map(encodeURIComponent).join('/'), baseUrl).href;
}

/** What one build did to the output folder, as output paths. */
export interface FeedChanges {
  readonly baseUrl: string;
  /** Outputs written because their bytes changed (or were new). */
  readonly written: readonly string[];
  /** Outputs removed (no longer made). */
  readonly removed: readonly string[];
  /** Names the build: what a ping that sent a URL compares before it clears it. */
  readonly token: string;
}

/**
 * The pending set after a build: the current feeds it wrote join (or are renewed in) the set; the
 * feeds it removed leave it (a hub told about a feed that is gone would fetch a 404, and there is
 * nothing new to deliver). A build that changed nothing leaves the set as it was.
 */
export function withFeedChanges(pending: PendingPings, { baseUrl, written, removed, token }: FeedChanges): PendingPings {
  const next: Record<string, string> = { ...pending };
  for (const path of removed) {
    const url = currentFeedUrlOf(baseUrl, path);
    if (url !== undefined) delete next[url];
  }
  for (const path of written) {
    const url = currentFeedUrlOf(baseUrl, path);
    if (url !== undefined) next[url] = token;
  }
  return sortedPings(next);
}

/** The pending set after a ping told the hub about `sent`: a URL a build changed again since (another token) stays. */
export function withoutSent(pending: PendingPings, sent: PendingPings): PendingPings {
  return sortedPings(Object.fromEntries(Object.entries(pending).filter(([url, token]) => sent[url] !== token)));
}

function sortedPings(pings: PendingPings): PendingPings {
  return Object.fromEntries(Object.entries(pings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
