// The preview server's figures for `npm run bench`: conditional GETs answered per second by 200
// concurrent loopback clients (a fixed number of requests, so it stops by itself), and the time from
// saving an article to the new feed being served. Runs `polyfeed serve` through the real CLI on a
// copy of a generated site.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GET through `agent`: its status, ETag and body. */
function get(url, headers, agent) {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, etag: response.headers.etag, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Starts `polyfeed serve --port 0` and resolves with its URL and what it prints, once it serves. */
async function startServe(repoRoot, args) {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/polyfeed.js'), 'serve', '--port', '0', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output.stderr += chunk));
  for (let waited = 0; ; waited += 20) {
    const url = /^Serving .* at (http:\/\/\S+\/)/m.exec(output.stdout)?.[1];
    if (url) return { child, url, output };
    if (child.exitCode !== null || waited > 600_000) throw new Error(`polyfeed serve did not start:\n${output.stdout}\n${output.stderr}`);
    await sleep(20);
  }
}

/** `total` conditional GETs of `path`, `concurrency` at a time over kept-alive connections: how many a second were answered, all of them 304. */
async function conditionalGets(url, path, { total, concurrency }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = { 'Accept-Encoding': 'gzip' };
  const { etag } = await get(`${url}${path}`, headers, agent);
  const conditional = { ...headers, 'If-None-Match': etag };
  let sent = 0;
  let notModified = 0;
  const client = async () => {
    while (sent < total) {
      sent++;
      if ((await get(`${url}${path}`, conditional, agent)).status === 304) notModified++;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  if (notModified !== total) throw new Error(`${total - notModified} of ${total} conditional GETs were not answered 304`);
  return { requests: total, concurrency, seconds, perSecond: total / seconds };
}

/** Saves a new article `saves` times and measures until the feed served holds it (polled every 5 ms); also the rebuild times serve printed. */
async function saveToServed(server, root, { saves, lang }) {
  const samples = [];
  for (let run = 0; run < saves; run++) {
    const title = `Bench save ${run} ${Date.now()}`;
    const folder = join(root, 'articles', `zz-bench-save-${run}`);
    mkdirSync(folder, { recursive: true });
    const started = process.hrtime.bigint();
    writeFileSync(join(folder, `${lang}.md`), `---\ntitle: "${title}"\ndate: 2049-12-${String(run + 1).padStart(2, '0')}T00:00:00+00:00\n---\nSaved by the benchmark.\n`);
    for (;;) {
      const { body } = await get(`${server.url}${lang}/rss.xml`, {}, undefined);
      if (body.includes(title)) break;
      if (Number(process.hrtime.bigint() - started) / 1e6 > 120_000) throw new Error(`the saved article was not served within 2 minutes:\n${server.output.stderr}`);
      await sleep(5);
    }
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    // Let the build's own writes (published-ids.tsv) settle before the next save.
    await sleep(300);
  }
  const rebuilds = [...server.output.stdout.matchAll(/^Rebuilt after a change to .* \((\d+) ms\)/gm)].map((match) => Number(match[1]));
  return { saves, medianMs: median(samples), samplesMs: samples, medianRebuildMs: rebuilds.length ? median(rebuilds) : undefined };
}

/**
 * The serve figures on a copy of `site` (its cache left out, so the server's first build is cold
 * and its writes never touch the benchmark's own site).
 */
export async function serveScenarios({ repoRoot, site, now, total = 20_000, concurrency = 200, saves = 5 }) {
  const copy = mkdtempSync(join(tmpdir(), 'polyfeed-bench-serve-'));
  cpSync(site, copy, { recursive: true, filter: (source) => !source.includes('.polyfeed-cache') && !source.endsWith('published-ids.tsv') });
  const server = await startServe(repoRoot, ['--root', copy, '--now', now]);
  try {
    const gets = await conditionalGets(server.url, 'en/rss.xml', { total, concurrency });
    const save = await saveToServed(server, copy, { saves, lang: 'en' });
    return { conditionalGets: gets, saveToServed: save };
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    rmSync(copy, { recursive: true, force: true });
  }
}
