// I/O: what every command does first: checks the folders it was given, reads the last build's index and takes the site's snapshot.
import { statSync } from 'node:fs';
import type { BuildError } from '../model/build-error.js';
import type { BuildIndex } from '../cache/build-index.js';
import { buildIndexBytes, readBuildIndex } from '../cache/index-store.js';
import { snapshotSite, type SiteSnapshot } from '../cache/snapshot-site.js';
import { PARALLEL_STAT_MIN_INDEX_BYTES, startStatPool } from '../load/stat-paths.js';
import type { PublicationWindow } from '../model/publication-window.js';
import type { RunProgress } from './run-progress.js';

/** What a command is run with, whatever it does. */
export interface RunOptions {
  /** The site folder, absolute. */
  readonly root: string;
  /** Warnings fail the run too (those about the cache excepted). */
  readonly strict: boolean;
  /** Threads that read and validate articles, this one included. */
  readonly jobs: number;
  /** False with --no-cache: the last build's index is not read. */
  readonly cache: boolean;
  /** "Now" (from the edge: the clock, --now or SOURCE_DATE_EPOCH), and whether drafts and scheduled versions are published. */
  readonly window: PublicationWindow;
  /** --languages: tags of the config's languages to build (or check) alone; undefined for every language. */
  readonly languages?: readonly string[] | undefined;
  /** Told each stage as it begins, and counts as they grow (--verbose, the progress display); no one by default. */
  readonly progress?: RunProgress | undefined;
}

export interface StartedRun {
  readonly index: BuildIndex | undefined;
  /** Taken before any source is read: a file changed during the build differs from it next time. */
  readonly snapshot: SiteSnapshot;
  /** A cache that could not be read: the run goes on without it. */
  readonly cacheProblems: BuildError[];
}

/** A folder the user named that is missing or is a file is a usage error, not a crash. */
export function usageProblem(root: string, out: string | undefined): string | undefined {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return `--root ${root} is not a folder.`;
  if (out !== undefined && statSync(out, { throwIfNoEntry: false })?.isFile()) return `--out ${out} is a file, not a folder.`;
  return undefined;
}

/** Stat workers pay when the last build's index lists many files. */
function statWorkersFor(root: string, jobs: number): number {
  return buildIndexBytes(root) >= PARALLEL_STAT_MIN_INDEX_BYTES ? jobs - 1 : 0;
}

/** Reads the index of the last build (unless told not to) and takes the snapshot of the site against it. */
export async function startRun(options: RunOptions, cacheVersion: string): Promise<StartedRun> {
  // Started first, so the workers start up while this thread reads the index.
  const statPool = startStatPool(options.cache ? statWorkersFor(options.root, options.jobs) : 0);
  const { index, problem } = options.cache ? readBuildIndex(options.root) : { index: undefined, problem: undefined };
  const snapshot = await snapshotSite(options.root, cacheVersion, index, statPool);
  return { index, snapshot, cacheProblems: problem ? [problem] : [] };
}
