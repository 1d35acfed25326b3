// Pure: a site's coverage → a table for the terminal (articles × languages), the labels each language leaves to polyfeed or misses, and counts per language.
import { graphemesOf } from '../model/graphemes.js';
import type { CoverageCell } from '../translate/article-coverage.js';
import { countCells } from '../translate/article-coverage.js';
import type { SiteCoverage } from '../translate/site-coverage.js';
import { escapeTerminalText } from './escape-terminal-text.js';

/** Widest article key shown: a row stays one line with five or more languages beside it. */
export const MAX_KEY_WIDTH = 32;
/** Widest label key shown in a list of labels. */
export const MAX_LABEL_KEY_WIDTH = 36;

/**
 * `text` in at most `width` characters: the start and the end kept, "…" between, since article
 * keys often share a start (a date) and label keys a namespace (`item.`).
 */
export function truncateMiddle(text: string, width: number): string {
  const characters = graphemesOf(text);
  if (characters.length <= width) return text;
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${characters.slice(0, head).join('')}…${tail > 0 ? characters.slice(-tail).join('') : ''}`;
}

/** A cell as one word: `translated`, `OUTDATED` (upper case, to stand out), `missing`, or `fallback→pt-PT`. */
export function cellWord(cell: CoverageCell | undefined): string {
  if (!cell) return '';
  if (cell.kind === 'outdated') return 'OUTDATED';
  if (cell.kind === 'fallback') return `fallback→${cell.from}`;
  return cell.kind;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - graphemesOf(text).length));
}

function labelList(keys: readonly string[]): string {
  return keys.map((key) => truncateMiddle(escapeTerminalText(key), MAX_LABEL_KEY_WIDTH)).join(', ');
}

/** The whole text: the table, a line of counts per language, then the labels of each language that lacks some of its own. */
export function formatCoverageText(coverage: SiteCoverage): string {
  const { languages, articles } = coverage;
  const header = ['article', ...languages];
  const body = articles.map((row) => [truncateMiddle(escapeTerminalText(row.key), MAX_KEY_WIDTH), ...languages.map((lang) => cellWord(row.cells[lang]))]);
  const widths = header.map((title, column) => Math.max(graphemesOf(title).length, ...body.map((cells) => graphemesOf(cells[column]!).length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => padEnd(cell, widths[column]!)).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)];
  if (articles.length === 0) lines.push('(no published article)');
  lines.push('');
  for (const lang of languages) {
    const counts = countCells(articles, lang);
    const parts = [`${counts.translated} translated`, `${counts.outdated} outdated`, `${counts.fallback} fallback`, `${counts.missing} missing`];
    lines.push(`${lang}: ${parts.join(', ')} (of ${articles.length})`);
  }
  const labelLines = coverage.labels.flatMap((labels) => [
    ...(labels.missing.length > 0 ? [`${labels.lang}: ${labels.missing.length} missing: ${labelList(labels.missing)}`] : []),
    ...(labels.packaged.length > 0 ? [`${labels.lang}: ${labels.packaged.length} from polyfeed's labels: ${labelList(labels.packaged)}`] : []),
    ...(labels.fallback.length > 0 ? [`${labels.lang}: ${labels.fallback.length} falling back: ${labelList(labels.fallback.map(({ key, from }) => `${key}→${from}`))}`] : []),
  ]);
  lines.push('', 'Labels:', ...(labelLines.length > 0 ? labelLines.map((text) => `  ${text}`) : ['  every language words every label itself']));
  return `${lines.join('\n')}\n`;
}
