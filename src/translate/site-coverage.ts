// Types: what `polyfeed coverage` tells of a site: its articles × languages, and each language's labels.
import type { CoverageRow } from './article-coverage.js';
import type { LabelCoverage } from './label-coverage.js';

/** The table of articles × languages, and the labels of each language. */
export interface SiteCoverage {
  /** The config's languages, in its order: the table's columns. */
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** One row per article with a published version, in key order. */
  readonly articles: readonly CoverageRow[];
  /** Per language, in the config's order. */
  readonly labels: readonly LabelCoverage[];
}

