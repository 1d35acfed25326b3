// Pure: every article file of a build as columns, in path order: tens of thousands of rows are a few arrays, not an object graph each.
// One class on purpose: its columns are private and every accessor keeps them in step (a split would expose them).
import type { BuildError } from './build-error.js';
import type { FileStamp } from './file-stamp.js';
import type { ArticleSummary } from './article-summary.js';

/** One article file as validated, with the stamp it had when read ([0, 0, 0] when not known). */
export interface ArticleRow extends ValidatedArticleFile {
  readonly stamp: FileStamp;
  /** contentDigest of the bytes validated ('' when not known). */
  readonly digest: string;
}

/** What a row copied from another table takes instead of that table's values. */
export interface RowChanges {
  readonly problems?: readonly BuildError[];
  readonly stamp?: FileStamp;
}

/** The columns of a table as plain data: what a worker sends, and what the build index stores. */
export interface ArticleColumns {
  readonly path: string[];
  readonly size: number[];
  readonly mtimeMs: number[];
  readonly ino: number[];
  readonly digest: string[];
  /** null for a file that is not a valid article. */
  readonly title: (string | null)[];
  readonly dateMs: number[];
  readonly updatedMs: number[];
  readonly id: (string | null)[];
  /** 1 for a draft. */
  readonly draft: (0 | 1)[];
  /** The front matter's slug; null when it gives none. */
  readonly slug: (string | null)[];
  /** The front matter's translationOf; null when it gives none. */
  readonly translationOf: (string | null)[];
  /** By row, only for files that have problems. */
  readonly problems: Record<number, readonly BuildError[]>;
}

const NO_PROBLEMS: readonly BuildError[] = Object.freeze([]);
const ARTICLES_PREFIX = 'articles/';

/**
 * Article files as columns. Numbers are kept in plain arrays of doubles (8 bytes each); a
 * summary object is made only when one is asked for: for the few items rendered, not for every
 * file of the archive. Key and language come from the path (articles/<key>/<lang>.md).
 */
export class ArticleTable {
  private constructor(
    private readonly columns: ArticleColumns,
    /** Another generator's layout: the key and language its path says (see source-path.ts); undefined for articles/<key>/<lang>.md. */
    private readonly placeOf?: (path: string) => { readonly key: string; readonly lang: string } | undefined,
  ) {}

  /** The same rows, their keys and languages read from their paths by `placeOf` (another generator's layout). */
  withPlaces(placeOf: (path: string) => { readonly key: string; readonly lang: string } | undefined): ArticleTable {
    const places = new Map<string, { readonly key: string; readonly lang: string } | undefined>();
    return new ArticleTable(this.columns, (path) => (places.has(path) ? places.get(path) : places.set(path, placeOf(path)).get(path)));
  }

  /** Whether keys and languages come from another generator's layout (translations are then not side by side in path order). */
  get hasForeignPlaces(): boolean {
    return this.placeOf !== undefined;
  }

  static empty(): ArticleTable {
    return new ArticleTable({ path: [], size: [], mtimeMs: [], ino: [], digest: [], title: [], dateMs: [], updatedMs: [], id: [], draft: [], slug: [], translationOf: [], problems: {} });
  }

  /** A table over columns as they are (sent by a worker or read from the index): nothing is copied. */
  static fromColumns(columns: ArticleColumns): ArticleTable {
    return new ArticleTable(columns);
  }

  /** A table of rows, which must be in path order. */
  static of(rows: Iterable<ArticleRow>): ArticleTable {
    const table = ArticleTable.empty();
    for (const row of rows) table.push(row);
    return table;
  }

  /** The columns, to be sent or stored. */
  toColumns(): ArticleColumns {
    return this.columns;
  }

  get length(): number {
    return this.columns.path.length;
  }

  /** Site-relative paths of the files, in order. */
  get paths(): readonly string[] {
    return this.columns.path;
  }

  push({ path, summary, problems, stamp, digest }: ArticleRow): void {
    const c = this.columns;
    const row = c.path.length;
    c.path.push(path);
    c.size.push(stamp[0]);
    c.mtimeMs.push(stamp[1]);
    c.ino.push(stamp[2]);
    c.digest.push(digest);
    c.title.push(summary ? summary.title : null);
    c.dateMs.push(summary ? summary.dateMs : 0);
    c.updatedMs.push(summary ? summary.updatedMs : 0);
    c.id.push(summary?.id ?? null);
    c.draft.push(summary?.draft ? 1 : 0);
    c.slug.push(summary?.slug ?? null);
    c.translationOf.push(summary?.translationOf ?? null);
    if (problems.length > 0) c.problems[row] = problems;
  }

