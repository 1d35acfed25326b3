// Pure: a site's diff → a Markdown section for a pull-request comment: a heading, a summary, a table of items per language.
import type { ChangedItem, FeedChanges, ItemRef, SiteDiff } from '../diff/feed-diff.js';
import type { BuildError } from '../model/build-error.js';
import { countDiff, countOf, groupFileDiffs } from './summarize-diff.js';

/** Rows per table: a comment has a size limit (GitHub's is 65,536 characters), and a long table is not read. */
export const MAX_ROWS = 50;

const HEADING = '### Feed changes';

/**
 * Text from the feeds (titles, paths) as Markdown that shows it literally: every character that
 * could start emphasis, a link, an image, HTML, an entity, a reference or a table cell is
 * backslash-escaped (CommonMark §2.4), and line breaks become spaces so a row stays one row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#!|~&]/g, '\\$&');
}

/** A link's destination with the characters that would end or break it percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function itemCell(item: ItemRef): string {
  const title = escapeMarkdown(item.title === undefined || item.title === '' ? item.id : item.title);
  return item.link === undefined ? title : `[${title}](${linkTarget(item.link)})`;
}

function changedCell(item: ChangedItem): string {
  return item.oldTitle === undefined ? itemCell(item) : `${itemCell(item)} (was: ${escapeMarkdown(item.oldTitle)})`;
}

function itemTable(changes: FeedChanges): string[] {
  const rows = [
    ...changes.added.map((item) => `| added | ${itemCell(item)} | |`),
    ...changes.removed.map((item) => `| removed | ${itemCell(item)} | |`),
    ...changes.changed.map((item) => `| changed | ${changedCell(item)} | ${item.fields.map(escapeMarkdown).join(', ')} |`),
  ];
  if (rows.length === 0) return [];
  const shown = rows.slice(0, MAX_ROWS);
  if (rows.length > MAX_ROWS) shown.push(`| … | ${countOf(rows.length - MAX_ROWS, 'more item')} | |`);
  return ['| change | item | fields |', '| --- | --- | --- |', ...shown, ''];
}

function summaryLine(diff: SiteDiff): string {
  const { files, items } = countDiff(diff);
  const total = files.added + files.removed + files.changed + files.unchanged;
  const differ = files.added + files.removed + files.changed;
  return (
    `**${differ} of ${countOf(total, 'feed')} differ** (${files.added} added, ${files.removed} removed, ${files.changed} changed); ` +
    `items: ${items.added} added, ${items.removed} removed, ${items.changed} changed.`
  );
}

/** The diff as a Markdown section: a heading, the summary, then per language and format a table of the items. */
export function formatDiffMarkdown(diff: SiteDiff): string {
  if (diff.files.length === 0) return `${HEADING}\n\nNo feed changes: the ${countOf(diff.unchanged.length, 'feed')} are identical.\n`;
  const lines = [HEADING, '', summaryLine(diff), ''];
  for (const { language, paths, diff: file, feedChanges } of groupFileDiffs(diff.files)) {
    const fileNames = (files: readonly string[]) => files.map((path) => escapeMarkdown(path.slice(language.length + 1))).join(', ');
    const names = fileNames(paths);
    if (file.status !== 'changed') {
      const count = file.itemCount === undefined ? '' : ` (${countOf(file.itemCount, 'item')})`;
      lines.push(`#### ${escapeMarkdown(language)}: ${names} ${file.status}${count}`, '');
      continue;
    }
    lines.push(`#### ${escapeMarkdown(language)}: ${names}`, '');
    if (file.unparsable) {
      lines.push(`The ${file.unparsable.side} file does not parse: ${escapeMarkdown(file.unparsable.problem)}.`, '');
      continue;
    }
    const changes = file.changes!;
    lines.push(...itemTable(changes));
    if (feedChanges.length > 0) {
      const told = feedChanges.map(({ change, paths: where }) => `${escapeMarkdown(change.field)}${where.length === paths.length ? '' : ` (${fileNames(where)})`}`);
      lines.push(`Feed fields changed: ${[...new Set(told)].join(', ')}.`, '');
    }
    if (feedChanges.length + changes.added.length + changes.removed.length + changes.changed.length === 0) {
      lines.push('Changed in markup only: no item or feed field differs.', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The section when problems stopped the run: no diff was made. */
export function formatNoDiffMarkdown(problems: readonly BuildError[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const found = errors > 0 ? countOf(errors, 'error') : countOf(warnings, 'warning');
  return `${HEADING}\n\nNo diff was made: the sources have ${found}. Run \`polyfeed check\` to see them.\n`;
}
