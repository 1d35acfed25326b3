// I/O: renders and stages the feeds of the languages this thread takes, reading their articles again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTools, streamFeeds, type FeedSite, type OutputStream } from '../build.js';
import type { BuildError } from '../errors/build-error.js';
import { makeError } from '../errors/error-catalogue.js';
import type { SiteSources } from '../load/read-sources.js';
import type { PublishedEntry } from '../translate/resolve-translations.js';
import { validateArticleFile } from '../validate/validate-article-file.js';
import { validateSettings } from '../validate-site.js';
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
  return {
    ...settings,
    staticFiles,
    readArticle: (entry) => {
      const path = entry.summary.file;
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(task.root, path));
      } catch {
        return { problems: [makeError('FILE_CHANGED_DURING_BUILD', 'The file was removed while the build was running.', { file: path })] };
      }
      return validateArticleFile({ path, bytes, config: settings.config, staticFiles });
    },
  };
}

/** Renders one language's feeds from its entries and stages them (on a worker; the settings are validated again there, which is cheap). */
export function stageFeedJob(context: FeedJobContext, job: FeedJob): StagedJob {
  const site = feedSiteOf(context);
  return stageStream(context.outDir, streamFeeds({ site, lang: job.lang, entries: job.entries, version: context.version, tools: renderTools(site) }));
}
