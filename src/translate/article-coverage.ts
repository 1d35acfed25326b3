// Pure: the article table, the config's languages and a window → per article and language, whether the version is translated, missing, taken from a fallback or outdated.
import type { ArticleTable } from '../model/article-table.js';
import { isPublishedIn, updatedMsIn, type PublicationWindow } from '../model/publication-window.js';

/**
 * What one article has in one language:
 * - `translated`: a published version, as new as its source (or the source itself);
 * - `outdated`: a published version whose source version was updated (its `updated`) after it was;
 * - `fallback`: no version, but the language's fallback chain gives one in another language;
 * - `missing`: no version, and nothing stands in for it.
 */
export type CoverageKind = 'translated' | 'outdated' | 'fallback' | 'missing';

/** One cell of the table: an article in a language. */
export interface CoverageCell {
  readonly kind: CoverageKind;
  /** The version's file (translated, outdated), or the file that stands in for it (fallback). */
  readonly file: string | null;
  /** The language the version was translated from (outdated and translated, when it is a translation); the language taken instead (fallback). */
  readonly from: string | null;
  /** When the version was last updated (`updated`, else `date`), ms since the epoch; null without a version. */
  readonly updatedMs: number | null;
  /** When its source version was last updated: later than `updatedMs` for an outdated version. */
  readonly sourceUpdatedMs: number | null;
  /** Its source version's file, when the article has one. */
  readonly sourceFile: string | null;
}

/** One article (an article key) across the config's languages. */
export interface CoverageRow {
  readonly key: string;
  /** The title of its default-language version, else of its first version in the config's order. */
  readonly title: string;
  /** By language, in the order of the config's languages. */
  readonly cells: Readonly<Record<string, CoverageCell>>;
}

export interface ArticleCoverageInput {
  readonly table: ArticleTable;
  /** The config's languages, in its order. */
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** Which versions count: those this window publishes (drafts and scheduled versions do not, but in a preview). */
  readonly window: PublicationWindow;
  /**
   * The language a version was translated from, as its front matter says (`translationOf`);
   * undefined when it does not say. Asked only of articles with more than one version.
   */
  readonly translationOfRow: (row: number) => string | undefined;
  /** The languages that stand in for `lang` when an article has no version in it, in order (none: the article is missing there). */
  readonly fallbackChainOf: (lang: string) => readonly string[];
}

interface Version {
  readonly row: number;
  readonly updatedMs: number;
  /** Whether it has an `updated` (that has come) later than its `date`: only a version updated after it was written can leave a translation behind. */
  readonly wasUpdated: boolean;
}

/**
 * The source of a version: the language its front matter names, else the default language. The
 * default language's own version (with no `translationOf`) is an original and has none.
 */
export function sourceLanguageOf(lang: string, translationOf: string | undefined, defaultLanguage: string): string | undefined {
  if (translationOf !== undefined) return translationOf;
  return lang === defaultLanguage ? undefined : defaultLanguage;
}

/** The first language of the chain that has a version: the language an absent one falls back to. */
export function chooseFallback(chain: readonly string[], versions: ReadonlyMap<string, Version>): string | undefined {
  return chain.find((lang) => versions.has(lang));
}

function cellOf(input: ArticleCoverageInput, lang: string, versions: ReadonlyMap<string, Version>): CoverageCell {
  const { table } = input;
  const version = versions.get(lang);
  if (!version) {
    const from = chooseFallback(input.fallbackChainOf(lang), versions);
    if (from === undefined) return { kind: 'missing', file: null, from: null, updatedMs: null, sourceUpdatedMs: null, sourceFile: null };
    return { kind: 'fallback', file: table.pathAt(versions.get(from)!.row), from, updatedMs: null, sourceUpdatedMs: null, sourceFile: null };
  }
  const file = table.pathAt(version.row);
  const source = versions.size > 1 ? sourceLanguageOf(lang, input.translationOfRow(version.row), input.defaultLanguage) : undefined;
  const sourceVersion = source === undefined ? undefined : versions.get(source);
  // A source the article has no version in cannot say whether the translation fell behind.
  if (!sourceVersion) return { kind: 'translated', file, from: source ?? null, updatedMs: version.updatedMs, sourceUpdatedMs: null, sourceFile: null };
  // A source never updated since it was written leaves no translation behind, whichever was published first.
  const kind = sourceVersion.wasUpdated && sourceVersion.updatedMs > version.updatedMs ? 'outdated' : 'translated';
  return { kind, file, from: source!, updatedMs: version.updatedMs, sourceUpdatedMs: sourceVersion.updatedMs, sourceFile: table.pathAt(sourceVersion.row) };
}

/**
 * Every article with at least one published version, in key order, with a cell per language.
 * A version's time is its `updated` (once that has come), else its `date`.
 */
export function coverageOfArticles(input: ArticleCoverageInput): CoverageRow[] {
  const { table, window } = input;
  const byKey = new Map<string, Map<string, Version>>();
  for (let row = 0; row < table.length; row++) {
    if (!isPublishedIn(table, row, window)) continue;
    const key = table.keyAt(row);
    const versions = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
    const dateMs = table.dateMsAt(row);
    const updatedMs = updatedMsIn(dateMs, table.updatedMsAt(row), window);
    versions.set(table.langAt(row), { row, updatedMs, wasUpdated: updatedMs > dateMs });
  }
  return [...byKey.keys()].sort().map((key) => {
    const versions = byKey.get(key)!;
    const titled = versions.get(input.defaultLanguage) ?? input.languages.map((lang) => versions.get(lang)).find((version) => version !== undefined)!;
    const cells = Object.fromEntries(input.languages.map((lang) => [lang, cellOf(input, lang, versions)]));
    return { key, title: table.titleAt(titled.row), cells };
  });
}

/** How many cells of each kind a language has. */
export function countCells(rows: readonly CoverageRow[], lang: string): Record<CoverageKind, number> {
  const counts: Record<CoverageKind, number> = { translated: 0, outdated: 0, fallback: 0, missing: 0 };
  for (const row of rows) {
    const cell = row.cells[lang];
    if (cell) counts[cell.kind]++;
  }
  return counts;
}
