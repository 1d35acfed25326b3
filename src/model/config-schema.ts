// Pure: the zod schema of polyfeed.config.yaml.
import { z } from 'zod';
import { canonicalLanguageTag } from './language-tag.js';
import { AbsoluteUrlSchema, AuthorSchema, UrlReferenceSchema } from './shared-schemas.js';
import { addProblem, problemRefinement } from './schema-problem.js';
import { addUrlIssue, permalinkProblem } from './url-rule.js';
import { ContentSchema } from './content-schema.js';
import { FEED_TEXT_FIELDS, FeedTextSchema } from './feed-texts.js';
import { DEFAULT_PERMALINK, type PermalinkPatterns, firstClashingLanguages, namesArticle, permalinkPatternOf, toPermalinkPatterns } from './permalink-patterns.js';
import { staticDirProblem } from './static-dir-rule.js';
import { addFallbackProblems, FallbackChainsSchema } from './fallback-chains.js';
import { COMBINED_FEED_LANG } from './combined-feed.js';
import { PRECOMPRESS_ENCODINGS } from './precompress.js';

/** One permalink pattern: a path on the site that names the article. */
const PermalinkPatternSchema = z
  .string()
  .refine(namesArticle, problemRefinement({ code: 'INVALID_VALUE', params: { kind: 'permalink-without' } }))
  .superRefine((pattern, context) => addUrlIssue(permalinkProblem(pattern), context));

export const LanguageTagSchema = z.string().superRefine((tag, context) => {
  const canonical = canonicalLanguageTag(tag);
  if (canonical === undefined) {
    addProblem(context, { code: 'INVALID_LANGUAGE_TAG', params: { kind: 'config-not-a-tag', tag } });
  } else if (canonical !== tag) {
    addProblem(context, { code: 'INVALID_LANGUAGE_TAG', params: { kind: 'config-spelling', tag, canonical } });
  }
});

/** A numbering system Intl knows (`arab`, `arabext`, `deva`, `latn`…), for `digits`. */
const NumberingSystemSchema = z.enum(Intl.supportedValuesOf('numberingSystem') as [string, ...string[]]);

/** Whether Intl knows `zone` as an IANA time zone. */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const FeedFormatSchema = z.enum(['rss', 'atom', 'json']);

/** A feed format polyfeed writes. */
export type FeedFormat = z.infer<typeof FeedFormatSchema>;

