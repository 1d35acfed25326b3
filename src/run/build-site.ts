// Pure; reads articles through the reader its sources give: sources in, output files and problems out (the build in memory, writing nothing).
import type { BuildError } from '../model/build-error.js';
import { withoutRepeats } from '../model/without-repeats.js';
import { bodyText, type OutputFile } from '../model/output-file.js';
import type { ValidatedArticleFiles } from '../model/article-table.js';
import type { SiteSources } from '../load/read-sources.js';
import { feedFiles } from '../feeds/feed-files.js';
import type { ItemTexts } from '../feeds/feed-writer.js';
import { combinedFeedsOf, languageFeedsOf, type FeedsOutline, type LanguageFeeds } from '../feeds/language-feeds.js';
import { readEntries, renderEntries, renderTools } from '../feeds/render-entries.js';
import { validateSite, type ValidateSiteResult } from './validate-site.js';
import { sitePagesOf, type SitePages } from '../feeds/site-pages.js';
import type { PublicationWindow } from '../model/publication-window.js';

/** What `build` made: the output files (relative to the output folder) and every problem found. */
export interface BuildResult {
  /**
   * Every output file; none when a source is invalid. Bodies are whole strings, or lazy with
   * `stream: true` (see LazyBody): problems met while a lazy body is made are added to `errors`
   * as it is read, so read every body before trusting `errors`.
   */
  readonly files: readonly OutputFile[];
  /** Every problem, errors and warnings, of every source (sorted by the report formatters, not here). Any error means no files. */
  readonly errors: readonly BuildError[];
  /** Each language's feeds, as made (for a writer that skips unchanged feeds or renders them on other threads), then the combined feed's (`lang` "mul"). */
  readonly feeds: readonly LanguageFeeds[];
  /**
   * The pages for people (config `subscribePage`: the subscribe page, its snippet, the feeds'
   * stylesheet), described; undefined without. Their files are in `files` too. They depend on no
   * article, so a build of some languages makes them as well.
   */
  readonly pages: SitePages | undefined;
  /** The configured languages left out by `BuildOptions.languages`, and the combined feed when any is: their paths and fingerprints, nothing rendered. */
  readonly skippedLanguages: readonly FeedsOutline[];
  /** True when the problems are in polyfeed.config.yaml (a usage error, exit code 2). */
  readonly configInvalid: boolean;
  /** The output folder from the config, relative to the site folder. */
  readonly outDir: string | undefined;
  /** Every article file as validated on its own (for the cache of the next build). */
  readonly articleFiles: ValidatedArticleFiles | undefined;
}

/** When a build happens, and what it publishes besides what is due. */
export interface PublicationOptions {
  /** "Now": versions dated later are scheduled and left out of every feed. The clock at the call by default. */
  readonly now?: Date;
  /** Publish drafts too (a preview build). False by default. */
  readonly drafts?: boolean;
  /** Publish scheduled versions too (a preview build). False by default. */
  readonly future?: boolean;
}

/** The window of a build from its options: the clock is read here, at the library's edge, when no "now" is given. */
export function windowOf(options: PublicationOptions): PublicationWindow {
  const nowMs = options.now?.getTime() ?? Date.now();
  if (!Number.isFinite(nowMs)) throw new RangeError('The "now" option is an invalid Date.');
  return { nowMs, drafts: options.drafts ?? false, future: options.future ?? false };
}

/** How `build` builds; every option has a default, so `build(sources)` builds what the CLI publishes at the clock's "now". */
export interface BuildOptions extends PublicationOptions {
  /** polyfeed's version, written into each feed's generator element; the package's version by default. */
  readonly version?: string;
  /** Give lazy bodies instead of whole strings; the default is lazy when `maxItems` is 0 (feeds of every item). */
  readonly stream?: boolean;
  /** What item keys and feed fingerprints depend on besides the inputs (polyfeed's code, Node.js); `version` by default. */
  readonly cacheVersion?: string;
  /** Item texts an earlier build made, per language, by item key: those items are not rendered again. */
  readonly knownItems?: (lang: string) => ReadonlyMap<string, ItemTexts> | undefined;
  /**
   * Make the feeds of these languages only (tags of the config; others are ignored); every
   * configured language by default. Every article is still validated and linked to its
   * translations, so these feeds are the bytes a build of every language gives. The combined
   * feed is made only when every language is.
   */
  readonly languages?: readonly string[];
}

/** Written into feeds when the caller names no version (the library used without the CLI). */
const UNNAMED_VERSION = 'library';

