// I/O: reads and writes .polyfeed-cache/pings.json, the feed URLs builds changed that no ping has yet told the hub about.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { CACHE_FOLDER, cacheDamaged, cacheUnavailable } from './cache-problem.js';
import type { PendingPings } from './pending-pings.js';

export const PINGS_FILE = 'pings.json';
/** 1: `{ format, pending: { <feed URL>: <token of the build that last changed it> } }`. */
const FORMAT = 1;

/** Where the pending pings are kept: in the cache folder, beside the build index. */
export function pingsPathOf(root: string): string {
  return join(root, CACHE_FOLDER, PINGS_FILE);
}

/** What reading the pending pings gave: the set (empty when there is none), and a warning when the file was there but could not be used. */
export interface ReadPendingPingsResult {
  readonly pending: PendingPings;
  readonly problem?: BuildError;
}

function isPending(value: unknown): value is PendingPings {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((token) => typeof token === 'string');
}

/** The pending pings; none when the file is missing, and a warning (and none) when it is damaged or unreadable. */
export function readPendingPings(root: string): ReadPendingPingsResult {
  let text: string;
  try {
    text = readFileSync(pingsPathOf(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { pending: {} };
    return { pending: {}, problem: cacheUnavailable(PINGS_FILE, true, error) };
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { pending: {}, problem: cacheDamaged(PINGS_FILE, { kind: 'pings-shape' }) };
  }
  const { format, pending } = (stored ?? {}) as { format?: unknown; pending?: unknown };
  if (format !== FORMAT || !isPending(pending)) return { pending: {}, problem: cacheDamaged(PINGS_FILE, { kind: 'pings-shape' }) };
  return { pending };
}

/** Writes the pending pings (a temporary file renamed into place), or removes the file when none are left; throws what the file system reports. */
export function writePendingPings(root: string, pending: PendingPings): void {
  const path = pingsPathOf(root);
  if (Object.keys(pending).length === 0) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(join(root, CACHE_FOLDER), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify({ format: FORMAT, pending }, null, 1)}\n`);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
