// I/O (stats only): whether a build would write the same bytes as the last one, told from sizes and modification times.
import { sameRecords, sameStamp, sameStamps, type BuildIndex } from '../cache/build-index.js';
import { statOutputs } from '../cache/index-store.js';
import type { SiteSnapshot } from '../cache/snapshot-site.js';
import type { LanguageFeeds } from '../feeds/language-feeds.js';
import { publishedPathsOf } from '../feeds/published-paths.js';
import { sameFolderStamp } from '../load/list-article-tree.js';
import type { FileStamp } from '../model/file-stamp.js';
import { hasLockFolder } from '../write/output-lock.js';
import { isCombinedFeed } from '../model/combined-feed.js';
import { isSamePublication, type PublicationWindow } from '../model/publication-window.js';

export interface NoOpCheckInput {
  readonly index: BuildIndex;
  readonly snapshot: SiteSnapshot;
  /** The --out folder, absolute, or null for the config's. */
  readonly outOption: string | null;
  readonly strict: boolean;
  readonly cacheVersion: string;
  readonly window: PublicationWindow;
  /** The languages the build makes (as the config spells them); undefined for every language. */
  readonly languages?: readonly string[] | undefined;
}

/** Whether a build with `window` publishes the versions the last build published: same preview flags, and nothing fell due since. */
function samePublication(publication: BuildIndex['publication'], window: PublicationWindow): boolean {
  if (publication.drafts !== window.drafts || publication.future !== window.future) return false;
  // A build with --future publishes every date: "now" changes nothing.
  return window.future || isSamePublication(publication, window.nowMs);
}

/**
 * The no-op check: when no input file and no output file changed since the last successful build
 * (sizes and modification times, see cache/), and no article fell due since, the build would
 * write the same bytes, so it is skipped without loading the pipeline at all.
 */
export function isUnchanged({ index, snapshot, outOption, strict, cacheVersion, window, languages }: NoOpCheckInput): boolean {
  if (index.cacheVersion !== cacheVersion || index.outOption !== outOption) return false;
  if (!samePublication(index.publication, window)) return false;
  // The feeds of a language the last build left out (--languages) may not be made from its inputs.
  // The combined feed ("mul") is pending for a build of every language.
  const building = languages ?? index.languages;
  const builds = (lang: string) => (isCombinedFeed(lang) ? index.languages.every((configured) => building.includes(configured)) : building.includes(lang));
  if (index.pendingLanguages.some(builds)) return false;
  if (strict && index.warnings.length > 0) return false;
  const { changes } = snapshot;
  if (changes.changed.length > 0 || changes.removed > 0 || index.validationContextDigest !== snapshot.validationContextDigest) return false;
  // A folder added, removed or changed (even one without an article file: an empty folder is a problem) is a change.
  if (!sameRecords(index.listing.folderTimes, snapshot.listing.folderTimes, sameFolderStamp)) return false;
  if (!sameStamps(index.settingFiles, snapshot.settingFiles)) return false;
  // A lock folder is left by a build that was killed (with its leftovers, maybe a publish to undo) or is running.
  if (hasLockFolder(index.outDir)) return false;
  const recorded = Object.fromEntries(Object.entries(index.outputs).map(([path, output]) => [path, output.stamp]));
  return sameStamps(recorded, statOutputs(index.outDir, Object.keys(index.outputs)));
}

/** What the build makes together and describes before it makes it: a language's feeds, or the site's pages. */
type Described = Pick<LanguageFeeds, 'paths' | 'compressedPaths' | 'fingerprint'>;

/** Feeds (or pages) whose fingerprint and files on disk (compressed copies too) are what the last build left: their bytes would be the same. */
function isFeedsUnchanged(feeds: Described, previous: BuildIndex['outputs'], onDisk: Readonly<Record<string, FileStamp>>): boolean {
  return publishedPathsOf(feeds).every((path) => previous[path]?.fingerprint === feeds.fingerprint && sameStamp(previous[path]?.stamp, onDisk[path]));
}

/**
 * The feeds (or pages) a build leaves alone without making them (their fingerprint and files are
 * what the last build into `outDir` left) and those it makes: one rule for the build and its dry run.
 */
export function splitUnchangedFeeds<Made extends Described>(feeds: readonly Made[], index: BuildIndex | undefined, outDir: string): { kept: Made[]; toMake: Made[] } {
  const previous = index?.outDir === outDir ? index.outputs : {};
  const onDisk = statOutputs(outDir, feeds.flatMap(publishedPathsOf));
  const kept = feeds.filter((languageFeeds) => isFeedsUnchanged(languageFeeds, previous, onDisk));
  return { kept, toMake: feeds.filter((languageFeeds) => !kept.includes(languageFeeds)) };
}
