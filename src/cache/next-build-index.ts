// Pure: what a successful build read and wrote → the index the next build starts from.
import type { BuildError } from '../model/build-error.js';
import { ArticleTable } from '../model/article-table.js';
import { validationContextDigestOf, type BuildIndex } from './build-index.js';
import { isCacheProblem } from './cache-problem.js';
import type { SiteSnapshot } from './snapshot-site.js';
import type { Publication } from '../model/publication-window.js';

/** What the index of a successful build is made from. */
export interface NextBuildIndexInput {
  /** polyfeed's build (see readCacheVersion). */
  readonly cacheVersion: string;
  /** Taken before any source was read. */
  readonly snapshot: SiteSnapshot;
  /** Every article file as validated. */
  readonly articles: ArticleTable;
  /** The config's bytes and the static files' sizes as read to build with. */
  readonly settingsAsRead: { readonly configBytes: Uint8Array | undefined; readonly staticFiles: ReadonlyMap<string, number> };
  readonly outDir: string;
  readonly outOption: string | null;
  readonly outputs: BuildIndex['outputs'];
  /** The config's languages, and those whose recorded outputs are not this build's (see BuildIndex). */
  readonly languages: BuildIndex['languages'];
  readonly pendingLanguages: BuildIndex['pendingLanguages'];
  readonly problems: readonly BuildError[];
  /** When this build started (the clock's milliseconds). */
  readonly startedMs: number;
  /** Its "now" and schedule. */
  readonly publication: Publication;
}

/** The index of this build's inputs and outputs, for the next one. */
export function nextBuildIndex(input: NextBuildIndexInput): BuildIndex {
  const { snapshot } = input;
  // A file or folder changed just before (or while) the build read it may change again within the
  // same tick of the clock, keeping its stamp: it is not trusted next time (as git does).
  const trusted = (mtimeMs: number) => mtimeMs < input.startedMs - RACY_MS;
  const articles = cachedArticlesOf(input.articles, trusted);
  const folderTimes = Object.fromEntries(
    Object.entries(snapshot.listing.folderTimes).map(([folder, stamp]) => [folder, trusted(stamp[0]) ? stamp : ([UNTRUSTED_MTIME, stamp[1]] as const)]),
  );
  const settingFiles = Object.fromEntries(
    Object.entries(snapshot.settingFiles).map(([path, stamp]) => [path, trusted(stamp[1]) ? stamp : ([stamp[0], UNTRUSTED_MTIME, stamp[2]] as const)]),
  );
  return {
    cacheVersion: input.cacheVersion,
    outDir: input.outDir,
    outOption: input.outOption,
    settingFiles,
    validationContextDigest: storedValidationContextDigest(input),
    listing: { files: snapshot.listing.files, folderTimes },
    articles,
    outputs: input.outputs,
    languages: input.languages,
    pendingLanguages: input.pendingLanguages,
    // Warnings about this build's cache are not shown again: the next build reads the cache it writes.
    warnings: input.problems.filter((problem) => problem.severity === 'warning' && !isCacheProblem(problem)),
    publication: input.publication,
  };
}

/**
 * The valid articles, each with its warnings only (shown again while it is unchanged). A row whose
 * stamp is not trusted keeps its digest but gets a stamp no file has: next time its bytes are
 * read and compared, not taken on trust.
 */
function cachedArticlesOf(table: ArticleTable, trusted: (mtimeMs: number) => boolean): ArticleTable {
  const hasOtherProblems = [...table.rowsWithProblems()].some(([, problems]) => problems.some((problem) => problem.severity !== 'warning'));
  let asItIs = !hasOtherProblems;
  for (let row = 0; asItIs && row < table.length; row++) asItIs = table.isArticle(row) && trusted(table.mtimeAt(row));
  if (asItIs) return table; // the usual case: no copy of tens of thousands of rows
  const articles = ArticleTable.empty();
  for (let row = 0; row < table.length; row++) {
    if (!table.isArticle(row)) continue;
    const problems = table.problemsAt(row);
    const stamp = trusted(table.mtimeAt(row)) ? undefined : ([table.sizeAt(row), UNTRUSTED_MTIME, table.inodeAt(row)] as const);
    articles.pushFrom(table, row, { problems: problems.length === 0 ? problems : problems.filter((problem) => problem.severity === 'warning'), stamp });
  }
  return articles;
}

/**
 * The summaries were validated under the config and static files of the snapshot (or taken from
 * the index under them). When those read afterwards, to build with, differ (one was saved while
 * the build ran), no digest is stored: the next build validates every article again.
 */
function storedValidationContextDigest({ cacheVersion, snapshot, settingsAsRead }: NextBuildIndexInput): string {
  const asRead = validationContextDigestOf(cacheVersion, settingsAsRead.configBytes, settingsAsRead.staticFiles);
  return asRead === snapshot.validationContextDigest ? asRead : CHANGED_DURING_BUILD;
}

/** A validation context digest no build computes. */
const CHANGED_DURING_BUILD = '';

/** An mtime no file or folder has: what a stamp that is not trusted is stored with. */
const UNTRUSTED_MTIME = -1;

/** How recent a modification must be for its stamp not to be trusted by the next build (above a file system clock's tick). */
const RACY_MS = 10;
