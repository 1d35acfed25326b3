// I/O: .polyfeed-cache/pings.json read, changed and written under its own lock, so a build and a ping never lose each other's changes.
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { CACHE_FOLDER, cacheUnavailable, isFileSystemError } from '../cache/cache-problem.js';
import type { PendingPings } from '../cache/pending-pings.js';
import { PINGS_FILE, readPendingPings, writePendingPings } from '../cache/pings-store.js';
import { acquireOutputLock } from '../write/output-lock.js';

/** Held for a read and a write of a small file only: a wait this long means a process hangs. */
const LOCK_WAIT_MS = 10_000;

/**
 * Reads the pending pings, gives them to `change` and writes what it returns, all under the lock
 * `.polyfeed-cache/.pings.polyfeed-lock` (the output folder's kind of lock, for a file of the
 * cache). Returns the set written and the warnings met (a damaged file, a cache that cannot be
 * written, a lock not had in time): never a failure, since the feeds are published already.
 */
export function updatePendingPings(root: string, change: (pending: PendingPings) => PendingPings): { pending: PendingPings; problems: BuildError[] } {
  let acquired;
  try {
    acquired = acquireOutputLock(join(root, CACHE_FOLDER, 'pings'), LOCK_WAIT_MS, () => {});
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return { pending: {}, problems: [cacheUnavailable(PINGS_FILE, false, error)] };
  }
  if (!('lock' in acquired)) return { pending: {}, problems: [cacheUnavailable(PINGS_FILE, false, new Error(`locked by process ${acquired.heldBy} (${acquired.path})`))] };
  try {
    const read = readPendingPings(root);
    const pending = change(read.pending);
    const problems = read.problem ? [read.problem] : [];
    try {
      writePendingPings(root, pending);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      problems.push(cacheUnavailable(PINGS_FILE, false, error));
    }
    return { pending, problems };
  } finally {
    acquired.lock.release();
  }
}