/** Renders and serializes every feed of a validated site. Returns no files if anything is wrong. */
export function buildSite(validated: ValidateSiteResult, options: BuildOptions = {}): BuildResult {
  const { site, articleFiles } = validated;
  const outDir = site?.config.outDir;
  if (!site) return { files: [], feeds: [], pages: undefined, skippedLanguages: [], errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir, articleFiles };
  const tools = renderTools(site);
  const feedOptions = { ...options, version: options.version ?? UNNAMED_VERSION };
  const chosen = isChosen(options.languages);
  // The combined feed shows every language: a build of some of them leaves it as it was (pending when its inputs changed).
  const combined = combinedFeedsOf(site, feedOptions, tools);
  const everyLanguage = site.config.languages.every(chosen);
  const feeds = [...site.config.languages.filter(chosen).flatMap((lang) => languageFeedsOf(site, lang, feedOptions, tools)), ...(everyLanguage ? combined : [])];
  const skippedLanguages = [
    ...site.config.languages.filter((lang) => !chosen(lang)).flatMap((lang) => languageFeedsOf(site, lang, feedOptions, tools).map(outlineOf)),
    ...(everyLanguage ? [] : combined.map(outlineOf)),
  ];
  const errors = [...validated.errors];
  const pages = sitePagesOf(site, tools, options.cacheVersion ?? feedOptions.version);
  const made = pages?.make();
  errors.push(...(made?.errors ?? []));
  const stream = options.stream ?? site.config.maxItems === 0;
  // The pages are small: lazy like every body when streamed, but made at once.
  const pageFiles = (made?.files ?? []).map((file) => (stream ? { path: file.path, body: () => [bodyText(file.body)] } : file));
  const files = [...feeds.flatMap((languageFeeds) => feedFiles(languageFeeds, errors)), ...pageFiles];
  if (stream) return { files, feeds, pages, skippedLanguages, errors, configInvalid: false, outDir, articleFiles };
  // Feeds of a few items are made whole here: the same parts, read to their end.
  const whole = files.map((file) => ({ path: file.path, body: bodyText(file.body) }));
  const problems = [...validated.errors, ...withoutRepeats(errors.slice(validated.errors.length))];
  const failed = problems.some((error) => error.severity === 'error');
  return { files: failed ? [] : whole, feeds, pages, skippedLanguages, errors: problems, configInvalid: false, outDir, articleFiles };
}

/** Every language when none are named. */
function isChosen(languages: readonly string[] | undefined): (lang: string) => boolean {
  return (lang) => languages === undefined || languages.includes(lang);
}

/** Only what is known before rendering: the parts are never made. */
function outlineOf({ lang, paths, compressedPaths, fingerprint }: LanguageFeeds): FeedsOutline {
  return { lang, paths, compressedPaths, fingerprint };
}

/** Validates every source, then renders and serializes every feed. Returns no files if anything is wrong. */
export function build(sources: SiteSources, options: BuildOptions = {}): BuildResult {
  return buildSite(validateSite(sources, windowOf(options)), options);
}

/** What checking finds: every problem, and whether they are in the config. */
export type CheckResult = Pick<BuildResult, 'errors' | 'configInvalid' | 'outDir' | 'articleFiles'>;

/**
 * Renders one item per language (of `options.languages`, or every one), the newest: template fields and labels that only fail at
 * render time are found without rendering every feed.
 */
export function checkSite(validated: ValidateSiteResult, options: Pick<BuildOptions, 'languages'> = {}): CheckResult {
  const { site, articleFiles } = validated;
  if (!site) return { errors: validated.errors, configInvalid: validated.configErrors.length > 0, outDir: undefined, articleFiles };
  const tools = renderTools(site);
  const renderErrors = site.config.languages.filter(isChosen(options.languages)).flatMap((lang) => {
    const read = readEntries(site, site.published.newestOf(lang, 1));
    return [...read.errors, ...renderEntries(site, read.articles, tools).errors];
  });
  // The subscribe page's template, rendered once: a field it reads that does not exist is found here too.
  renderErrors.push(...(sitePagesOf(site, tools, '')?.make().errors ?? []));
  return { errors: [...validated.errors, ...withoutRepeats(renderErrors)], configInvalid: false, outDir: site.config.outDir, articleFiles };
}

/**
 * Validates every source and renders the newest item of each language (of `options.languages`,
 * or every one); writes nothing. Every option has a default: `check(sources)` checks at the clock's "now".
 */
export function check(sources: SiteSources, options: PublicationOptions & Pick<BuildOptions, 'languages'> = {}): CheckResult {
  return checkSite(validateSite(sources, windowOf(options)), { languages: options.languages });
}