  /** Appends row `row` of `other`, with `changes` instead of its own values. */
  pushFrom(other: ArticleTable, row: number, changes: RowChanges = {}): void {
    const c = this.columns;
    const o = other.columns;
    const problems = changes.problems ?? other.problemsAt(row);
    if (problems.length > 0) c.problems[c.path.length] = problems;
    c.path.push(o.path[row]!);
    c.size.push(changes.stamp ? changes.stamp[0] : o.size[row]!);
    c.mtimeMs.push(changes.stamp ? changes.stamp[1] : o.mtimeMs[row]!);
    c.ino.push(changes.stamp ? changes.stamp[2] : o.ino[row]!);
    c.digest.push(o.digest[row]!);
    c.title.push(o.title[row]!);
    c.dateMs.push(o.dateMs[row]!);
    c.updatedMs.push(o.updatedMs[row]!);
    c.id.push(o.id[row]!);
    c.draft.push(o.draft[row]!);
    c.slug.push(o.slug[row]!);
    c.translationOf.push(o.translationOf[row]!);
  }

  /** Row `row` takes the summary and problems of row `from` of `other`: a file whose bytes are those `other` validated. */
  adoptSummary(row: number, other: ArticleTable, from: number): void {
    const c = this.columns;
    const o = other.columns;
    c.title[row] = o.title[from]!;
    c.dateMs[row] = o.dateMs[from]!;
    c.updatedMs[row] = o.updatedMs[from]!;
    c.id[row] = o.id[from]!;
    c.draft[row] = o.draft[from]!;
    c.slug[row] = o.slug[from]!;
    c.translationOf[row] = o.translationOf[from]!;
    const problems = other.problemsAt(from);
    if (problems.length > 0) c.problems[row] = problems;
    else delete c.problems[row];
  }

  pathAt(row: number): string {
    return this.columns.path[row]!;
  }

  sizeAt(row: number): number {
    return this.columns.size[row]!;
  }

  mtimeAt(row: number): number {
    return this.columns.mtimeMs[row]!;
  }

  inodeAt(row: number): number {
    return this.columns.ino[row]!;
  }

  digestAt(row: number): string {
    return this.columns.digest[row]!;
  }

  problemsAt(row: number): readonly BuildError[] {
    return this.columns.problems[row] ?? NO_PROBLEMS;
  }

  /** Rows that have problems, in row order, with them. */
  *rowsWithProblems(): Generator<[number, readonly BuildError[]]> {
    // Integer keys of an object are visited in ascending order.
    for (const [row, problems] of Object.entries(this.columns.problems)) yield [Number(row), problems];
  }

  /** A valid article (with a summary), published or draft. */
  isArticle(row: number): boolean {
    return this.columns.title[row] !== null;
  }

  /** A draft (`draft: true`): published only by a preview build that asks for drafts. */
  isDraft(row: number): boolean {
    return this.columns.draft[row] === 1;
  }

  /** The language tag, from the file name. */
  langAt(row: number): string {
    const path = this.columns.path[row]!;
    if (this.placeOf) return this.placeOf(path)?.lang ?? '';
    return path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
  }

  /** The article key, from the folder name. */
  keyAt(row: number): string {
    const path = this.columns.path[row]!;
    if (this.placeOf) return this.placeOf(path)?.key ?? '';
    return path.slice(ARTICLES_PREFIX.length, path.lastIndexOf('/'));
  }

  /** Whether the file at `row` is in the folder `folder` ("articles/<key>/", with its slash). */
  isInFolder(row: number, folder: string): boolean {
    return this.columns.path[row]!.startsWith(folder);
  }

  dateMsAt(row: number): number {
    return this.columns.dateMs[row]!;
  }

  updatedMsAt(row: number): number {
    return this.columns.updatedMs[row]!;
  }

  /** The explicit item id, if the front matter gives one. */
  idAt(row: number): string | undefined {
    return this.columns.id[row] ?? undefined;
  }

  /** The front matter's translationOf, if it gives one. */
  translationOfAt(row: number): string | undefined {
    return this.columns.translationOf[row] ?? undefined;
  }

  /** The front matter's slug, if it gives one. */
  slugAt(row: number): string | undefined {
    return this.columns.slug[row] ?? undefined;
  }

  titleAt(row: number): string {
    return this.columns.title[row] ?? '';
  }

  /** The summary of a valid article, made now; undefined for a file that is not one. */
  summaryAt(row: number): ArticleSummary | undefined {
    if (!this.isArticle(row)) return undefined;
    return {
      file: this.pathAt(row),
      key: this.keyAt(row),
      lang: this.langAt(row),
      title: this.titleAt(row),
      dateMs: this.dateMsAt(row),
      updatedMs: this.updatedMsAt(row),
      id: this.idAt(row),
      draft: this.columns.draft[row] === 1,
      slug: this.slugAt(row),
      translationOf: this.translationOfAt(row),
    };
  }
}

/** One article file as validated on its own. */
export interface ValidatedArticleFile {
  readonly path: string;
  /** Undefined when the file could not be read as an article at all. */
  readonly summary: ArticleSummary | undefined;
  readonly problems: readonly BuildError[];
}

/** Every article file of a site, and every folder under articles/ (to find empty ones). */
export interface ValidatedArticleFiles {
  /** In path order, whatever order the files were read in. */
  readonly files: ArticleTable;
  readonly folders: readonly string[];
  /** Entries under articles/ that were not read (a link out of the site, a FIFO named en.md): see listArticleTree. */
  readonly problems?: readonly BuildError[];
}
