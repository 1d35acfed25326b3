// Pure: the article table → published versions with their URL, item id and links to their translations.
// Too long: the fallback chains (which version stands in for a language) belong in a module of their
// own; left for the review pass of issue 15, which added them.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { ArticleSummary } from '../model/article-summary.js';
import type { ArticleTable } from '../model/article-table.js';
import type { SiteConfig } from '../model/config-schema.js';
import { urlPatternOf, type ArticleUrlOf } from '../urls/article-url.js';
import type { Article } from '../model/article.js';
import { fallbackChainOf } from '../model/fallback-chains.js';
import { isCandidate, isPublishedIn, updatedMsIn, type PublicationWindow } from '../model/publication-window.js';

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

function byLanguageTag(a: TranslationLink, b: TranslationLink): number {
  return a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;
}

/** The published versions of a site, looked up in its article table by row. */
class PublishedRows {
  constructor(
    readonly table: ArticleTable,
    readonly urlOf: ArticleUrlOf,
    readonly window: PublicationWindow,
  ) {}

  isPublished(row: number): boolean {
    return isPublishedIn(this.table, row, this.window);
  }

  urlAt(row: number): string {
    return this.urlOf(this.table.keyAt(row), this.table.langAt(row), this.table.slugAt(row));
  }

  idAt(row: number): string {
    return this.table.idAt(row) ?? this.urlAt(row);
  }

  /**
   * The rows of the other published versions of the article at `row`, in path order: the files
   * of one folder are next to each other in path order, so they are found around it, without an
   * index of every key.
   */
  otherPublishedRowsOf(row: number): number[] {
    const { table } = this;
    if (table.hasForeignPlaces) return this.otherPublishedRowsByKey(row);
    const path = table.pathAt(row);
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    let first = row;
    while (first > 0 && table.isInFolder(first - 1, folder)) first--;
    const rows: number[] = [];
    for (let other = first; other < table.length && table.isInFolder(other, folder); other++) {
      if (other !== row && this.isPublished(other)) rows.push(other);
    }
    return rows;
  }

  private rowsByKey: Map<string, number[]> | undefined;

  /** In another generator's layout, translations are found by key (`content/de/post.md` and `content/en/post.md` are far apart in path order). */
  private otherPublishedRowsByKey(row: number): number[] {
    const { table } = this;
    if (!this.rowsByKey) {
      this.rowsByKey = new Map();
      for (let other = 0; other < table.length; other++) {
        if (!table.isArticle(other)) continue;
        const key = table.keyAt(other);
        const rows = this.rowsByKey.get(key);
        if (rows) rows.push(other);
        else this.rowsByKey.set(key, [other]);
      }
    }
    return (this.rowsByKey.get(table.keyAt(row)) ?? []).filter((other) => other !== row && this.isPublished(other));
  }

  /** The other published versions of the article at `row`, as links ordered by language tag. */
  linksOf(row: number): TranslationLink[] {
    const { table } = this;
    return this.otherPublishedRowsOf(row)
      .map((other) => ({ lang: table.langAt(other), url: this.urlAt(other), title: table.titleAt(other) }))
      .sort(byLanguageTag);
  }

  /** The language and digest of each other published version of the article at `row` (see PublishedEntry.translationInputs). */
  translationInputsOf(row: number): string | undefined {
    const { table } = this;
    let inputs = '';
    for (const other of this.otherPublishedRowsOf(row)) {
      const digest = table.digestAt(other);
      if (digest === '') return undefined;
      inputs += `${table.langAt(other)} ${digest};`;
    }
    return inputs;
  }
}

/**
 * The URL, the id and the translations are worked out when asked for: only rendered versions
 * need them, out of tens of thousands (holding every URL would cost memory for nothing).
 */
class Entry implements PublishedEntry {
  constructor(
    private readonly rows: PublishedRows,
    private readonly row: number,
    readonly fallbackFor?: string,
  ) {}

  /**
   * Made when asked for, like the rest: a feed of every item holds an entry for each version of
   * its language. Its update date is the one the window publishes (a scheduled update waits).
   */
  get summary(): ArticleSummary {
    const summary = this.rows.table.summaryAt(this.row)!;
    const updatedMs = updatedMsIn(summary.dateMs, summary.updatedMs, this.rows.window);
    return updatedMs === summary.updatedMs ? summary : { ...summary, updatedMs };
  }

  get url(): string {
    return this.rows.urlAt(this.row);
  }

  get id(): string {
    return this.rows.idAt(this.row);
  }

  get translations(): readonly TranslationLink[] {
    return this.rows.linksOf(this.row);
  }

  get digest(): string {
    return this.rows.table.digestAt(this.row);
  }

