// Pure (types): what the build command is run with, and what its steps after the build share.
import type { BuildError } from '../model/build-error.js';
import type { BuildIndex } from '../cache/build-index.js';
import type { SiteSnapshot } from '../cache/snapshot-site.js';
import type { PublishedIdsUpdate } from '../translate/validate-published-ids.js';
import type { BuildResult } from './build-site.js';
import type { ReadSiteResult } from './read-site.js';
import type { RunOptions } from './start-run.js';
import type { WorkerPool } from './worker-pool.js';
import type { Publication } from '../model/publication-window.js';

export interface BuildRunOptions extends RunOptions {
  /** --out as given (relative to the working directory), or undefined for the config's outDir. */
  readonly out: string | undefined;
  /** How long to wait for another build writing the same output folder. */
  readonly waitSeconds: number;
  /** Work out what would be written, changed and left alone, and write nothing (not even the cache). */
  readonly dryRun: boolean;
  /** --accept-id-changes: published ids changed or dropped are accepted, and published-ids.tsv is rewritten. */
  readonly acceptIdChanges: boolean;
  /** polyfeed's version, and what the cache is keyed by besides the inputs (see readCacheVersion). */
  readonly version: string;
  readonly cacheVersion: string;
  /** Told once when waiting for another build begins. */
  readonly onWait: (pid: number, outDir: string) => void;
}

/** What the steps after the build need of the run so far. */
export interface BuiltRun {
  readonly options: BuildRunOptions;
  readonly outOption: string | null;
  readonly outDir: string;
  readonly index: BuildIndex | undefined;
  readonly snapshot: SiteSnapshot;
  readonly pool: WorkerPool;
  readonly startedMs: number;
  readonly read: ReadSiteResult;
  readonly result: BuildResult;
  /** Item texts are kept in the cache for feeds of the newest items only (feeds of every item would make it as large as the archive). */
  readonly keepsItems: boolean;
  /** Warnings about the cache met so far. */
  readonly cacheProblems: BuildError[];
  /** The build's "now", preview flags and what waits for its date. */
  readonly publication: Publication;
  /** What the build does to published-ids.tsv (written after the feeds are published). */
  readonly publishedIds: PublishedIdsUpdate | undefined;
}
