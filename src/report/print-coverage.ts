// I/O: prints a site's coverage on stdout, as a terminal table or as Markdown (the JSON form goes into the JSON report).
import type { SiteCoverage } from '../translate/site-coverage.js';
import { formatCoverageMarkdown } from './format-coverage-markdown.js';
import { formatCoverageText } from './format-coverage-text.js';

export function printCoverage(coverage: SiteCoverage, format: 'human' | 'markdown'): void {
  process.stdout.write(format === 'markdown' ? formatCoverageMarkdown(coverage) : formatCoverageText(coverage));
}
