// I/O: renders and stages the feeds of the languages this thread takes, reading their articles again.
import { renderTools, streamFeeds, type FeedSite, type OutputStream } from '../build.js';
import type { BuildError } from '../errors/build-error.js';
import type { SiteSources } from '../load/read-sources.js';
import type { PublishedEntry } from '../translate/resolve-translations.js';
import { articleReader, validateSettings } from '../validate-site.js';
import { fileBytesUnder } from '../load/read-file-with-stat.js';
import { stageStream, type StagedOutput } from './write-outputs.js';

/** One language's feeds to render: its items as plain data (translations worked out), in feed order. */
export interface FeedJob {
  readonly lang: string;
  readonly entries: readonly PublishedEntry[];
}

/** What a worker is given with each feed job. */
export interface FeedJobContext {
  readonly root: string;
  readonly outDir: string;
  readonly version: string;
  /** The config, labels, templates and static files (no articles): validated again on the worker. */
  readonly settingSources: SiteSources;
}

export interface StagedJob {
  readonly staged: readonly StagedOutput[];
  readonly errors: readonly BuildError[];
}

/** A stream's job as plain data a worker can be sent (its entries' translations worked out). */
export function toFeedJob(stream: OutputStream): FeedJob {
  const { lang, entries } = stream.feed!;
  return { lang, entries: entries.map(({ summary, url, id, translations }) => ({ summary, url, id, translations })) };
}

/** The site a worker renders from: the settings validated again, articles read from the site folder. */
function feedSiteOf(task: FeedJobContext): FeedSite {
  const settings = validateSettings(task.settingSources).settings;
  if (!settings) throw new Error('The settings changed between validation and rendering.');
  const { staticFiles } = task.settingSources;
  return { ...settings, staticFiles, readArticle: articleReader({ config: settings.config, staticFiles }, fileBytesUnder(task.root)) };
}

/** Renders one language's feeds from its entries and stages them (on a worker; the settings are validated again there, which is cheap). */
export function stageFeedJob(context: FeedJobContext, job: FeedJob): StagedJob {
  const site = feedSiteOf(context);
  return stageStream(context.outDir, streamFeeds({ site, lang: job.lang, entries: job.entries, version: context.version, tools: renderTools(site) }));
}
