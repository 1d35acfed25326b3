// Pure (types): the validated site that feeds are made from: settings, published entries, and the readers its articles are read again through.
import type { Article } from '../model/article.js';
import type { ArticleTable } from '../model/article-table.js';
import type { ReadArticleBytes } from '../load/read-sources.js';
import type { BuildError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import type { CompiledTemplates } from '../render/compile-templates.js';
import type { PublishedEntries, PublishedEntry } from '../translate/published-entry.js';
import type { LocaleResources } from '../translate/validate-locales.js';
import type { Publication } from '../model/publication-window.js';
import type { FileStamp } from '../model/file-stamp.js';

/** The small inputs every article is validated and rendered with: config, templates, labels. */
export interface SiteSettings {
  readonly config: SiteConfig;
  readonly templates: CompiledTemplates;
  readonly locales: LocaleResources;
  /** A digest of the config, template, helpers module and static-file inputs, for the feeds' fingerprints. */
  readonly digest: string;
  /** polyfeed's packaged `feed.css`, written into the output folder with `subscribePage`; undefined in an installation without it. */
  readonly feedStylesheet?: string | undefined;
  /** The site's helpers module, when the config names one: its path in the site and its stamp when loaded, for the no-op check. */
  readonly helpersFile?: { readonly path: string; readonly stamp: FileStamp };
}

/**
 * I/O, through a ReadArticleBytes: a published version read again in full and validated, to be
 * rendered (its file may have changed since it was validated).
 */
export type ReadArticle = (entry: PublishedEntry) => { article?: Article; problems: readonly BuildError[] };

/** A site whose every source passed validation. */
export interface ValidSite extends SiteSettings {
  /** Every article file, in path order. */
  readonly articles: ArticleTable;
  /** The versions the window publishes (not drafts, not scheduled, but in a preview), with URLs and ids. */
  readonly published: PublishedEntries;
  /** "Now", whether drafts and scheduled versions are published (a preview build), what is scheduled then and when the next version falls due. */
  readonly publication: Publication;
  /** Sizes of the files under static/, for enclosure lengths. */
  readonly staticFiles: ReadonlyMap<string, number>;
  /** The date of a feed without items (see newestSiteUpdateMs). */
  readonly newestUpdateMs: number;
  /** Reads a published version again, through readArticleBytes. */
  readonly readArticle: ReadArticle;
  /** The reader the site's sources came with: the only way stages given the site read article files. */
  readonly readArticleBytes: ReadArticleBytes;
}

/** What rendering a language's feeds needs of a site: its settings, static files and the reader of its articles. */
export type FeedSite = Pick<ValidSite, 'config' | 'templates' | 'locales' | 'staticFiles' | 'readArticle'>;
