// Pure: which rows of the article table each language's feeds take: its own published versions,
// and, with a fallback chain (config `fallbacks`), the versions standing in for the articles it lacks.
import type { ArticleTable } from '../model/article-table.js';
import { fallbackChainOf, type FallbackChains } from '../model/fallback-chains.js';

/** The published rows of a site by language, with each language's fallback rows worked out once, when first asked for. */
export class FeedRows {
  private readonly byLanguage = new Map<string, number[]>();
  private readonly fallbacks = new Map<string, ReadonlySet<number>>();

  constructor(
    private readonly table: ArticleTable,
    private readonly chains: FallbackChains | undefined,
  ) {}

  /** Adds a published row (rows are added in path order). */
  add(row: number): void {
    const lang = this.table.langAt(row);
    const rows = this.byLanguage.get(lang);
    if (rows) rows.push(row);
    else this.byLanguage.set(lang, [row]);
  }

  /** `lang`'s own published rows, in path order. */
  ownRowsOf(lang: string): readonly number[] {
    return this.byLanguage.get(lang) ?? [];
  }

  /** The rows of `lang`'s feeds: its own, then those its fallback chain puts in for the articles it lacks. */
  feedRowsOf(lang: string): readonly number[] {
    const own = this.ownRowsOf(lang);
    const taken = this.fallbackRowsOf(lang);
    return taken.size === 0 ? own : [...own, ...taken];
  }

  /**
   * The rows standing in for `lang`: for each article without a published version in `lang`, the
   * version of the first language of the chain that has one.
   */
  fallbackRowsOf(lang: string): ReadonlySet<number> {
    const known = this.fallbacks.get(lang);
    if (known) return known;
    const taken = new Set<number>();
    const chain = fallbackChainOf(this.chains, lang);
    if (chain.length > 0) {
      const covered = new Set(this.ownRowsOf(lang).map((row) => this.table.keyAt(row)));
      for (const other of chain) {
        for (const row of this.ownRowsOf(other)) {
          const key = this.table.keyAt(row);
          if (covered.has(key)) continue;
          covered.add(key);
          taken.add(row);
        }
      }
    }
    this.fallbacks.set(lang, taken);
    return taken;
  }
}
