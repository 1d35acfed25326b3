// I/O: an exclusive lock on an output folder, so two builds never write it at the same time; a dead holder's lock is taken over atomically.
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isLeftoverName, temporaryPathBeside } from './polyfeed-names.js';
import { isRunning, isSameProcessRunning, processStartOf } from './process-identity.js';

export interface OutputLock {
  /** The lock folder (it also holds the journal of a publish in progress). */
  readonly path: string;
  release(): void;
}

export type AcquireResult = { readonly lock: OutputLock } | { readonly heldBy: number; readonly path: string };

/** The lock sits beside the output folder, so nothing extra is ever published. */
export function lockPathFor(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.polyfeed-lock`);
}

/** Who holds a claim: the process and when it started (see process-identity). */
interface Holder {
  readonly pid: number;
  readonly started?: string | undefined;
}

/** A claim just made and not yet whole (only where hard links are refused) is given this long to be written. */
const UNREADABLE_CLAIM_GRACE_MS = 5000;

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Claims are files named by a generation number; the highest names the holder. */
function claimsIn(folder: string): number[] {
  return readdirSync(folder)
    .filter((name) => /^(0|[1-9][0-9]{0,8})$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (Number.isInteger(value.pid) && (value.started === undefined || typeof value.started === 'string')) return { pid: value.pid!, started: value.started };
  } catch {
    // not a whole claim
  }
  return undefined;
}

/** The claim's holder while it runs, 'dead' when it no longer does, undefined when the claim is gone. */
function holderOf(claim: string): Holder | 'dead' | undefined {
  let text: string;
  try {
    text = readFileSync(claim, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const holder = parseHolder(text);
  if (holder === undefined) {
    const age = Date.now() - (statSync(claim, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age < UNREADABLE_CLAIM_GRACE_MS ? { pid: -1 } : 'dead';
  }
  return isSameProcessRunning(holder.pid, holder.started) ? holder : 'dead';
}

/**
 * Creates the claim file `generation`, whole, or fails when it exists: the record is written to
 * a temporary file and hard-linked into place, so the claim appears complete and only one
 * process can make it. Where hard links are refused, an exclusive create does the same.
 */
function tryClaim(folder: string, generation: number, record: string): boolean {
  const claim = join(folder, String(generation));
  const temporary = temporaryPathBeside(claim);
  try {
    writeFileSync(temporary, record);
    try {
      linkSync(temporary, claim);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOENT') return false;
      writeFileSync(claim, record, { flag: 'wx' });
    }
    return true;
  } catch (error) {
    // Taken by another process, or the folder was removed by a holder releasing it: look again.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || isMissing(error)) return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** An older polyfeed's lock was a file holding a pid: a dead one is removed, a live one is waited for. */
function legacyHolder(path: string): number | 'dead' | undefined {
  if (!lstatSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
  let pid = Number.NaN;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch (error) {
    if (isMissing(error)) return 'dead';
    throw error;
  }
  return Number.isInteger(pid) && isRunning(pid) ? pid : 'dead';
}

type Attempt = { readonly held: number } | { readonly generation: number } | 'again';

/** One try: the lock is free (or its holder is dead) and this process claimed it, or someone else holds it. */
function attemptLock(folder: string, record: string): Attempt {
  const legacy = legacyHolder(folder);
  if (typeof legacy === 'number') return { held: legacy };
  if (legacy === 'dead') {
    try {
      // Unlinking fails on the folder another build may have made in its place since.
      unlinkSync(folder);
    } catch (error) {
      if (!['ENOENT', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
    return 'again';
  }
  try {
    // Not recursive: on a read-only file system a recursive mkdir reports ENOENT, not EROFS.
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    const claims = claimsIn(folder);
    const newest = claims.at(-1);
    if (newest !== undefined) {
      const holder = holderOf(join(folder, String(newest)));
      if (holder === undefined) return 'again';
      if (holder !== 'dead') return { held: holder.pid };
    }
    const generation = newest === undefined ? 0 : newest + 1;
    if (!tryClaim(folder, generation, record)) return 'again';
    // A process that saw an older generation can only claim a lower number than a newer holder's: it gives way.
    if (claimsIn(folder).some((other) => other > generation)) {
      rmSync(join(folder, String(generation)), { force: true });
      return 'again';
    }
    return { generation };
  } catch (error) {
    // The folder was removed by a holder releasing it, or an older polyfeed made its lock file there meanwhile.
    if (['ENOENT', 'ENOTDIR', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) return 'again';
    throw error;
  }
}

/** The claims before the holder's are of dead processes; temporary files are of claims that were never completed or are being made. */
function removeOlderClaims(folder: string, generation: number): void {
  for (const older of claimsIn(folder)) if (older < generation) rmSync(join(folder, String(older)), { force: true });
}

function releaseLock(folder: string, generation: number): void {
  rmSync(join(folder, String(generation)), { force: true });
  try {
    rmdirSync(folder);
  } catch {
    // Not empty: another build is claiming it, or a publish's journal is kept for the next build.
  }
}

/**
 * Takes the lock, waiting up to `waitMs` for a running build to finish. The lock is a folder of
 * claims numbered by generation, each made whole by an exclusive hard link: the highest names the
 * holder. A lock whose holder no longer runs (a killed build; a pid now used by another process
 * does not count) is taken over by claiming the next generation, which only one process can do.
 * `onWait` is told once when waiting starts.
 */
export function acquireOutputLock(outDir: string, waitMs: number, onWait: (pid: number) => void): AcquireResult {
  const folder = lockPathFor(outDir);
  mkdirSync(dirname(folder), { recursive: true });
  const record = JSON.stringify({ pid: process.pid, started: processStartOf(process.pid) } satisfies Holder);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (let tries = 1; ; tries++) {
    const attempt = attemptLock(folder, record);
    if (attempt === 'again') {
      if (tries % 100 === 0) sleep(1);
      continue;
    }
    if ('generation' in attempt) {
      const { generation } = attempt;
      removeOlderClaims(folder, generation);
      removeClaimLeftovers(folder);
      return { lock: { path: folder, release: () => releaseLock(folder, generation) } };
    }
    if (Date.now() >= deadline) return { heldBy: attempt.held, path: folder };
    if (!told && attempt.held > 0) {
      onWait(attempt.held);
      told = true;
    }
    sleep(50);
  }
}

/** True when a build holds the output folder's lock, or one left it (and maybe leftovers) when it was killed. */
export function hasLockFolder(outDir: string): boolean {
  return lstatSync(lockPathFor(outDir), { throwIfNoEntry: false }) !== undefined;
}

/** Temporary files of claims never completed (a build killed while claiming) and of a journal never written, removed by the holder. */
function removeClaimLeftovers(folder: string): void {
  for (const name of readdirSync(folder)) if (isLeftoverName(name)) rmSync(join(folder, name), { force: true });
}
