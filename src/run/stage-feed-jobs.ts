// I/O: renders and stages the feeds of the languages a worker takes, a slice of their entries at a time, reading their articles again.
import type { FeedSite } from '../feeds/feed-site.js';
import { feedWriter } from '../feeds/feed-writer.js';
import { feedPaths } from '../feeds/language-feeds.js';
import type { FeedDocument } from '../serialize/build-feed-model.js';
import { renderTools, type RenderTools } from '../feeds/render-entries.js';
import type { SettingSources } from '../load/read-sources.js';
import type { PublishedEntry } from '../translate/published-entry.js';
import { articleReader, validateSettings } from './validate-site.js';
import { fileBytesUnder } from '../load/read-file-with-stat.js';
import { siteHelpersReader } from '../load/read-site-helpers.js';
import { StagingFiles, stagingFailure, type StagingResult } from '../write/staging-files.js';

/** What a worker is given when a language's feeds begin. */
export interface FeedJobContext {
  readonly root: string;
  readonly outDir: string;
  readonly version: string;
  /** The config, labels, templates and static files (no articles): validated again on the worker. */
  readonly settingSources: SettingSources;
}

/** One document of a language's feeds to begin: the newest update among all their entries is the feeds' own date. */
export interface FeedJobStart {
  readonly lang: string;
  readonly document: FeedDocument;
  readonly newestUpdateMs: number;
}

/** Entries as plain data a worker can be sent (their translations worked out). */
export function toJobEntries(entries: readonly PublishedEntry[]): PublishedEntry[] {
  return entries.map(({ summary, url, id, translations, digest, fallbackFor }) => ({ summary, url, id, translations, digest, fallbackFor }));
}

/** The site a worker renders from: the settings validated again, articles read from the site folder. */
function feedSiteOf(task: FeedJobContext): FeedSite {
  const settings = validateSettings({ ...task.settingSources, readHelpers: siteHelpersReader(task.root) }).settings;
  if (!settings) throw new Error('The settings changed between validation and rendering.');
  const { staticFiles } = task.settingSources;
  return { ...settings, staticFiles, readArticle: articleReader({ config: settings.config, staticFiles }, fileBytesUnder(task.root)) };
}

/** A worker serves one build and renders several of its languages: their site and tools are made once. */
let lastSite: { readonly key: string; readonly site: FeedSite; readonly tools: RenderTools } | undefined;

function renderingSiteOf(context: FeedJobContext): { site: FeedSite; tools: RenderTools } {
  const key = JSON.stringify([context.root, context.outDir, context.version]);
  if (lastSite?.key !== key) {
    const site = feedSiteOf(context);
    lastSite = { key, site, tools: renderTools(site) };
  }
  return lastSite;
}

/** A language's feeds being staged: entries are added a slice at a time, so a worker never holds all of them. */
export interface FeedJobInProgress {
  add(entries: readonly PublishedEntry[]): void;
  end(): StagingResult;
  abort(): void;
}

/**
 * Begins a language's feeds: their temporary files are opened and their heads written. A write
 * that fails (a full disk, say) removes them and ends the job with the problem; the remaining
 * steps then do nothing.
 */
export function beginFeedJob(context: FeedJobContext, start: FeedJobStart): FeedJobInProgress {
  const { site, tools } = renderingSiteOf(context);
  const writer = feedWriter({ site, lang: start.lang, document: start.document, newestUpdateMs: start.newestUpdateMs, version: context.version, tools });
  let failed: StagingResult | undefined;
  let files: StagingFiles | undefined;
  const guarded = (step: () => void): void => {
    if (failed) return;
    try {
      step();
    } catch (error) {
      files?.abort();
      failed = { staged: [], errors: [stagingFailure(context, error)] };
    }
  };
  guarded(() => {
    files = StagingFiles.open(context.outDir, feedPaths(site.config, start.lang, start.document.page));
    files.write(writer.head());
  });
  return {
    add: (entries) => guarded(() => {
      for (const chunk of writer.entries(entries)) files!.write(chunk);
    }),
    end: () => {
      let result: StagingResult | undefined;
      guarded(() => {
        files!.write(writer.tail());
        result = files!.finish(writer.errors());
      });
      return failed ?? result!;
    },
    abort: () => files?.abort(),
  };
}
