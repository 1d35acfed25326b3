// Issue 16: `polyfeed ping` and `build --ping` tell a WebSub hub (a small one started on loopback here)
// which current feeds the builds since the last ping changed, with a bounded retry, and nothing when none did.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { CliRun } from '../helpers/run-cli.js';
import { minimalConfig, repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

/** The real CLI in a child process, without blocking this process: the hub runs here and must answer meanwhile. */
function runCliAsync(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/polyfeed.js'), ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface HubRequest {
  readonly method: string | undefined;
  readonly contentType: string | undefined;
  readonly form: URLSearchParams;
}

/** How the hub answers a request: a status, or 'hang' (it never answers). */
type Answer = number | 'hang';

/** A hub on loopback (port 0) that records every request and answers as `answer` says, request by request. */
async function startHub(answer: (request: HubRequest, index: number) => Answer = () => 204): Promise<{ url: string; requests: HubRequest[]; close: () => Promise<void> }> {
  const requests: HubRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const recorded = { method: request.method, contentType: request.headers['content-type'], form: new URLSearchParams(body) };
      requests.push(recorded);
      const status = answer(recorded, requests.length - 1);
      if (status === 'hang') hanging.push(response);
      else response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const hubs: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

async function hub(answer?: (request: HubRequest, index: number) => Answer) {
  const started = await startHub(answer);
  hubs.push(started);
  return started;
}

const feedsOf = (lang: string) => ['atom.xml', 'feed.json', 'rss.xml'].map((file) => `https://example.org/${lang}/${file}`);
const EN = feedsOf('en');
const AR = feedsOf('ar');
const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nText of ${title}.\n`;

function writeArticle(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/**
 * A two-language site whose feeds keep one item, with archive pages of one item: the English feed
 * has an archive page, which announces no hub and is never pinged.
 */
function siteWithHub(hubUrl: string | undefined): string {
  const config = `${minimalConfig}maxItems: 1\narchivePageSize: 1\n${hubUrl === undefined ? '' : `hub: ${hubUrl}\n`}`;
  return writeSite(siteFiles({ 'polyfeed.config.yaml': config, 'articles/older/en.md': article('Older', '2025-03-01T09:00:00Z') }));
}

async function build(root: string, ...more: string[]): Promise<CliRun> {
  const run = await runCliAsync(['build', '--root', root, ...more]);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

const pingedUrls = (requests: readonly HubRequest[]) => requests.map((request) => request.form.get('hub.url')).sort();

describe('polyfeed ping', () => {
  test('sends one form POST per current feed the build wrote (no archive page), then nothing until a feed changes again', async () => {
    const { url, requests } = await hub();
    const root = siteWithHub(url);
    await build(root);
    const ping = await runCliAsync(['ping', '--root', root]);
    expect(ping.status, ping.stderr).toBe(0);
    expect(pingedUrls(requests)).toEqual([...AR, ...EN].sort());
    for (const request of requests) {
      expect(request.method).toBe('POST');
      expect(request.contentType).toBe('application/x-www-form-urlencoded');
      expect([...request.form.keys()]).toEqual(['hub.mode', 'hub.url']);
      expect(request.form.get('hub.mode')).toBe('publish');
    }
    // Each URL is the one the feed announces as its own, next to the hub.
    const atom = readFileSync(join(root, 'public/en/atom.xml'), 'utf8');
    expect(atom).toContain(`<link rel="self" href="https://example.org/en/atom.xml"`);
    expect(atom).toContain(`<link rel="hub" href="${url}"`);
    expect(ping.stdout).toContain(`Notified ${url} of 6 of 6 changed feeds.`);

    // A no-op build changed nothing: the next ping sends nothing, and says so.
    const again = await build(root);
    expect(again.stdout).toContain('Nothing changed since the last build');
    const nothing = await runCliAsync(['ping', '--root', root]);
    expect(nothing.status).toBe(0);
    expect(nothing.stdout).toContain('Nothing to ping: no feed has changed since the last ping');
    expect(requests).toHaveLength(6);
  });

  test('changes of several builds accumulate until a ping sends them; a no-op build keeps them', async () => {
    const { url, requests } = await hub();
    const root = siteWithHub(url);
    await build(root);
    expect((await runCliAsync(['ping', '--root', root])).status).toBe(0);
    requests.length = 0;
    // The English feed changes (a new newest article), then the Arabic one, then nothing.
    writeArticle(root, 'articles/newest/en.md', article('Newest', '2025-04-01T09:00:00Z'));
    await build(root);
    writeArticle(root, 'articles/only-arabic/ar.md', article('خبر', '2025-04-02T09:00:00Z'));
    await build(root);
    await build(root);
    const dry = await runCliAsync(['ping', '--root', root, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(requests).toEqual([]);
    for (const feed of [...EN, ...AR]) expect(dry.stdout).toContain(`  would ping  ${feed}\n`);
    const ping = await runCliAsync(['ping', '--root', root, '--format', 'json']);
    expect(ping.status, ping.stderr).toBe(0);
    expect(pingedUrls(requests)).toEqual([...AR, ...EN].sort());
    const report = JSON.parse(ping.stdout) as { ok: boolean; ping: { hub: string; sent: string[]; failed: unknown[] } };
    expect(report.ok).toBe(true);
    expect(report.ping.hub).toBe(url);
    expect([...report.ping.sent].sort()).toEqual([...AR, ...EN].sort());
    expect(report.ping.failed).toEqual([]);
  });

  test('only the feeds that changed: an edited English article pings the English feeds alone', async () => {
    const { url, requests } = await hub();
    const root = siteWithHub(url);
    await build(root, '--ping');
    expect(requests).toHaveLength(6);
    writeFileSync(join(root, 'articles/first/en.md'), article('First, edited', '2025-03-14T08:30:00Z'));
    const run = await build(root, '--ping');
    expect(run.stdout).toContain(`Notified ${url} of 3 of 3 changed feeds.`);
    expect(pingedUrls(requests.slice(6))).toEqual(EN);
  });

  test('a hub that answers 503 once is asked again, and takes the notification', async () => {
    const seen = new Set<string>();
    const { url, requests } = await hub((request) => {
      const feed = request.form.get('hub.url')!;
      if (seen.has(feed)) return 202;
      seen.add(feed);
      return 503;
    });
    const root = siteWithHub(url);
    await build(root);
    const ping = await runCliAsync(['ping', '--root', root]);
    expect(ping.status, ping.stderr).toBe(0);
    expect(ping.stderr).not.toContain('PING_FAILED');
    expect(requests).toHaveLength(12);
    expect(pingedUrls(requests)).toEqual([...AR, ...AR, ...EN, ...EN].sort());
    expect((await runCliAsync(['ping', '--root', root])).stdout).toContain('Nothing to ping');
  });

  test('a hub that never answers: a warning naming the hub and the feeds, which stay pending; with --strict, exit code 1', async () => {
    const { url, requests } = await hub(() => 'hang');
    const root = siteWithHub(url);
    await build(root);
    const ping = await runCliAsync(['ping', '--root', root, '--timeout', '0.3', '--attempts', '1', '--format', 'json']);
    expect(ping.status, ping.stderr).toBe(0);
    const report = JSON.parse(ping.stdout) as { problems: { code: string; severity: string; message: string }[]; ping: { failed: { url: string; reason: string }[] } };
    const [warning] = report.problems;
    expect(warning).toMatchObject({ code: 'PING_FAILED', severity: 'warning' });
    expect(warning!.message).toContain(url);
    expect(warning!.message).toContain('no answer within 0.3 s');
    for (const feed of [...EN, ...AR]) expect(warning!.message).toContain(feed);
    expect(report.ping.failed.map((failed) => failed.url).sort()).toEqual([...AR, ...EN].sort());
    // Tried once, then the others are not tried: the hub cannot be reached.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThan(6);

    const strict = await runCliAsync(['ping', '--root', root, '--timeout', '0.3', '--attempts', '1', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('PING_FAILED');
    expect(strict.stdout).toContain('6 still pending');
  });

  test('--max-time bounds the whole ping, retries included: what it cut short stays pending', async () => {
    const { url } = await hub(() => 'hang');
    const root = siteWithHub(url);
    await build(root);
    const ping = await runCliAsync(['ping', '--root', root, '--timeout', '60', '--attempts', '3', '--max-time', '0.5']);
    expect(ping.status, ping.stderr).toBe(0);
    expect(ping.stderr).toContain('no answer before --max-time ran out');
    expect(ping.stdout).toContain('6 still pending');
  });

  test('a damaged list of pending pings is a warning, and nothing is sent', async () => {
    const { url, requests } = await hub();
    const root = siteWithHub(url);
    await build(root);
    writeFileSync(join(root, '.polyfeed-cache/pings.json'), '{"format": 1, "pending": ["not", "a", "map"]}');
    const ping = await runCliAsync(['ping', '--root', root, '--strict']);
    // The cache is not the user's source: even with --strict, its damage does not fail the run.
    expect(ping.status, ping.stderr).toBe(0);
    expect(ping.stderr).toContain('CACHE_DAMAGED');
    expect(ping.stdout).toContain('Nothing to ping');
    expect(requests).toEqual([]);
  });

  test('a hub that refuses the connection: a warning, exit code 0, the feeds still pending', async () => {
    const closed = await startHub();
    await closed.close();
    const root = siteWithHub(closed.url);
    await build(root);
    const ping = await runCliAsync(['ping', '--root', root, '--attempts', '1']);
    expect(ping.status).toBe(0);
    expect(ping.stderr).toContain('warning PING_FAILED');
    expect(ping.stderr).toContain(`The WebSub hub ${closed.url} did not take the publish notification for 6 feeds: connection refused`);
    const dry = await runCliAsync(['ping', '--root', root, '--dry-run']);
    expect(dry.stdout).toContain('would notify');
    for (const feed of [...EN, ...AR]) expect(dry.stdout).toContain(feed);
  });

  test('feeds a build removed (a language taken out) are not pinged; those it left alone neither', async () => {
    const { url, requests } = await hub();
    const root = siteWithHub(url);
    await build(root, '--ping');
    requests.length = 0;
    const config = readFileSync(join(root, 'polyfeed.config.yaml'), 'utf8').replace('languages: [en, ar]', 'languages: [en]');
    writeFileSync(join(root, 'polyfeed.config.yaml'), config);
    const run = await build(root, '--ping');
    expect(run.stdout).toContain('removed  ar/rss.xml');
    expect(run.stdout).toContain('Nothing to ping');
    expect(requests).toEqual([]);
  });

  test('without a hub in the config: a usage problem that says so, exit code 2', async () => {
    const root = siteWithHub(undefined);
    await build(root);
    const ping = await runCliAsync(['ping', '--root', root]);
    expect(ping.status).toBe(2);
    expect(ping.stderr).toContain('No WebSub hub is configured in polyfeed.config.yaml');
    expect(ping.stderr).toContain('hint: add "hub: https://…"');
  });
});
