// I/O: the preview server's HTTP edge: node:http over the output folder, answering with the pure decisions of this folder.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { createFileStore } from './file-store.js';
import { planFileResponse } from './plan-file-response.js';
import { resolveRequestPath } from './resolve-request-path.js';
import { formatProblemsPage, withFailedBuildNotice, type FailedBuild } from './format-problems-page.js';

/** What the server serves: the output folder, and the last build's problems while it fails. */
export interface StaticServerOptions {
  /** The output folder, absolute (a function: a config may name another one). It may not exist yet (a first build that failed). */
  readonly folder: () => string;
  /** The last build's problems when it failed, else undefined: `/` then lists them. */
  readonly failedBuild: () => FailedBuild | undefined;
}

/** A file found under the served folder, or the status that answers instead (a redirect to the folder's URL with its slash). */
type Located = { readonly kind: 'file'; readonly path: string; readonly stats: Stats; readonly name: string } | { readonly kind: 'status'; readonly status: 301 | 403 | 404 };

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG';
}

/**
 * The real path of `path` when it is inside the real served folder; a symbolic link that leads out
 * of it is refused. Synchronous, like the stats below: a path the kernel has cached resolves in
 * microseconds, less than a round trip through libuv's thread pool would cost each request.
 */
function realPathInside(path: string, folder: string): string | 403 | 404 {
  try {
    const real = realpathSync.native(path);
    const realFolder = realpathSync.native(folder);
    return real === realFolder || real.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep) ? real : 403;
  } catch (error) {
    if (isMissing(error)) return 404;
    throw error;
  }
}

/** The file a path names: a folder's `index.html` (never a listing of it), and only what is inside the served folder. */
function locate(folder: string, segments: readonly string[], named: { folder: boolean }): Located {
  const real = realPathInside(join(folder, ...segments), folder);
  if (typeof real === 'number') return { kind: 'status', status: real };
  const stats = statSync(real);
  if (stats.isDirectory()) {
    if (!named.folder && segments.length > 0) return { kind: 'status', status: 301 };
    const index = realPathInside(join(real, 'index.html'), folder);
    if (typeof index === 'number') return { kind: 'status', status: index };
    const indexStats = statSync(index);
    return indexStats.isFile() ? { kind: 'file', path: index, stats: indexStats, name: 'index.html' } : { kind: 'status', status: 404 };
  }
  return stats.isFile() ? { kind: 'file', path: real, stats, name: segments.at(-1) ?? '' } : { kind: 'status', status: 404 };
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' };

function sendText(response: ServerResponse, method: string, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`);
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end(method === 'HEAD' ? undefined : body);
}

/** A page made for this answer, not a file's bytes: no validators (no 304 can stand for it), and not kept by the browser. */
function sendPage(response: ServerResponse, method: string, html: string): void {
  const body = Buffer.from(html);
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(method === 'HEAD' ? undefined : body);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Answers one request; only GET and HEAD. */
async function answer(request: IncomingMessage, response: ServerResponse, options: StaticServerOptions, store: ReturnType<typeof createFileStore>): Promise<void> {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return sendText(response, method, 405, STATUS_TEXT[405]!, { Allow: 'GET, HEAD' });
  const target = resolveRequestPath(request.url ?? '/');
  if (target.kind === 'refused') return sendText(response, method, target.status, `${STATUS_TEXT[target.status]}: ${target.reason}.`);
  const failed = options.failedBuild();
  const folder = options.folder();
  if (failed && target.segments.length === 0) {
    const index = realPathInside(join(folder, 'index.html'), folder);
    return sendPage(response, method, formatProblemsPage(failed, typeof index === 'string' ? '/index.html' : undefined));
  }
  const located = locate(folder, target.segments, target);
  if (located.kind === 'status') {
    if (located.status === 301) {
      // Made from the checked segments, not the target as sent: `//host/…` would send the browser to another host.
      const path = `/${target.segments.map(encodeURIComponent).join('/')}/`;
      return sendText(response, method, 301, `Moved to ${path}`, { Location: path });
    }
    return sendText(response, method, located.status, STATUS_TEXT[located.status]!);
  }
  const file = await store.fileOf(located.path, located.stats, located.name);
  // While the last build fails, every page of the last good output says so.
  if (failed && file.facts.mediaType.startsWith('text/html')) {
    return sendPage(response, method, withFailedBuildNotice((await file.body('identity')).toString('utf8'), failed));
  }
  const plan = planFileResponse(
    { method, accept: header(request, 'accept'), acceptEncoding: header(request, 'accept-encoding'), ifNoneMatch: header(request, 'if-none-match'), ifModifiedSince: header(request, 'if-modified-since') },
    file.facts,
  );
  if (plan.status === 304) {
    response.writeHead(304, plan.headers);
    return void response.end();
  }
  const body = await file.body(plan.coding);
  response.writeHead(200, { ...plan.headers, 'Content-Length': String(body.length) });
  response.end(plan.sendsBody ? body : undefined);
}

/**
 * An HTTP server of the output folder, as a static host serves it: media types, strong entity
 * tags, Last-Modified, 304s, HEAD, gzip and brotli, a folder's `index.html`, and nothing outside
 * the folder. Not yet listening: the caller listens and closes it.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const store = createFileStore();
  return createServer((request, response) => {
    answer(request, response, options, store).catch((error: unknown) => {
      // A file removed or replaced while it was read (a publish in between): the client may ask again.
      if (!response.headersSent) sendText(response, request.method ?? 'GET', isMissing(error) ? 404 : 500, isMissing(error) ? STATUS_TEXT[404]! : 'Internal error');
      else response.destroy();
    });
  });
}
