// Pure: a site's coverage → its part of the JSON report (`coverage`), dates as ISO 8601 text.
import type { CoverageKind } from '../translate/article-coverage.js';
import type { SiteCoverage } from '../translate/site-coverage.js';
import type { LabelCoverage } from '../translate/label-coverage.js';

/** One cell: the kind, the version's file (or the one standing in), and the dates that make it outdated. */
export interface JsonCoverageCell {
  readonly status: CoverageKind;
  readonly file: string | null;
  /** The source language (a translation), or the language taken instead (fallback). */
  readonly from: string | null;
  /** The version's `updated`, else its `date` (UTC). */
  readonly updated: string | null;
  /** The same of its source version, when the article has one. */
  readonly sourceUpdated: string | null;
  /** Its source version's file, when the article has one. */
  readonly sourceFile: string | null;
}

/** `coverage` in the JSON report of `polyfeed coverage`. */
export interface JsonCoverage {
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly articles: ReadonlyArray<{ readonly key: string; readonly title: string; readonly languages: Readonly<Record<string, JsonCoverageCell>> }>;
  readonly labels: readonly LabelCoverage[];
}

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toJsonCoverage(coverage: SiteCoverage): JsonCoverage {
  return {
    languages: coverage.languages,
    defaultLanguage: coverage.defaultLanguage,
    articles: coverage.articles.map((row) => ({
      key: row.key,
      title: row.title,
      languages: Object.fromEntries(
        Object.entries(row.cells).map(([lang, cell]) => [lang, { status: cell.kind, file: cell.file, from: cell.from, updated: isoOf(cell.updatedMs), sourceUpdated: isoOf(cell.sourceUpdatedMs), sourceFile: cell.sourceFile }]),
      ),
    })),
    labels: coverage.labels,
  };
}
