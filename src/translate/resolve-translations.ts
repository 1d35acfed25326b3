// Pure: validated articles → published versions with their URL, item id and links to their translations.
import type { BuildError } from '../errors/build-error.js';
import { makeError } from '../errors/error-catalogue.js';
import type { SiteConfig } from '../validate/config-schema.js';
import type { Article } from '../validate/validate-article.js';

/** A link from one language version to another. */
export interface TranslationLink {
  readonly lang: string;
  readonly url: string;
  readonly title: string;
}

/** An article version that goes into its language's feeds. */
export interface PublishedArticle {
  readonly article: Article;
  /** Absolute URL of this version. */
  readonly url: string;
  /** Item id in every format: the explicit `id`, else the URL. Never depends on title, text or date. */
  readonly id: string;
  /** The other published language versions, ordered by language tag. */
  readonly translations: readonly TranslationLink[];
}

/** Drafts stay out of feeds and out of translation links. */
export function isPublished(article: Article): boolean {
  return article.frontMatter.draft !== true;
}

/** The absolute URL of one language version, from the config's permalink pattern. */
export function articleUrl(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>, key: string, lang: string): string {
  // The pattern is relative to baseUrl even when written with a leading "/".
  const path = config.permalink.replace(/^\/+/, '').replaceAll('{lang}', encodeURIComponent(lang)).replaceAll('{key}', encodeURIComponent(key));
  // Keys and language tags are URL-safe once encoded, so for a plain pattern the URL is the base
  // plus the path (what new URL() would give, without its cost for each of tens of thousands).
  const plain = /^[A-Za-z0-9\-_~%/]*$/.test(path.replaceAll('.', '-')) && !/(^|\/)\.\.?(\/|$)/.test(path);
  return plain ? config.baseUrl + path : new URL(path, config.baseUrl).href;
}

export function resolveTranslations(articles: readonly Article[], config: SiteConfig): { value: PublishedArticle[]; errors: BuildError[] } {
  const published = articles.filter(isPublished);
  const byKey = new Map<string, Article[]>();
  for (const article of published) {
    const versions = byKey.get(article.key) ?? [];
    versions.push(article);
    byKey.set(article.key, versions);
  }
  const result: PublishedArticle[] = [];
  const firstFileById = new Map<string, string>();
  const errors: BuildError[] = [];
  for (const article of published) {
    const url = articleUrl(config, article.key, article.lang);
    const id = article.frontMatter.id ?? url;
    const earlier = firstFileById.get(id);
    if (earlier !== undefined) {
      errors.push(
        makeError('DUPLICATE_ID', `The item id "${id}" is already used by ${earlier}.`, { file: article.file, path: ['id'] }),
      );
    } else {
      firstFileById.set(id, article.file);
    }
    const translations = (byKey.get(article.key) ?? [])
      .filter((other) => other.lang !== article.lang)
      .map((other) => ({ lang: other.lang, url: articleUrl(config, other.key, other.lang), title: other.frontMatter.title }))
      .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
    result.push({ article, url, id, translations });
  }
  return { value: result, errors };
}
