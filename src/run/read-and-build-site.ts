// I/O (reads only): the site read (changed articles on the pool's threads) and built in memory as `build` makes it, with lazy feed bodies; nothing is written.
import type { BuildError } from '../model/build-error.js';
import { itemTextsReader } from '../cache/item-store.js';
import type { SiteSnapshot } from '../cache/snapshot-site.js';
import type { BuildOptions, BuildResult } from './build-site.js';
import type { ReadSiteResult } from './read-site.js';
import type { WorkerPool } from './worker-pool.js';

/** What reading and building the site needs of a command's run. */
export interface ReadAndBuildInput {
  /** The site folder, absolute. */
  readonly root: string;
  /** False with --no-cache: no item text is taken from the last build. */
  readonly cache: boolean;
  readonly snapshot: SiteSnapshot;
  readonly pool: WorkerPool;
  /** Warnings about the cache met so far; reading the item texts adds those it meets. */
  readonly cacheProblems: BuildError[];
  /** Handed to buildSite (version, cacheVersion, …); `stream` and `knownItems` are set here. */
  readonly build: Omit<BuildOptions, 'stream' | 'knownItems'>;
}

/** The site as read, and its build (lazy bodies: read them all before trusting `result.errors`). */
export interface SiteBuiltInMemory {
  readonly read: ReadSiteResult;
  readonly result: BuildResult;
  /** Item texts are kept in the cache for feeds of the newest items only (feeds of every item would make it as large as the archive). */
  readonly keepsItems: boolean;
}

/** Reads and validates the site, then builds its feeds with lazy bodies (made as they are read), taking known item texts from the cache. */
export async function readAndBuildSite({ root, cache, snapshot, pool, cacheProblems, build }: ReadAndBuildInput): Promise<SiteBuiltInMemory> {
  // Loaded only now: a command decides what it can (the no-op check) without the pipeline.
  const [{ readSite }, { buildSite }] = await Promise.all([import('./read-site.js'), import('./build-site.js')]);
  const read = await readSite(root, snapshot, pool);
  const site = read.validated.site;
  const keepsItems = site !== undefined && site.config.maxItems > 0;
  const knownItems = cache && keepsItems ? itemTextsReader(root, site.config.formats, cacheProblems) : undefined;
  const result = buildSite(read.validated, { ...build, stream: true, knownItems });
  return { read, result, keepsItems };
}
