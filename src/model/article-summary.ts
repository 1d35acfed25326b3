// Pure: a validated article → the few facts the rest of a build needs of it without reading it again.
import type { Article } from './article.js';

/**
 * What ordering, linking and checking across articles need of one valid language version. Only
 * the items that go into feeds are read again, in full, to be rendered; the rest of the archive
 * stands in memory as rows of an ArticleTable (columns, not an object each), and the build cache
 * keeps them.
 */
export interface ArticleSummary {
  /** Site-relative path of the source file. */
  readonly file: string;
  /** The article folder name, shared by all its language versions. */
  readonly key: string;
  /** BCP 47 tag, from the file name. */
  readonly lang: string;
  /** The headline, for the translation links of the other versions. */
  readonly title: string;
  /** First publication, milliseconds since the epoch. */
  readonly dateMs: number;
  /** Last update, or first publication when never updated. */
  readonly updatedMs: number;
  /** The explicit item id, if the front matter gives one. */
  readonly id: string | undefined;
  /** Drafts stay out of feeds and out of translation links. */
  readonly draft: boolean;
  /** The front matter's `slug`, the {slug} of the permalink pattern (the key stands in when undefined). */
  readonly slug?: string | undefined;
  /** The front matter's `translationOf`: the language this version was translated from, when it says (`polyfeed coverage`). */
  readonly translationOf?: string | undefined;
}

/**
 * A copy of `text` that holds only its own characters. A parsed value can be a slice of the text
 * it was parsed from, and keeping the slice keeps all of that text: the whole front matter of
 * every article of the archive, where only its title and id are needed.
 */
export function detachedCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export function summarizeArticle(article: Article): ArticleSummary {
  const { frontMatter: fm } = article;
  return {
    file: article.file,
    key: article.key,
    lang: article.lang,
    title: detachedCopy(fm.title),
    dateMs: fm.date.epochMs,
    updatedMs: (fm.updated ?? fm.date).epochMs,
    id: fm.id === undefined ? undefined : detachedCopy(fm.id),
    draft: fm.draft === true,
    slug: fm.slug === undefined ? undefined : detachedCopy(fm.slug),
    translationOf: fm.translationOf === undefined ? undefined : detachedCopy(fm.translationOf),
  };
}
