// Test helper: summaries held in memory, in any order → an ArticleTable in path order (no stamps, no digests).
import type { ArticleSummary } from '../../src/model/article-summary.js';
import { ArticleTable } from '../../src/model/article-table.js';

export function tableOfSummaries(summaries: readonly ArticleSummary[]): ArticleTable {
  const sorted = [...summaries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return ArticleTable.of(sorted.map((summary) => ({ path: summary.file, summary, problems: [], stamp: [0, 0, 0], digest: '' })));
}