export const ConfigSchema = z
  .strictObject({
    baseUrl: AbsoluteUrlSchema.refine((url) => !url.includes('?') && !url.includes('#'), problemRefinement({ code: 'INVALID_URL', params: { kind: 'base-url-with-query' } })).transform((url) => (url.endsWith('/') ? url : `${url}/`)).describe(
      'Absolute URL the site is published at, e.g. `https://news.example.org/`.',
    ),
    languages: z.array(LanguageTagSchema).min(1).describe('Languages of the site (BCP 47 tags).'),
    defaultLanguage: LanguageTagSchema.describe('The main language; must be one of `languages`. Required.'),
    outDir: z.string().trim().min(1).default('public').describe(
      'Output folder, relative to the site folder. Never the site folder, a folder holding it, or a folder polyfeed reads (`articles/`, `locales/`, `templates/`, `static/`, `.polyfeed-cache/`), inside one or holding one.',
    ),
    formats: z.array(FeedFormatSchema).min(1).default(['rss', 'atom', 'json']).describe('Feed formats to write.'),
    combinedFeed: z
      .array(FeedFormatSchema)
      .default([])
      .describe('Formats of the combined feed (`mul/`): every published version of every language in one feed, each item marked with its language. Empty (the default): none.'),
    maxItems: z.number().int().min(0).default(50).describe('Newest items per feed; `0` puts every item in.'),
    archivePageSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Keep older items in RFC 5005 archive pages of this many items each (`<lang>/archive/<n>/`); the current feed keeps the newest `maxItems`. Unset: no archives.'),
    summaryLength: z
      .number()
      .int()
      .min(10)
      .max(2000)
      .optional()
      .describe('An article without `summary` gets one made from the text of its body\'s first paragraphs: at most this many characters (grapheme clusters), cut between words as `Intl.Segmenter` finds them in its language, with "…". Unset: none is made.'),
    authors: z.array(AuthorSchema).min(1).describe('Default authors for articles that name none.'),
    title: FeedTextSchema.optional().describe('The feeds\' title: one text, or one per language (`{ en: River News, fr: Nouvelles du fleuve }`). A site\'s `locales/<lang>/feed.json` `feed.title` takes its place.'),
    description: FeedTextSchema.optional().describe('The feeds\' description (RSS `description`, Atom `subtitle`): one text, or one per language. `feed.description` in `locales/` takes its place.'),
    copyright: FeedTextSchema.optional().describe('The feeds\' rights statement: one text, or one per language. `feed.copyright` in `locales/` takes its place.'),
    permalink: z
      .union([PermalinkPatternSchema, z.record(z.string(), PermalinkPatternSchema)])
      .default(DEFAULT_PERMALINK)
      .transform(toPermalinkPatterns)
      .describe(
        'Article URL pattern relative to `baseUrl`, with `{key}` (the folder name) or `{slug}` (the front matter\'s `slug`, else the key), and `{lang}`; or patterns by language, `{ en: \'{key}/\', default: \'{lang}/{key}/\' }`. No two languages may have patterns that can make the same URL.',
      ),
    fallbacks: FallbackChainsSchema.default({}).describe(
      'Per language, where an article without a published version in it is taken from: `{ pt-BR: [pt-PT, en] }` (the first language of the chain with a published version; one language may be written alone). A language not named leaves such articles out. The item stays the other version, marked as its language, with a note in the feed\'s language. See "Translations".',
    ),
    labelFallbacks: FallbackChainsSchema.default({}).describe(
      'Per language, which languages\' labels fill the labels it lacks, key by key: `{ pt-PT: [pt-BR] }`. A label missing with no fallback named is an error. See "Translations".',
    ),
    missingDefaultLanguage: z
      .enum(['error', 'warning', 'allow'])
      .default('warning')
      .describe('An article without a `defaultLanguage` version: `error`, `warning` or `allow`.'),
    maxFileSizeKb: z.number().int().positive().default(1024).describe('Largest article file accepted, in KiB.'),
    icon: UrlReferenceSchema.optional().describe('Small square image (favicon): Atom `icon`, JSON Feed `favicon`.'),
    logo: UrlReferenceSchema.optional().describe('Larger image: RSS `image`, Atom `logo`, JSON Feed `icon`.'),
    ttlMinutes: z.number().int().positive().optional().describe('How often readers should poll: RSS `ttl` and `sy:updatePeriod`.'),
    hub: AbsoluteUrlSchema.optional().describe('WebSub hub URL, announced in every current feed; `polyfeed ping` and `build --ping` notify it of the feeds a build changed. See "WebSub".'),
    precompress: z
      .array(z.enum(PRECOMPRESS_ENCODINGS))
      .default([])
      .describe('Also write a compressed copy beside every feed file, for a static host to serve as it is: `[gzip, brotli]` writes `rss.xml.gz` and `rss.xml.br`. Empty (the default): none. See "Static hosts".'),
    content: ContentSchema.describe(
      'Where the articles are and how they are laid out: `{ dir, layout, fields }`. Default: `{ dir: articles, layout: polyfeed }`. See "Coming from another generator".',
    ),
    timezone: z
      .string()
      .superRefine((zone, context) => {
        if (!isKnownTimeZone(zone)) addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'unknown-timezone', zone } });
      })
      .optional()
      .describe('IANA time zone (`Europe/Berlin`) in which dates written without an offset are read (`2024-01-02`, `2024-01-02 10:00`). In the other generators\' layouts; `polyfeed new` dates articles in it too.'),
    subscribePage: z
      .boolean()
      .default(false)
      .describe(
        'Pages for people: `index.html`, a subscribe page listing every feed with autodiscovery links and how to subscribe; `feeds-head.html`, the same links for the site\'s own `<head>`; and `feed.css`, which the RSS and Atom feeds link to, with a translated note, so that a feed opened in a browser reads as a page. `polyfeed init` sets it. See "A page for people".',
      ),
    stylesheet: UrlReferenceSchema.optional().describe(
      'The site\'s own stylesheet for people who open an RSS or Atom feed in a browser (CSS; XSLT is deprecated: browsers are removing it): it replaces the `feed.css` of `subscribePage`.',
    ),
    staticDir: z
      .string()
      .trim()
      .min(1)
      .superRefine((folder, context) => {
        const problem = staticDirProblem(folder);
        if (problem) addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'static-dir', folder, problem } });
      })
      .optional()
      .describe('The site\'s own folder of static files (Hugo `static/`, Astro `public/`), relative to the site folder, e.g. `../static`: images given by site path are looked for under `static/`, then there.'),
    remoteImages: z
      .array(UrlReferenceSchema)
      .optional()
      .describe('Where images polyfeed cannot see may be: origins or URL prefixes (`https://cdn.example.com/`) and site paths (`/uploads/`). Set, an image on another host must be under one of them. Unset: images on other hosts are not checked.'),
    digits: z
      .record(z.string(), NumberingSystemSchema)
      .optional()
      .describe('Per language, the digits its dates and the numbers in its labels are written with, as an Intl numbering system: `{ ar: arab }` for Arabic-Indic digits (٣ دقائق), `fa: arabext`, `hi: deva`. Unset: the digits Intl uses for the language (Latin for `ar`).'),
    helpers: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('A JavaScript module of the site (relative to the site folder, e.g. `./feed-helpers.mjs`) whose exported functions templates may call as Handlebars helpers.'),
  })
  .superRefine((config, context) => {
    config.languages.forEach((lang, index) => {
      if (config.languages.indexOf(lang) !== index) {
        addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'language-twice', lang } }, ['languages', index]);
      }
    });
    if (Array.isArray(config.combinedFeed) && config.combinedFeed.length > 0 && Array.isArray(config.languages)) {
      const index = config.languages.indexOf(COMBINED_FEED_LANG);
      if (index !== -1) addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'combined-feed-folder-taken' } }, ['languages', index]);
    }
    if (config.archivePageSize !== undefined && config.maxItems === 0) {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'archives-need-max-items' } }, ['archivePageSize']);
    }
    // zod runs these checks even when a field failed: each looks only at what it can trust.
    const permalink: unknown = config.permalink;
    if (permalink !== null && typeof permalink === 'object' && Array.isArray(config.languages)) {
      for (const lang of Object.keys(permalink)) {
        if (lang !== 'default' && !config.languages.includes(lang)) {
          addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'permalink-language-not-listed', lang } }, ['permalink', lang]);
        }
      }
    }
    const clash = arePatterns(permalink) && Array.isArray(config.languages) ? firstClashingLanguages(permalink, config.languages) : undefined;
    if (clash) {
      const [a, b] = clash;
      const patterns = permalink as PermalinkPatterns;
      // At the later language's own pattern when it has one, else at the setting.
      const pathOf = (lang: string) => (Object.hasOwn(patterns, lang) ? ['permalink', lang] : ['permalink']);
      addProblem(
        context,
        { code: 'INVALID_VALUE', params: { kind: 'permalinks-clash', languages: [a, b], patterns: [permalinkPatternOf(patterns, a), permalinkPatternOf(patterns, b)] } },
        pathOf(b),
      );
    }
    for (const field of FEED_TEXT_FIELDS) {
      const text: unknown = config[field];
      if (text === null || typeof text !== 'object' || !Array.isArray(config.languages)) continue;
      for (const lang of Object.keys(text)) {
        if (!config.languages.includes(lang)) addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'feed-text-language-not-listed', lang, field } }, [field, lang]);
      }
    }
    const digits: unknown = config.digits;
    if (digits !== null && typeof digits === 'object' && Array.isArray(config.languages)) {
      for (const lang of Object.keys(digits)) {
        if (!config.languages.includes(lang)) addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'setting-language-not-listed', lang, field: 'digits' } }, ['digits', lang]);
      }
    }
    if (Array.isArray(config.languages)) {
      addFallbackProblems(context, 'fallbacks', config.fallbacks, config.languages);
      addFallbackProblems(context, 'labelFallbacks', config.labelFallbacks, config.languages);
    }
    if (!config.languages.includes(config.defaultLanguage)) {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'default-language-not-listed', lang: config.defaultLanguage } }, ['defaultLanguage']);
    }
  });

/** Whether `value` is the permalink setting as the schema makes it: a pattern for `default` and each language named, every one valid. */
function arePatterns(value: unknown): value is PermalinkPatterns {
  if (value === null || typeof value !== 'object') return false;
  const patterns = Object.values(value);
  return typeof (value as Record<string, unknown>).default === 'string' && patterns.every((pattern) => typeof pattern === 'string' && PermalinkPatternSchema.safeParse(pattern).success);
}

/** Site settings as validated, defaults filled in. */
export type SiteConfig = z.output<typeof ConfigSchema>;
