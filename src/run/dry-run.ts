// I/O (reads only): what a build would write, change and leave alone in the output folder; nothing is written, not even the cache.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { withoutRepeats } from '../model/without-repeats.js';
import { bodyText, readSideBySide } from '../model/output-file.js';
import { feedFiles } from '../feeds/feed-files.js';
import type { LanguageFeeds } from '../feeds/language-feeds.js';
import { publishedPathsOf } from '../feeds/published-paths.js';
import { staleOutputsOf } from '../cache/next-outputs.js';
import { hashOfFile } from '../write/hash-of-file.js';
import { removableOutputs } from '../write/stale-outputs.js';
import { splitUnchangedFeeds } from './no-op-check.js';
import { pagesCount } from './count-pages.js';
import { publishedIdsSummary } from './publish-published-ids.js';
import { exitCodeFor, ExitCode, type RunOutcome } from './run-outcome.js';
import type { BuiltRun } from './built-run.js';
import { itemsIn, noProgress } from './run-progress.js';

/** Said only when the build would remove feeds: those of languages or formats no longer in the config, or archive pages no longer needed. */
function wouldRemove(removed: readonly string[]): string {
  return removed.length === 0 ? '' : `, ${removed.length} would be removed (no longer made)`;
}

/**
 * Makes every feed a build would write (on this thread: a dry run stages nothing) and compares
 * its bytes with the file in the output folder. Feeds whose fingerprint and files are what the
 * last build left are left alone without being made, as a real build leaves them.
 */
export function dryRun(run: BuiltRun): RunOutcome {
  const { outDir, result, read, cacheProblems, options } = run;
  const paths = result.feeds.flatMap((feeds) => feeds.paths);
  const pages = result.pages ? [result.pages] : [];
  const pagePaths = pages.flatMap((made) => made.paths);
  const { kept, toMake } = splitUnchangedFeeds(result.feeds, run.index, outDir);
  const { kept: pagesKept, toMake: pagesToMake } = splitUnchangedFeeds(pages, run.index, outDir);
  const added: string[] = [];
  const changed: string[] = [];
  const unchanged = [...kept.flatMap((feeds) => feeds.paths), ...pagesKept.flatMap((made) => made.paths)];
  const compare = (path: string, made: string) => {
    const onDisk = hashOfFile(join(outDir, path));
    (onDisk === undefined ? added : onDisk === made ? unchanged : changed).push(path);
  };
  const renderErrors: BuildError[] = [];
  const progress = options.progress ?? noProgress;
  progress.setTotal(itemsIn(toMake));
  for (const feeds of toMake) {
    const files = feedFiles(feeds, renderErrors);
    // The bodies of a language are made together: all of them are read before any is compared.
    const hashes = files.map(() => createHash('sha256'));
    readSideBySide(files, (chunks) => chunks.forEach((chunk, index) => hashes[index]!.update(chunk, 'utf8')));
    files.forEach((file, index) => compare(file.path, hashes[index]!.digest('hex')));
    progress.advance(feeds.entries.length);
  }
  // The pages are in the build's files already, whole.
  if (pagesToMake.length > 0) {
    for (const file of result.files.filter((output) => pagePaths.includes(output.path))) compare(file.path, createHash('sha256').update(bodyText(file.body), 'utf8').digest('hex'));
  }
  const copies = compressedCopiesOf(result.feeds, outDir, new Set(changed));
  const previous = run.index?.outDir === outDir ? run.index.outputs : undefined;
  const removed = removableOutputs(outDir, staleOutputsOf(previous, [...[...result.feeds, ...result.skippedLanguages].flatMap(publishedPathsOf), ...pagePaths]));
  const problems = [...result.errors, ...withoutRepeats(renderErrors), ...cacheProblems];
  const exitCode = exitCodeFor(problems, false, options.strict);
  const ok = exitCode === ExitCode.ok;
  const lines = [
    ...[...added, ...copies.added].map((path) => `  would add     ${path}`),
    ...[...changed, ...copies.changed].map((path) => `  would change  ${path}`),
    ...removed.map((path) => `  would remove  ${path}`),
    ...(run.publishedIds ? [publishedIdsSummary(run.publishedIds, true)] : []),
    `Dry run: ${added.length + changed.length} of ${paths.length} feeds${pagesCount(pagePaths)} in ${outDir} would be written (${added.length} new, ${changed.length} changed), ${unchanged.length} left alone${wouldRemove(removed)}; nothing was written.`,
  ];
  return {
    kind: 'report',
    exitCode,
    problems,
    sources: read.sources,
    ok,
    output: { dir: outDir, written: [], unchanged, removed: [], dryRun: { added: [...added, ...copies.added], changed: [...changed, ...copies.changed], removed } },
    publication: run.publication,
    ...(ok ? { summary: lines } : { notice: 'Dry run: nothing was written; these problems would stop the build.' }),
  };
}

/**
 * The compressed copies (`precompress`) a build would write: those missing, and those of feed
 * files whose bytes would change. A copy present beside an unchanged feed is taken to be its
 * copy, as the build takes it when the feed's record holds (checking would mean compressing).
 */
function compressedCopiesOf(feeds: readonly LanguageFeeds[], outDir: string, changedFeeds: ReadonlySet<string>): { added: string[]; changed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const languageFeeds of feeds) {
    for (const copy of languageFeeds.compressedPaths) {
      if (!existsSync(join(outDir, copy))) added.push(copy);
      else if (changedFeeds.has(copy.slice(0, copy.lastIndexOf('.')))) changed.push(copy);
    }
  }
  return { added, changed };
}
