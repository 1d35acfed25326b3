// Pure: the published versions of an article table, looked up by row, and entries made from them when asked for.
import type { ArticleSummary } from '../model/article-summary.js';
import type { ArticleTable } from '../model/article-table.js';
import type { ArticleUrlOf } from '../urls/article-url.js';
import { isPublishedIn, updatedMsIn, type PublicationWindow } from '../model/publication-window.js';
import type { PublishedEntry, TranslationLink } from './published-entry.js';

function byLanguageTag(a: TranslationLink, b: TranslationLink): number {
  return a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;
}

/** The published versions of a site, looked up in its article table by row. */
export class PublishedRows {
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
export class Entry implements PublishedEntry {
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
