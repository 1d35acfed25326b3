import type { SiteSources } from '../../src/load/read-sources.js';
import { bodyText } from '../../src/model/output-file.js';
import { build, type BuildOptions, type BuildResult } from '../../src/run/build-site.js';
// Shared factories, arbitraries and readers for the property tests (not a test file itself).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fc } from '@fast-check/vitest';
import { createRequire } from 'node:module';
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { BuildError } from '../../src/model/build-error.js';
import { createMarkdownRenderer } from '../../src/render/render-markdown.js';
import { buildFeedHead, toItemModel } from '../../src/serialize/build-feed-model.js';
import type { FeedModel } from '../../src/serialize/feed-model.js';
import { toAtom } from '../../src/serialize/to-atom.js';
import { toJsonFeed } from '../../src/serialize/to-json-feed.js';
import { toRss } from '../../src/serialize/to-rss.js';
import { publishArticles } from '../helpers/publish-articles.js';
import type { FrontMatter } from '../../src/model/article-schema.js';
import { ConfigSchema, type SiteConfig } from '../../src/model/config-schema.js';
import { parseArticleDate } from '../../src/model/iso-date-time.js';
import type { Article } from '../../src/model/article.js';
import { minimalConfig, siteFiles } from '../helpers/site-fixture.js';

const require = createRequire(import.meta.url);

export const BASE_URL = 'https://example.org/';

// https://www.w3.org/TR/xml/#charsets — the same rule the serializer is meant to apply.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML 1.0 can carry it: the characters it forbids removed. */
export function xmlClean(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Awkward fragments for text fields: markup, entities, CDATA ends, bidi controls, combining marks, emoji, controls, line ends. */
const TRICKY_FRAGMENTS = [
  '<', '>', '&', '&amp;', '&lt;', '&#13;', '&#x1F600;', '"', "'", ']]>', '<![CDATA[', '<b>', '</title>', '<!--', '-->',
  '\u200F', '\u202E', '\u200E', '\u0301', 'e\u0301', '\u064E', '😀', '👨‍👩‍👧', '\uFEFF', '\u00A0', '\u2028', '\u0085',
  '\u0000', '\u0001', '\u000B', '\u001F', '\u007F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\t', '\n', '\r', '\r\n', ' ', '  ',
  'مرحبا', '日本語', '{{title}}', '${x}', '\\', 'a',
];

/** Any string: full Unicode incl. lone surrogates and controls, mixed with the tricky fragments above. */
export const anyText = (maxLength = 40) =>
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(...TRICKY_FRAGMENTS)), {
      maxLength: Math.ceil(maxLength / 3),
    })
    .map((parts) => parts.join(''));

let validateJsonFeedSchema: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** Validates data against the JSON Feed 1.1 schema; returns the ajv errors, or null when valid. */
export function jsonFeedSchemaErrors(data: unknown): unknown {
  if (!validateJsonFeedSchema) {
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    validateJsonFeedSchema = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'));
  }
  return validateJsonFeedSchema(data) ? null : validateJsonFeedSchema.errors;
}

// ---------------------------------------------------------------------------------------------
// From validated articles to feed models, without files: resolveTranslations → buildFeedModel.

/** A language version of an article, as the tests describe it (front matter already validated). */
export interface ArticleSpec {
  readonly key: string;
  readonly lang: string;
  readonly title: string;
  readonly summary?: string | undefined;
  readonly body?: string;
  /** ISO 8601 with offset. */
  readonly date?: string;
  readonly tags?: readonly string[];
  readonly authors?: readonly string[];
  /** Explicit item id (an absolute URI). */
  readonly id?: string;
}

/** A validated site config with the defaults filled in. */
export function siteConfig(overrides: Record<string, unknown> = {}): SiteConfig {
  return ConfigSchema.parse({ baseUrl: BASE_URL, languages: ['en', 'ar'], defaultLanguage: 'en', authors: ['Example Desk'], ...overrides });
}

function toArticle(spec: ArticleSpec): Article {
  const frontMatter = {
    title: spec.title,
    date: parseArticleDate(spec.date ?? '2025-03-14T09:30:00+01:00'),
    ...(spec.summary === undefined ? {} : { summary: spec.summary }),
    ...(spec.tags ? { tags: [...spec.tags] } : {}),
    ...(spec.authors ? { authors: spec.authors.map((name) => ({ name })) } : {}),
    ...(spec.id === undefined ? {} : { id: spec.id }),
  } as FrontMatter;
  return { key: spec.key, lang: spec.lang, file: `articles/${spec.key}/${spec.lang}.md`, frontMatter, body: spec.body ?? 'Hello.', bodyStartLine: 4 };
}

const renderMarkdown = createMarkdownRenderer();

