// Pure (types): the validated site that feeds are made from: settings, published entries and a way to read articles again.
import type { Article } from '../model/article.js';
import type { ArticleTable } from '../model/article-table.js';
import type { BuildError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import type { CompiledTemplates } from '../render/compile-templates.js';
import type { PublishedEntries, PublishedEntry } from '../translate/resolve-translations.js';
import type { LocaleResources } from '../translate/validate-locales.js';

/** The small inputs every article is validated and rendered with: config, templates, labels. */
export interface SiteSettings {
  readonly config: SiteConfig;
  readonly templates: CompiledTemplates;
  readonly locales: LocaleResources;
  /** A digest of the config, template and static-file inputs, for the feeds' fingerprints. */
  readonly digest: string;
}

/** An article file's bytes, read again (undefined when it is gone). */
export type ReadArticleBytes = (path: string) => Uint8Array | undefined;

/** A published version read again in full, to be rendered (its file may have changed since it was validated). */
export type ReadArticle = (entry: PublishedEntry) => { article?: Article; problems: readonly BuildError[] };

/** A site whose every source passed validation. */
export interface ValidSite extends SiteSettings {
  /** Every article file, in path order. */
  readonly articles: ArticleTable;
  /** Non-draft versions with URLs and ids. */
  readonly published: PublishedEntries;
  /** Sizes of the files under static/, for enclosure lengths. */
  readonly staticFiles: ReadonlyMap<string, number>;
  /** The date of a feed without items (see newestSiteUpdateMs). */
  readonly newestUpdateMs: number;
  readonly readArticle: ReadArticle;
  readonly articleBytes: ReadArticleBytes;
}

/** What rendering a language's feeds needs of a site: its settings, static files and a way to read articles. */
export type FeedSite = Pick<ValidSite, 'config' | 'templates' | 'locales' | 'staticFiles' | 'readArticle'>;
