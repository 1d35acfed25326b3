// I/O: reads and writes the build manifest in the cache folder (safe to delete at any time).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleCache } from './article-cache.js';
import type { BuildManifest } from './build-manifest.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. */
export const CACHE_FOLDER = '.polyfeed-cache';
const MANIFEST_FILE = 'manifest.json';

const ARTICLES_FILE = 'articles.json';

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
export const readArticleCache = (root: string) => readCacheFile<ArticleCache>(root, ARTICLES_FILE);
export const writeArticleCache = (root: string, cache: ArticleCache) => writeCacheFile(root, ARTICLES_FILE, cache);

/** `[size, mtimeMs]` of each named output file that exists. */
export function statOutputs(outDir: string, paths: readonly string[]): Record<string, readonly [number, number]> {
  const outputs: Record<string, readonly [number, number]> = {};
  for (const path of paths) {
    const stats = statSync(join(outDir, path), { throwIfNoEntry: false });
    if (stats?.isFile()) outputs[path] = [stats.size, stats.mtimeMs];
  }
  return outputs;
}
