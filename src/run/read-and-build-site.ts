// I/O (reads only): the site read (changed articles on the pool's threads) and built in memory as `build` makes it, with lazy feed bodies; nothing is written.
import type { BuildError } from '../model/build-error.js';
import { itemTextsReader } from '../cache/item-store.js';
import { feedFormatsOf } from '../model/combined-feed.js';
import type { SiteSnapshot } from '../cache/snapshot-site.js';
import type { BuildOptions, BuildResult } from './build-site.js';
import type { ReadSiteResult } from './read-site.js';
import type { WorkerPool } from './worker-pool.js';
import type { PublicationWindow } from '../model/publication-window.js';
import { chooseLanguages } from './choose-languages.js';
import { isPreview } from '../model/publication-window.js';
import type { PublishedIdsUpdate } from '../translate/validate-published-ids.js';
import { noProgress, type RunProgress } from './run-progress.js';

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
  /** Handed to buildSite (version, cacheVersion, …); `stream`, `knownItems` and `languages` are set here. */
  readonly build: Omit<BuildOptions, 'stream' | 'knownItems' | 'languages'>;
  /** "Now", and whether drafts and scheduled versions are published. */
  readonly window: PublicationWindow;
  /** --languages as given: tags of the config's languages to build alone; undefined for every language. */
  readonly languages: readonly string[] | undefined;
  /** Check the published ids against published-ids.tsv (a build; `accept` with --accept-id-changes); undefined not to. */
  readonly guardIds?: { readonly accept: boolean } | undefined;
  /** Told when rendering begins (after the site is read); the pool tells it the files read. */
  readonly progress?: RunProgress | undefined;
}

/** The site as read, and its build (lazy bodies: read them all before trusting `result.errors`). */
export interface SiteBuiltInMemory {
  readonly read: ReadSiteResult;
  readonly result: BuildResult;
  /** Item texts are kept in the cache for feeds of the newest items only (feeds of every item would make it as large as the archive). */
  readonly keepsItems: boolean;
  /**
   * What the build would do to published-ids.tsv, when the ids were guarded and the site is
   * valid; never for a preview build (its drafts and scheduled versions are not published).
   */
  readonly publishedIds: PublishedIdsUpdate | undefined;
}

/**
 * Reads and validates the site, then builds its feeds with lazy bodies (made as they are read),
 * taking known item texts from the cache; or, when --languages names a language the config does
 * not have, says so (a usage problem) without building.
 */
export async function readAndBuildSite(input: ReadAndBuildInput): Promise<SiteBuiltInMemory | { readonly usage: string }> {
  const { root, cache, snapshot, pool, cacheProblems, build, window } = input;
  // Loaded only now: a command decides what it can (the no-op check) without the pipeline.
  const [{ readSite }, { buildSite }, { guardPublishedIds }] = await Promise.all([import('./read-site.js'), import('./build-site.js'), import('./guard-published-ids.js')]);
  const asRead = await readSite(root, snapshot, window, pool);
  (input.progress ?? noProgress).stage('render');
  const guarded = input.guardIds ? guardPublishedIds(root, asRead, input.guardIds.accept) : { read: asRead, publishedIds: undefined };
  const { read } = guarded;
  const publishedIds = isPreview(window) ? undefined : guarded.publishedIds;
  const site = read.validated.site;
  const chosen = chooseLanguages(input.languages, site?.config.languages ?? []);
  if (site && 'problem' in chosen) return { usage: chosen.problem };
  const languages = 'languages' in chosen ? chosen.languages : undefined;
  const keepsItems = site !== undefined && site.config.maxItems > 0;
  const knownItems = cache && keepsItems ? itemTextsReader(root, (lang) => feedFormatsOf(site.config, lang), cacheProblems) : undefined;
  const result = buildSite(read.validated, { ...build, stream: true, knownItems, languages });
  return { read, result, keepsItems, publishedIds };
}
