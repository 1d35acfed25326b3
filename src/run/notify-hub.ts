// I/O (network): WebSub publish notifications, one feed URL a request, POSTed to a hub with a bounded retry.

/** How hard to try, all in milliseconds. */
export interface NotifyLimits {
  /** One request, from connecting to the end of the answer. */
  readonly timeoutMs: number;
  /** Tries per feed URL (1: no retry). */
  readonly attempts: number;
  /** The wait before the second try; each later wait is twice the one before. */
  readonly backoffMs: number;
  /** The whole run: no try starts after it, and a request under way is cut off at it. */
  readonly totalMs: number;
}

export interface NotifyInput {
  readonly hub: string;
  readonly urls: readonly string[];
  readonly limits: NotifyLimits;
  readonly userAgent: string;
}

/** What became of one feed URL's notification. */
export interface HubNotice {
  readonly url: string;
  /** True when the hub answered 2xx. */
  readonly ok: boolean;
  /** The hub's last answer, when there was one. */
  readonly status?: number;
  /** Why it failed, in words (`503 Service Unavailable`, `timed out after 10 s`, `connection refused`); absent when it was taken. */
  readonly reason?: string;
  /** Tries made (0: not tried, the hub being unreachable or the time up). */
  readonly attempts: number;
}

/** Requests in flight at once: a hub is one server, and a site has a few dozen feeds at most. */
const AT_ONCE = 4;

/**
 * The form a publisher sends. The WebSub Recommendation leaves how a publisher tells its hub to
 * the two of them; what public hubs take is PubSubHubbub's publish request: `hub.mode=publish`
 * and the topic's URL as `hub.url`. One URL a request: every hub reads that, while several
 * `hub.url` in one body are read by some hubs only, and one failure would then fail them all.
 */
export function publishForm(url: string): string {
  return new URLSearchParams([
    ['hub.mode', 'publish'],
    ['hub.url', url],
  ]).toString();
}

/** An answer worth trying again: the hub is busy or failing for a while (5xx, 408, 429). Any other 4xx will not change. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** A failure of the connection rather than an answer: the hub is down, refuses, or never answers. */
interface ConnectionFailure {
  readonly reason: string;
  /** The hub cannot be reached at all: the other URLs are not tried. */
  readonly unreachable: boolean;
}

/** `cutShort`: the request was given less than `--timeout`, the time left before `--max-time`. */
function connectionFailureOf(error: unknown, timeoutMs: number, cutShort: boolean): ConnectionFailure {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { reason: cutShort ? 'no answer before --max-time ran out' : `no answer within ${timeoutMs / 1000} s`, unreachable: true };
  }
  const code = ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code;
  switch (code) {
    case 'ECONNREFUSED':
      return { reason: 'connection refused', unreachable: true };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { reason: 'host not found', unreachable: true };
    case 'ECONNRESET':
      return { reason: 'connection reset', unreachable: false };
    default:
      return { reason: code ?? String((error as Error).message ?? error), unreachable: false };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Notifies the hub of each URL: POST, `application/x-www-form-urlencoded`, no redirect followed
 * (a POST redirected would arrive as a GET). A URL is retried (up to `attempts` tries, waiting
 * `backoffMs`, then twice that…) when the hub answers 5xx, 408 or 429 or the connection fails;
 * once a URL has failed at every try because the hub cannot be reached (refused, not found, no
 * answer in time), the URLs not yet tried are left untried. Nothing runs past `totalMs`.
 */
export async function notifyHub({ hub, urls, limits, userAgent }: NotifyInput): Promise<HubNotice[]> {
  const deadline = Date.now() + limits.totalMs;
  const notices: HubNotice[] = [];
  let unreachable: string | undefined;
  const notifyOne = async (url: string): Promise<HubNotice> => {
    let last: Omit<HubNotice, 'url' | 'attempts'> = { ok: false, reason: 'not tried' };
    let attempts = 0;
    for (let attempt = 1; attempt <= limits.attempts; attempt++) {
      if (attempt > 1) {
        const wait = limits.backoffMs * 2 ** (attempt - 2);
        if (Date.now() + wait >= deadline) break;
        await sleep(wait);
      }
      const left = deadline - Date.now();
      if (left <= 0 || unreachable !== undefined) break;
      attempts = attempt;
      const timeoutMs = Math.min(limits.timeoutMs, left);
      try {
        const response = await fetch(hub, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
          body: publishForm(url),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        // The answer is read to its end (it is small) so the connection can be used again.
        await response.arrayBuffer();
        if (response.ok) return { url, ok: true, status: response.status, attempts };
        const statusText = response.statusText ? ` ${response.statusText}` : '';
        const location = response.headers.get('location');
        last = { ok: false, status: response.status, reason: `${response.status}${statusText}${location ? ` (redirected to ${location})` : ''}` };
        if (!isTransient(response.status)) break;
      } catch (error) {
        const failure = connectionFailureOf(error, timeoutMs, timeoutMs < limits.timeoutMs);
        last = { ok: false, reason: failure.reason };
        if (failure.unreachable && (attempt === limits.attempts || Date.now() >= deadline)) unreachable = failure.reason;
      }
    }
    if (attempts === 0) last = { ok: false, reason: unreachable === undefined ? 'not tried, --max-time being reached' : 'not tried, the hub being unreachable' };
    return { url, ...last, attempts };
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(AT_ONCE, urls.length) }, async () => {
      while (next < urls.length) {
        const position = next++;
        notices[position] = await notifyOne(urls[position]!);
      }
    }),
  );
  return notices;
}