  get translationInputs(): string | undefined {
    return this.rows.translationInputsOf(this.row);
  }
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

/**
 * DUPLICATE_URL for each row whose URL an earlier row (in path order) has: two articles with one
 * slug, or patterns that fill in alike. Asked only when the permalink patterns do not rule it out.
 * Also the rows reported, whose default id (their URL) is then not reported again as DUPLICATE_ID.
 */
function duplicateUrls(rows: PublishedRows, published: readonly number[]): { errors: [number, BuildError][]; reported: Set<number> } {
  const { table } = rows;
  const firstByUrl = new Map<string, number>();
  const errors: [number, BuildError][] = [];
  const reported = new Set<number>();
  for (const row of published) {
    const url = rows.urlAt(row);
    const first = firstByUrl.get(url);
    if (first === undefined) {
      firstByUrl.set(url, row);
      continue;
    }
    reported.add(row);
    const path = table.slugAt(row) === undefined ? [] : ['slug'];
    errors.push([row, makeError('DUPLICATE_URL', { url, earlier: table.pathAt(first) }, { file: table.pathAt(row), path })]);
  }
  return { errors, reported };
}

/**
 * Rows that use an id already used in an earlier row (in path order), with DUPLICATE_ID for each,
 * and rows whose URL an earlier row has, with DUPLICATE_URL (see duplicateUrls).
 * Scheduled versions are checked too: a clash is found when it is written, not when it falls due.
 */
function duplicateIds(rows: PublishedRows, published: readonly number[], distinctUrls: boolean): BuildError[] {
  const { table } = rows;
  const usesById = new Map<string, number[]>();
  const use = (id: string, row: number) => {
    const uses = usesById.get(id);
    if (uses) uses.push(row);
    else usesById.set(id, [row]);
  };
  const duplicates: [number, BuildError][] = [];
  if (distinctUrls) {
    // No two URLs are the same: an id can only be used twice when an explicit id is one of the uses.
    for (const row of published) {
      const id = table.idAt(row);
      if (id !== undefined) use(id, row);
    }
    if (usesById.size === 0) return [];
    for (const row of published) {
      if (table.idAt(row) === undefined) usesById.get(rows.urlAt(row))?.push(row);
    }
  } else {
    const urls = duplicateUrls(rows, published);
    duplicates.push(...urls.errors);
    // A default id shared because the URL is: said once, as DUPLICATE_URL.
    for (const row of published) if (!(urls.reported.has(row) && table.idAt(row) === undefined)) use(rows.idAt(row), row);
  }
  for (const [id, uses] of usesById) {
    if (uses.length < 2) continue;
    uses.sort((a, b) => a - b);
    const earlier = table.pathAt(uses[0]!);
    for (const row of uses.slice(1)) {
      duplicates.push([row, makeError('DUPLICATE_ID', { id, earlier }, { file: table.pathAt(row), path: ['id'] })]);
    }
  }
  return duplicates.sort((a, b) => a[0] - b[0]).map(([, error]) => error);
}

/**
 * Every version the window publishes gets its URL, id and translations (when asked for), and
 * a DUPLICATE_ID for an id used before (in path order).
 */
export function resolveTranslations(table: ArticleTable, config: SiteConfig, window: PublicationWindow): { value: PublishedEntries; errors: BuildError[] } {
  const { urlOf, distinct } = urlPatternOf(config);
  const rows = new PublishedRows(table, urlOf, window);
  const candidates: number[] = [];
  const byLanguage = new Map<string, number[]>();
  for (let row = 0; row < table.length; row++) {
    if (!isCandidate(table, row, window)) continue;
    candidates.push(row);
    if (!rows.isPublished(row)) continue;
    const lang = table.langAt(row);
    const rowsOfLanguage = byLanguage.get(lang);
    if (rowsOfLanguage) rowsOfLanguage.push(row);
    else byLanguage.set(lang, [row]);
  }
  const fallbacks = new Map<string, Set<number>>();
  /** The rows of `lang`'s feeds: its own versions, and the versions its fallback chain puts in for the articles it lacks (made once per language). */
  const feedRowsOf = (lang: string): readonly number[] => {
    const own = byLanguage.get(lang) ?? [];
    const chain = fallbackChainOf(config.fallbacks, lang);
    if (chain.length === 0) return own;
    let taken = fallbacks.get(lang);
    if (!taken) {
      taken = new Set();
      const covered = new Set(own.map((row) => table.keyAt(row)));
      for (const other of chain) {
        for (const row of byLanguage.get(other) ?? []) {
          const key = table.keyAt(row);
          if (covered.has(key)) continue;
          covered.add(key);
          taken.add(row);
        }
      }
      fallbacks.set(lang, taken);
    }
    return [...own, ...taken];
  };
  const value: PublishedEntries = {
    newestOf(lang, limit) {
      const ids = new Map<number, string>();
      const idOf = (row: number) => ids.get(row) ?? ids.set(row, rows.idAt(row)).get(row)!;
      const feedRows = feedRowsOf(lang);
      const taken = fallbacks.get(lang);
      // Newest first, then by id (worked out only for versions published at the same time).
      const newest = [...feedRows].sort((a, b) => {
        const byDate = table.dateMsAt(b) - table.dateMsAt(a);
        if (byDate !== 0) return byDate;
        const idA = idOf(a);
        const idB = idOf(b);
        return idA < idB ? -1 : idA > idB ? 1 : 0;
      });
      return (limit > 0 ? newest.slice(0, limit) : newest).map((row) => new Entry(rows, row, taken?.has(row) ? lang : undefined));
    },
    idsOf(lang) {
      const inPathOrder = byLanguage.get(lang) ?? [];
      const keysInPathOrder = inPathOrder.map((row) => table.keyAt(row));
      // Path order is key order but where a key is another key followed by "-" ("a-b/" < "a/"): nearly sorted, which a merge sort passes through in one walk.
      const order = keysInPathOrder.map((_, index) => index).sort((a, b) => (keysInPathOrder[a]! < keysInPathOrder[b]! ? -1 : keysInPathOrder[a]! > keysInPathOrder[b]! ? 1 : 0));
      return {
        keys: order.map((index) => keysInPathOrder[index]!),
        ids: order.map((index) => rows.idAt(inPathOrder[index]!)),
        dateMs: order.map((index) => table.dateMsAt(inPathOrder[index]!)),
      };
    },
  };
  return { value, errors: duplicateIds(rows, candidates, distinct) };
}
