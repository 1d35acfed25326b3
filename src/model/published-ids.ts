// Pure: the shape of the published-ids manifest (published-ids.tsv): its columns, its header and how a first publication date is written.

/**
 * The manifest's rows as columns, one entry per published article version, sorted by language
 * tag, then article key (code-unit order, as `LC_ALL=C sort` orders the lines). Columns, not
 * one object per row: a site of 50,000 articles in 5 languages lists 250,000 versions.
 */
export interface PublishedIdColumns {
  /** BCP 47 language tags. */
  readonly langs: string[];
  /** Article keys (folder names). */
  readonly keys: string[];
  /** First publication dates, as written (see formatFirstPublished). */
  readonly dates: string[];
  /** Item ids, as published in every format. */
  readonly ids: string[];
}

/** Empty columns, to be filled row by row. */
export function emptyPublishedIdColumns(): PublishedIdColumns {
  return { langs: [], keys: [], dates: [], ids: [] };
}

/** The comment lines every manifest starts with: what the file is, and how to accept a change. */
export const PUBLISHED_IDS_HEADER = [
  '# published-ids.tsv: the item id of every published article version, written by "polyfeed build". Commit it with the articles.',
  '# A build that would change or drop one of these ids fails: feed readers would show the item twice.',
  '# Do not edit by hand, except to accept a change on purpose (or run "polyfeed build --accept-id-changes").',
  '# Columns, tab-separated: language, article key, first publication date (UTC), item id.',
  '',
]
  .join('\n');

/** How many lines the header takes. */
export const PUBLISHED_IDS_HEADER_LINES = PUBLISHED_IDS_HEADER.split('\n').length - 1;

/** A first publication date as the manifest writes it: ISO 8601 in UTC, milliseconds only when there are any (`2025-03-14T08:30:00Z`). */
export function formatFirstPublished(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -'.000Z'.length)}Z` : iso;
}

/** What formatFirstPublished writes; a date in another form is a problem in a hand-edited line. */
export const FIRST_PUBLISHED_FORMAT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;
