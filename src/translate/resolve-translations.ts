// Pure: article summaries → published versions with their URL, item id and links to their translations.
import type { BuildError } from '../errors/build-error.js';
import { makeError } from '../errors/error-catalogue.js';
import type { ArticleSummary } from '../validate/article-summary.js';
import type { SiteConfig } from '../validate/config-schema.js';
import type { Article } from '../validate/validate-article.js';

/** A link from one language version to another. */
export interface TranslationLink {
  readonly lang: string;
  readonly url: string;
  readonly title: string;
}

/** An article version that goes into its language's feeds. */
export interface PublishedEntry {
  readonly summary: ArticleSummary;
  /** Absolute URL of this version. */
  readonly url: string;
  /** Item id in every format: the explicit `id`, else the URL. Never depends on title, text or date. */
  readonly id: string;
  /** The other published language versions, ordered by language tag (worked out when first asked for). */
  readonly translations: readonly TranslationLink[];
}

/** A published version read in full, to be rendered. */
export interface PublishedArticle extends PublishedEntry {
  readonly article: Article;
}

/** Drafts stay out of feeds and out of translation links. */
export function isPublished(summary: Pick<ArticleSummary, 'draft'>): boolean {
  return !summary.draft;
}

/** Makes article URLs for one config: the pattern is looked at once, not for each of tens of thousands of articles. */
export function articleUrlMaker(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>): (key: string, lang: string) => string {
  // The pattern is relative to baseUrl even when written with a leading "/".
  const pattern = config.permalink.replace(/^\/+/, '');
  const sample = pattern.replaceAll('{lang}', 'x').replaceAll('{key}', 'x');
  // Keys (letters, digits, "_", "-") and language tags are URL-safe once encoded, so with a
  // plain pattern the URL is the base plus the path: what new URL() would give, far cheaper.
  const plain = /^[A-Za-z0-9\-_~%/]*$/.test(sample.replaceAll('.', '-')) && !/(^|\/)\.\.?(\/|$)/.test(sample);
  const [beforeLang, afterLang] = pattern.split('{lang}') as [string, string | undefined];
  const simple = plain && afterLang !== undefined && pattern.split('{lang}').length === 2 && !beforeLang.includes('{key}');
  const keyParts = simple ? afterLang.split('{key}') : [];
  return (key, lang) => {
    const encodedKey = encodeURIComponent(key);
    const safeKey = /^[A-Za-z0-9_%-]+$/.test(encodedKey);
    if (safeKey && simple && keyParts.length === 2) return `${config.baseUrl}${beforeLang}${encodeURIComponent(lang)}${keyParts[0]}${encodedKey}${keyParts[1]}`;
    const path = pattern.replaceAll('{lang}', encodeURIComponent(lang)).replaceAll('{key}', encodedKey);
    return safeKey && plain ? config.baseUrl + path : new URL(path, config.baseUrl).href;
  };
}

/** The absolute URL of one language version, from the config's permalink pattern. */
export function articleUrl(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>, key: string, lang: string): string {
  return articleUrlMaker(config)(key, lang);
}

function byLanguageTag(a: TranslationLink, b: TranslationLink): number {
  return a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;
}

/** The published versions of each article, to link every version to the others. */
class VersionsByKey {
  private readonly byKey = new Map<string, ArticleSummary[]>();

  constructor(
    published: readonly ArticleSummary[],
    readonly urlOf: (key: string, lang: string) => string,
  ) {
    for (const summary of published) {
      const versions = this.byKey.get(summary.key);
      if (versions) versions.push(summary);
      else this.byKey.set(summary.key, [summary]);
    }
  }

  linksOf(summary: ArticleSummary): TranslationLink[] {
    return (this.byKey.get(summary.key) ?? [])
      .filter((other) => other.lang !== summary.lang)
      .map((other) => ({ lang: other.lang, url: this.urlOf(other.key, other.lang), title: other.title }))
      .sort(byLanguageTag);
  }
}

/**
 * The URL, the id and the translations are worked out when asked for: only rendered versions
 * need them, out of tens of thousands (holding every URL would cost memory for nothing).
 */
class Entry implements PublishedEntry {
  constructor(
    readonly summary: ArticleSummary,
    private readonly versions: VersionsByKey,
  ) {}

  get url(): string {
    return this.versions.urlOf(this.summary.key, this.summary.lang);
  }

  get id(): string {
    return this.summary.id ?? this.url;
  }

  get translations(): readonly TranslationLink[] {
    return this.versions.linksOf(this.summary);
  }
}

/**
 * Every published version gets its URL and id, and a DUPLICATE_ID for an id used before (in
 * path order).
 */
export function resolveTranslations(summaries: readonly ArticleSummary[], config: SiteConfig): { value: PublishedEntry[]; errors: BuildError[] } {
  const published = summaries.filter(isPublished);
  const urlOf = articleUrlMaker(config);
  const versions = new VersionsByKey(published, urlOf);
  const result: PublishedEntry[] = [];
  const firstFileById = new Map<string, string>();
  const errors: BuildError[] = [];
  for (const summary of published) {
    const url = urlOf(summary.key, summary.lang);
    const id = summary.id ?? url;
    const earlier = firstFileById.get(id);
    if (earlier !== undefined) {
      errors.push(makeError('DUPLICATE_ID', `The item id "${id}" is already used by ${earlier}.`, { file: summary.file, path: ['id'] }));
    } else {
      firstFileById.set(id, summary.file);
    }
    result.push(new Entry(summary, versions));
  }
  return { value: result, errors };
}