/** Each configured language's FeedModel, with item HTML rendered from the Markdown body (no template). */
export function feedModelsOf(specs: readonly ArticleSpec[], config: SiteConfig = siteConfig(), labels: Record<string, string> = {}): Record<string, FeedModel> {
  const published = publishArticles(specs.map(toArticle), config);
  const t = (key: string) => labels[key] ?? key;
  const models: Record<string, FeedModel> = {};
  for (const lang of config.languages) {
    const items = published.value
      .filter((entry) => entry.summary.lang === lang)
      .map((entry) => ({ entry, html: renderMarkdown(entry.article.body, { siteUrl: config.baseUrl, pageUrl: entry.url }), imageUrl: undefined }));
    // The composition build() streams: items newest first (ties by id), cut to maxItems, under a head
    // dated by the newest update. staticFiles is empty: these items have no images.
    const itemModels = items
      .map((item) => toItemModel(item, config, new Map()))
      .sort((a, b) => b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const limited = config.maxItems > 0 ? itemModels.slice(0, config.maxItems) : itemModels;
    const newestUpdateMs = limited.reduce((newest, item) => Math.max(newest, item.updated.getTime()), 0);
    models[lang] = { ...buildFeedHead({ lang, newestUpdateMs, config, t, version: 'test' }), items: limited };
  }
  return models;
}

/** Every format of one model. */
export function serializeAll(model: FeedModel): { atom: string; rss: string; json: string } {
  return { atom: toAtom(model), rss: toRss(model), json: toJsonFeed(model) };
}

// ---------------------------------------------------------------------------------------------
// Article files.

/**
 * A YAML double-quoted scalar for any string: quote and backslash escaped, and every code unit YAML may
 * not hold raw (controls, C1, surrogates, BOM, U+FFFE/U+FFFF, line and paragraph separators) as an escape.
 * Validation's CONTROL_CHARACTER check reads the raw file, so escaped controls reach the pipeline.
 */
function yamlQuote(text: string): string {
  let out = '"';
  // for…of yields a surrogate pair as one string of length 2, and a lone surrogate as length 1.
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char.length === 2) out += char;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || [0xfeff, 0xfffe, 0xffff, 0x2028, 0x2029].includes(code)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

function yamlValue(value: unknown): string {
  if (typeof value === 'string') return yamlQuote(value);
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  return JSON.stringify(value);
}

/** An article file: front matter with every string double-quoted and escaped, then the body. */
export function articleFile(frontMatter: Record<string, unknown>, body = 'Hello **world**.\n'): string {
  const yaml = Object.entries(frontMatter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${yamlValue(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Reading outputs back.

/** What feedsmith gives for a text field that held `text`: trimmed, empty as undefined. */
export function feedsmithView(text: string): string | undefined {
  return text.trim() || undefined;
}

/**
 * Problems a well-formedness check must catch that fast-xml-parser's validator lets through:
 * characters XML 1.0 forbids, written raw or as character references.
 */
export function forbiddenXmlCharacters(xml: string): string[] {
  const problems: string[] = [];
  const raw = xml.match(XML_FORBIDDEN);
  if (raw) problems.push(...raw.map((char) => `raw U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
  for (const [reference, hex, decimal] of xml.matchAll(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g)) {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) problems.push(reference);
  }
  return problems;
}

/** Attribute values holding a literal TAB, LF or CR, which XML 1.0 §3.3.3 turns into spaces on reading. */
export function attributesWithRawWhitespace(xml: string): string[] {
  return [...xml.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((match) => match[1]!).filter((value) => /[\t\n\r]/.test(value));
}

/** A non-trimming XML reader (fast-xml-parser), for exact text values. */
export const exactXmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  alwaysCreateTextNode: true,
  isArray: (name) => ['entry', 'item', 'link', 'category', 'author', 'dc:creator'].includes(name),
});

/** The text of an element as exactXmlParser gives it ('' for an empty element). */
export function exactText(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  return String((node as Record<string, unknown>)['#text'] ?? '');
}

// ---------------------------------------------------------------------------------------------
// Whole sites.

/** One language version in a generated site. */
export interface SiteVersion {
  readonly lang: 'en' | 'ar';
  readonly title: string;
  readonly summary: string | undefined;
  readonly date: string;
  readonly body: string;
  readonly tags: readonly string[];
  readonly draft: boolean;
  readonly id: string | undefined;
}

export interface SiteArticle {
  readonly key: string;
  readonly versions: readonly SiteVersion[];
}

export interface GeneratedSite {
  readonly articles: readonly SiteArticle[];
  /** The config's maxItems (0 = every item). */
  readonly maxItems: number;
}

/** Article folder names: URL-safe ASCII and a few non-Latin ones. */
export const articleKey = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/), fc.constantFrom('خبر-عاجل', 'ニュース', 'café', 'x_1', 'élan'));

/** Dates with ties: the same instant written in two offsets, and equal dates. */
export const articleDate = fc.constantFrom('2025-03-14T09:30:00+01:00', '2025-03-14T08:30:00Z', '2025-03-14T08:30:00.000+00:00', '2024-12-31T23:59:59-05:00', '2025-01-01T04:59:59Z', '2019-02-28T16:30:00+07:00');

/** Front-matter text: validation needs something besides white space; at most one "]]>" (see text-round-trip). */
/** Control characters polyfeed refuses in front-matter text (CONTROL_CHARACTER), raw or escaped. */
export const REFUSED_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** Text validation accepts: not blank, no refused control character. */
export const frontMatterText = (maxLength = 20) => anyText(maxLength).filter((text) => text.trim() !== '' && !REFUSED_CONTROL.test(text));

const siteVersion = (lang: 'en' | 'ar', key: string, withIds: boolean): fc.Arbitrary<Omit<SiteVersion, 'draft'>> =>
  fc.record({
    lang: fc.constant(lang),
    title: frontMatterText(),
    summary: fc.option(frontMatterText(), { nil: undefined }),
    date: articleDate,
    body: fc.constantFrom('Hello **world**.', 'Text with [a link](/about/).', '## Heading\n\nParagraph.', 'مرحبا بالعالم.'),
    tags: fc.array(fc.constantFrom('politics', 'سياسة', 'A & B', 'x<y'), { maxLength: 2 }),
    id: withIds ? fc.option(fc.constant(`tag:example.org,2025:${encodeURIComponent(key)}/${lang}`), { nil: undefined }) : fc.constant(undefined),
  });

/** A valid en/ar site: 1–6 articles, each in one or both languages, some versions drafts, some with explicit ids. */
export function siteArbitrary({ withIds = true, maxArticles = 6 } = {}): fc.Arbitrary<GeneratedSite> {
  const article = articleKey.chain((key) =>
    fc
      .subarray(['en', 'ar'] as const, { minLength: 1 })
      .chain((langs) => fc.tuple(...langs.map((lang) => fc.tuple(siteVersion(lang, key, withIds), fc.nat(9)))))
      .map((versions) => ({ key, versions: versions.map(([version, roll]) => ({ ...version, draft: roll === 0 })) })),
  );
  return fc.record({
    articles: fc.uniqueArray(article, { minLength: 1, maxLength: maxArticles, selector: (candidate) => candidate.key }),
    maxItems: fc.constantFrom(0, 2, 50),
  });
}

/** The site as a file map (the fixture's config, labels and templates; no other article). */
export function siteFilesOf(site: GeneratedSite): Record<string, string> {
  const files: Record<string, string | undefined> = {
    'articles/first/en.md': undefined,
    'polyfeed.config.yaml': `${minimalConfig}maxItems: ${site.maxItems}\n`,
  };
  for (const article of site.articles) {
    for (const version of article.versions) {
      files[`articles/${article.key}/${version.lang}.md`] = articleFile(
        {
          title: version.title,
          date: version.date,
          summary: version.summary,
          tags: version.tags.length > 0 ? version.tags : undefined,
          id: version.id,
          draft: version.draft || undefined,
        },
        `${version.body}\n`,
      );
    }
  }
  return siteFiles(files);
}

/** The ids a language's feeds must carry, in order: published versions, newest first, ties by id, cut to maxItems. */
export function expectedIds(site: GeneratedSite, lang: string): string[] {
  const entries = site.articles.flatMap((article) =>
    article.versions
      .filter((version) => version.lang === lang && !version.draft)
      .map((version) => ({ id: version.id ?? `${BASE_URL}${lang}/${encodeURIComponent(article.key)}/`, at: Date.parse(version.date) })),
  );
  entries.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (site.maxItems > 0 ? entries.slice(0, site.maxItems) : entries).map((entry) => entry.id);
}

/** A deterministic shuffle (mulberry32 + Fisher–Yates), so a generated seed stands for a generated order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/** The item ids of each format of one language, as feedsmith reads them. */
export function idsByFormat(files: { atom: string; rss: string; json: string }): { atom: (string | undefined)[]; rss: (string | undefined)[]; json: (string | undefined)[] } {
  return {
    atom: (parseAtomFeed(files.atom).entries ?? []).map((entry) => entry.id),
    rss: (parseRssFeed(files.rss).items ?? []).map((item) => item.guid?.value),
    json: (parseJsonFeed(files.json).items ?? []).map((item) => item.id),
  };
}

/** Problems that fail a build (warnings, e.g. an article without an English version, do not). */
export function fatalErrors(errors: readonly BuildError[]): BuildError[] {
  return errors.filter((error) => error.severity === 'error');
}

/** build() with lazy bodies read whole, so properties see every output either way. */
export function buildAll(sources: SiteSources, options: BuildOptions): BuildResult {
  const result = build(sources, options);
  const files = result.files.map((file) => ({ path: file.path, body: bodyText(file.body) }));
  // Read first: problems met while making lazy bodies are in `errors` once they are read.
  const failed = result.errors.some((error) => error.severity === 'error');
  return { ...result, files: failed ? [] : files };
}
