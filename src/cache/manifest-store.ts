// I/O: reads and writes the build manifest in the cache folder (safe to delete at any time).
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { join } from 'node:path';
import type { ArticleCache } from './article-cache.js';
import type { BuildManifest } from './build-manifest.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. */
export const CACHE_FOLDER = '.polyfeed-cache';
const MANIFEST_FILE = 'manifest.json';

const ARTICLES_FILE = 'articles.ndjson';

function readCacheFile<T>(root: string, name: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(root, CACHE_FOLDER, name), 'utf8')) as T;
  } catch {
    return undefined; // missing or damaged: a cold build
  }
}

function writeCacheFile(root: string, name: string, value: unknown): void {
  const folder = join(root, CACHE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${name}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, join(folder, name));
}

export const readManifest = (root: string) => readCacheFile<BuildManifest>(root, MANIFEST_FILE);
export const writeManifest = (root: string, manifest: BuildManifest) => writeCacheFile(root, MANIFEST_FILE, manifest);
/**
 * One JSON line per article after a first line with the key: written in chunks and parsed line by
 * line, so tens of thousands of entries never stand in memory as one huge string or object graph.
 */
export function writeArticleCache(root: string, cache: ArticleCache): void {
  const folder = join(root, CACHE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${ARTICLES_FILE}.${process.pid}.tmp`);
  const descriptor = openSync(temporary, 'w');
  try {
    let chunk = `${JSON.stringify({ key: cache.key })}\n`;
    for (const [path, entry] of Object.entries(cache.entries)) {
      chunk += `${JSON.stringify([path, entry.stat, entry.article, entry.warnings])}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(descriptor, chunk);
        chunk = '';
      }
    }
    writeSync(descriptor, chunk);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, join(folder, ARTICLES_FILE));
}

/** Calls `onLine` for each line of a file, read 4 MiB at a time (the file is never one string). */
function forEachLine(path: string, onLine: (line: string) => void): void {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) {
      const lines = (pending + decoder.write(buffer.subarray(0, read))).split('\n');
      pending = lines.pop()!;
      lines.forEach(onLine);
    }
    pending += decoder.end();
    if (pending) onLine(pending);
  } finally {
    closeSync(descriptor);
  }
}

export function readArticleCache(root: string): ArticleCache | undefined {
  let key: string | undefined;
  const entries: Record<string, ArticleCache['entries'][string]> = {};
  try {
    forEachLine(join(root, CACHE_FOLDER, ARTICLES_FILE), (line) => {
      if (key === undefined) {
        key = (JSON.parse(line) as { key: string }).key;
        return;
      }
      const [path, stat, article, warnings] = JSON.parse(line) as [string, [number, number], ArticleCache['entries'][string]['article'], ArticleCache['entries'][string]['warnings']];
      entries[path] = { stat, article, warnings };
    });
  } catch {
    return undefined; // missing or damaged: a cold build
  }
  return key === undefined ? undefined : { key, entries };
}

/** `[size, mtimeMs]` of each named output file that exists. */
export function statOutputs(outDir: string, paths: readonly string[]): Record<string, readonly [number, number]> {
  const outputs: Record<string, readonly [number, number]> = {};
  for (const path of paths) {
    const stats = statSync(join(outDir, path), { throwIfNoEntry: false });
    if (stats?.isFile()) outputs[path] = [stats.size, stats.mtimeMs];
  }
  return outputs;
}
