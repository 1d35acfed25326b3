// I/O: the coverage command: every source read and validated as `check` reads them, then per article and language whether it is translated, and per language the labels the site leaves to polyfeed or misses; builds no feed, writes nothing.
import { fallbackChainOf } from '../model/fallback-chains.js';
import { decodeText } from '../load/decode-text.js';
import { PACKAGED_PREFIX } from '../load/read-packaged-defaults.js';
import type { SettingSources, SourceFile } from '../load/read-sources.js';
import type { BuildError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import { feedTextLabels } from '../model/feed-texts.js';
import { coverageOfArticles } from '../translate/article-coverage.js';
import { coverageOfLabels, type LabelCoverage } from '../translate/label-coverage.js';
import { flattenKeys } from '../translate/flatten-keys.js';
import { labelsOfLanguage, type LabelTree } from '../translate/labels-of-language.js';
import type { SiteCoverage } from '../translate/site-coverage.js';
import { outdatedTranslationProblems } from '../translate/outdated-translations.js';
import { LABEL_NAMESPACE } from '../translate/validate-locales.js';
import { exitCodeFor, ExitCode, type RunOutcome } from './run-outcome.js';
import type { RunOptions } from './start-run.js';
import { readSiteOnly } from './read-site-only.js';
import { FALLBACK_NOTE_KEY, languageLabelKeys, validateSettings } from './validate-site.js';
import { chooseLanguages } from './choose-languages.js';
import type { ReadSiteResult } from './read-site.js';
import type { PublicationWindow } from '../model/publication-window.js';
import { SUBSCRIBE_LABEL_KEYS } from '../model/site-pages.js';

/** What `coverage` takes besides a run's options; `strict` also fails the run on an outdated translation. */
export interface CoverageOptions extends RunOptions {
  readonly cacheVersion: string;
}

/** A label file as a tree; undefined when it does not read as one (check reports why). */
function labelTreeOf(file: SourceFile | undefined): LabelTree | undefined {
  if (!file) return undefined;
  const text = decodeText(file).value;
  if (text === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as LabelTree) : undefined;
  } catch {
    return undefined;
  }
}

function coverageOfSiteLabels(sources: SettingSources, config: SiteConfig, labelKeys: readonly string[]): LabelCoverage[] {
  const byPath = new Map([...sources.localeFiles, ...sources.packaged.localeFiles].map((file) => [file.path, file]));
  const pathOf = (lang: string) => `locales/${lang}/${LABEL_NAMESPACE}.json`;
  // The config's feed texts are the site's own words, as much as its locales/ files.
  const siteLabels = (lang: string) => labelsOfLanguage(feedTextLabels(config, lang), labelTreeOf(byPath.get(pathOf(lang))));
  const packagedLabels = (lang: string) => labelTreeOf(byPath.get(`${PACKAGED_PREFIX}${pathOf(lang)}`));
  // Every language needs the keys the default language has, as check requires.
  const reference = labelsOfLanguage(packagedLabels(config.defaultLanguage), siteLabels(config.defaultLanguage));
  // Labels polyfeed ships for a setting the site may not use (the fallback note, the subscribe page's) count only where they are needed.
  const optional = new Set([FALLBACK_NOTE_KEY, ...SUBSCRIBE_LABEL_KEYS]);
  const keys = [...labelKeys, ...[...flattenKeys(reference ?? {}).keys()].filter((key) => !optional.has(key) || labelKeys.includes(key))];
  const labelFallbackChain = (lang: string) => fallbackChainOf(config.labelFallbacks, lang);
  return coverageOfLabels({ languages: config.languages, keys, siteLabels, packagedLabels, labelFallbackChain, languageKeys: languageLabelKeys(config) });
}

/** The coverage of a site as read (its config valid), in `chosen` languages (--languages, in the config's order) or all; undefined when the config is not valid. */
export function coverageOfReadSite(read: ReadSiteResult, window: PublicationWindow, chosen?: readonly string[]): SiteCoverage | undefined {
  const table = read.validated.articleFiles?.files;
  if (!read.config || !table || !('readArticleBytes' in read.sources)) return undefined;
  const { config, sources } = read;
  const languages = chosen === undefined ? config.languages : config.languages.filter((lang) => chosen.includes(lang));
  const articles = coverageOfArticles({
    table,
    languages,
    defaultLanguage: config.defaultLanguage,
    window,
    translationOfRow: (row) => table.translationOfAt(row),
    fallbackChainOf: (lang) => fallbackChainOf(config.fallbacks, lang),
  });
  const labels = coverageOfSiteLabels(sources, config, validateSettings(sources).labelKeys ?? []).filter((entry) => languages.includes(entry.lang));
  return { languages, defaultLanguage: config.defaultLanguage, articles, labels };
}

/** Runs `polyfeed coverage`: it reads the index of the last build (to validate only changed articles again) but writes nothing. */
export async function runCoverage(options: CoverageOptions): Promise<RunOutcome> {
  const run = await readSiteOnly(options, options.cacheVersion);
  if ('usage' in run) return { kind: 'usage', message: run.usage };
  const { read, cacheProblems } = run;
  const problems: BuildError[] = [...read.validated.errors, ...cacheProblems];
  const configInvalid = read.validated.configErrors.length > 0;
  const chosen = chooseLanguages(options.languages, read.config?.languages ?? []);
  if (read.config && 'problem' in chosen) return { kind: 'usage', message: chosen.problem };
  const coverage = coverageOfReadSite(read, options.window, 'languages' in chosen ? chosen.languages : undefined);
  if (coverage) problems.push(...outdatedTranslationProblems(coverage));
  const exitCode = exitCodeFor(problems, configInvalid, options.strict);
  const ok = exitCode === ExitCode.ok;
  return { kind: 'report', exitCode, problems, sources: read.sources, ok, coverage };
}
