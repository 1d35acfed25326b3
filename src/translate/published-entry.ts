// The shapes of a site's published versions, as the feeds and the published-ids guard ask for them.
import type { ArticleSummary } from '../model/article-summary.js';
import type { Article } from '../model/article.js';

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
  /** A digest of the file's bytes as validated, when known: what an item key is made from instead of reading the file again. */
  readonly digest?: string;
  /**
   * What the translation links are made from, cheaper to get than the links: the language and
   * file digest of each other published version (their URLs follow from the config and the
   * article key, their titles from their bytes). Undefined when a digest is not known.
   */
  readonly translationInputs?: string | undefined;
  /**
   * Set when this version stands in for a missing one (config `fallbacks`): the language of the
   * feed it is in, which has no published version of the article. The version keeps its own
   * language, URL and id; it is marked as its language and carries a note in the feed's.
   */
  readonly fallbackFor?: string | undefined;
}

/** A published version read in full, to be rendered. */
export interface PublishedArticle extends PublishedEntry {
  readonly article: Article;
}

/** Every published version of one language as columns, ordered by article key (code-unit order). */
export interface PublishedIdsOfLanguage {
  readonly keys: readonly string[];
  /** Item ids (see PublishedEntry.id). */
  readonly ids: readonly string[];
  /** The article's `date`, in milliseconds since the epoch. */
  readonly dateMs: readonly number[];
}

/** The published versions of a site, made into entries only when asked for. */
export interface PublishedEntries {
  /**
   * Published versions in `lang`, newest first (ties by id): at most `limit` of them, or all with
   * 0. With a fallback chain for `lang` (config `fallbacks`), an article without a published
   * version in `lang` is there by the version of the first language of the chain that has one
   * (its `fallbackFor` set).
   */
  newestOf(lang: string, limit: number): PublishedEntry[];
  /**
   * Every published version in `lang`, by article key: what the published-ids manifest lists (the
   * same versions as the feeds, but fallbacks: a version standing in for another language is
   * listed, with its id, under its own language).
   */
  idsOf(lang: string): PublishedIdsOfLanguage;
}
