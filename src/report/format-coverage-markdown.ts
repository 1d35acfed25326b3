// Pure: a site's coverage → a Markdown section for a pull request: a table of articles × languages, then one of labels per language.
import type { CoverageCell } from '../translate/article-coverage.js';
import { countCells } from '../translate/article-coverage.js';
import type { SiteCoverage } from '../translate/site-coverage.js';
import { escapeMarkdown } from './format-diff-markdown.js';

const HEADING = '### Translation coverage';

/** A cell in words; an outdated one in bold, so a reviewer sees it. */
function markdownCell(cell: CoverageCell | undefined): string {
  if (!cell) return '';
  if (cell.kind === 'outdated') return `**outdated** (${escapeMarkdown(cell.from ?? '')} is newer)`;
  if (cell.kind === 'fallback') return `fallback (${escapeMarkdown(cell.from ?? '')})`;
  return cell.kind;
}

/** A key as code; one holding a backquote (a site may name a label so) as escaped text instead. */
function codeOf(key: string): string {
  return key.includes('`') ? escapeMarkdown(key) : `\`${key.replace(/\|/g, '\\|')}\``;
}

function codeList(keys: readonly string[]): string {
  return keys.length === 0 ? '—' : keys.map(codeOf).join(', ');
}

export function formatCoverageMarkdown(coverage: SiteCoverage): string {
  const { languages, articles } = coverage;
  const lines = [HEADING, ''];
  const totals = languages.map((lang) => {
    const counts = countCells(articles, lang);
    const more = [counts.outdated > 0 ? `${counts.outdated} outdated` : '', counts.fallback > 0 ? `${counts.fallback} fallback` : ''].filter((part) => part !== '');
    return `${escapeMarkdown(lang)}: ${counts.translated}/${articles.length}${more.map((part) => `, ${part}`).join('')}`;
  });
  lines.push(`${articles.length} article${articles.length === 1 ? '' : 's'}; translated per language: ${totals.join('; ')}.`, '');
  lines.push(`| Article | ${languages.map(escapeMarkdown).join(' | ')} |`, `| --- |${languages.map(() => ' --- |').join('')}`);
  for (const row of articles) {
    lines.push(`| ${escapeMarkdown(row.title)} (${codeOf(row.key)}) | ${languages.map((lang) => markdownCell(row.cells[lang])).join(' | ')} |`);
  }
  lines.push('', '#### Labels', '', '| Language | From polyfeed\'s labels | Falling back | Missing |', '| --- | --- | --- | --- |');
  for (const labels of coverage.labels) {
    const fallback = codeList(labels.fallback.map(({ key, from }) => `${key} → ${from}`));
    lines.push(`| ${escapeMarkdown(labels.lang)} | ${codeList(labels.packaged)} | ${fallback} | ${codeList(labels.missing)} |`);
  }
  return `${lines.join('\n')}\n`;
}
