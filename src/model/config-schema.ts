// Pure: the zod schema of polyfeed.config.yaml.
import { z } from 'zod';
import { canonicalLanguageTag } from './language-tag.js';
import { AbsoluteUrlSchema, AuthorSchema, UrlReferenceSchema } from './shared-schemas.js';
import { addProblem, problemRefinement } from './schema-problem.js';
import { addUrlIssue, permalinkProblem } from './url-rule.js';

export const LanguageTagSchema = z.string().superRefine((tag, context) => {
  const canonical = canonicalLanguageTag(tag);
  if (canonical === undefined) {
    addProblem(context, { code: 'INVALID_LANGUAGE_TAG', params: { kind: 'config-not-a-tag', tag } });
  } else if (canonical !== tag) {
    addProblem(context, { code: 'INVALID_LANGUAGE_TAG', params: { kind: 'config-spelling', tag, canonical } });
  }
});

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
    maxItems: z.number().int().min(0).default(50).describe('Newest items per feed; `0` puts every item in.'),
    archivePageSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Keep older items in RFC 5005 archive pages of this many items each (`<lang>/archive/<n>/`); the current feed keeps the newest `maxItems`. Unset: no archives.'),
    authors: z.array(AuthorSchema).min(1).describe('Default authors for articles that name none.'),
    permalink: z
      .string()
      .refine((pattern) => pattern.includes('{key}'), problemRefinement({ code: 'INVALID_VALUE', params: { kind: 'permalink-without', placeholder: '{key}' } }))
      .refine((pattern) => pattern.includes('{lang}'), problemRefinement({ code: 'INVALID_VALUE', params: { kind: 'permalink-without', placeholder: '{lang}' } }))
      .superRefine((pattern, context) => addUrlIssue(permalinkProblem(pattern), context))
      .default('{lang}/{key}/')
      .describe('Article URL pattern relative to `baseUrl`, with `{lang}` and `{key}`.'),
    missingDefaultLanguage: z
      .enum(['error', 'warning', 'allow'])
      .default('warning')
      .describe('An article without a `defaultLanguage` version: `error`, `warning` or `allow`.'),
    maxFileSizeKb: z.number().int().positive().default(1024).describe('Largest article file accepted, in KiB.'),
    icon: UrlReferenceSchema.optional().describe('Small square image (favicon): Atom `icon`, JSON Feed `favicon`.'),
    logo: UrlReferenceSchema.optional().describe('Larger image: RSS `image`, Atom `logo`, JSON Feed `icon`.'),
    ttlMinutes: z.number().int().positive().optional().describe('How often readers should poll: RSS `ttl` and `sy:updatePeriod`.'),
    hub: AbsoluteUrlSchema.optional().describe('WebSub hub URL, announced in every feed.'),
    stylesheet: UrlReferenceSchema.optional().describe('XSLT or CSS stylesheet for people who open an XML feed in a browser.'),
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
    if (config.archivePageSize !== undefined && config.maxItems === 0) {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'archives-need-max-items' } }, ['archivePageSize']);
    }
    if (!config.languages.includes(config.defaultLanguage)) {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'default-language-not-listed', lang: config.defaultLanguage } }, ['defaultLanguage']);
    }
  });

/** Site settings as validated, defaults filled in. */
export type SiteConfig = z.output<typeof ConfigSchema>;
