// I/O: reads and writes the build manifest in the cache folder (safe to delete at any time).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildManifest } from './build-manifest.js';

/** Beside the sources, git-ignored; deleting it only makes the next build a cold one. */
export const CACHE_FOLDER = '.polyfeed-cache';
const MANIFEST_FILE = 'manifest.json';

export function readManifest(root: string): BuildManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(root, CACHE_FOLDER, MANIFEST_FILE), 'utf8')) as BuildManifest;
  } catch {
    return undefined; // missing or damaged: a cold build
  }
}

export function writeManifest(root: string, manifest: BuildManifest): void {
  const folder = join(root, CACHE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${MANIFEST_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, join(folder, MANIFEST_FILE));
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
