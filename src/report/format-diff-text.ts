// Pure: a site's diff → text for a person: per language and format, the items added, removed and changed (which fields), and a summary line.
import type { ChangedItem, ItemRef, SiteDiff } from '../diff/feed-diff.js';
import type { FieldValue } from '../diff/parsed-feed.js';
import { escapeTerminalText } from './escape-terminal-text.js';
import { countDiff, countOf, groupFileDiffs, type DiffCounts, type DiffGroup } from './summarize-diff.js';

/** Feed field values longer than this are named, not shown. */
const SHOWN_VALUE_LENGTH = 100;

const safe = (text: string) => escapeTerminalText(text);

function itemLabel(item: ItemRef): string {
  const title = item.title === undefined || item.title === '' ? item.id : item.title;
  return item.link === undefined ? safe(title) : `${safe(title)}  <${safe(item.link)}>`;
}

function changedItemLine(item: ChangedItem): string {
  const was = item.oldTitle === undefined ? '' : ` (was: ${safe(item.oldTitle)})`;
  return `    changed  ${safe(item.title ?? item.id)}${was}: ${item.fields.join(', ')}`;
}

/** A value on one line when it is short enough to read in a report. */
export function shownValue(value: FieldValue | undefined): string | undefined {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : value.join(', ');
  return text.length > SHOWN_VALUE_LENGTH || /[\n\r]/.test(text) ? undefined : text;
}

/** A feed field's change, and the files it is in when not in all of the group's. */
function feedFieldLine({ change, paths }: DiffGroup['feedChanges'][number], groupSize: number): string {
  const [old, now] = [shownValue(change.old), shownValue(change.new)];
  const values = old === undefined || now === undefined ? '' : `: ${safe(old)} → ${safe(now)}`;
  const where = paths.length === groupSize ? '' : `  (${paths.map(safe).join(', ')})`;
  return `    feed     ${change.field}${values}${where}`;
}

/** The summary line: what was compared and how many feeds and items differ. */
export function formatDiffSummary(counts: DiffCounts, oldDir: string, newDir: string | null): string {
  const { files, items } = counts;
  const compared = newDir === null ? `the feeds a build would write with ${oldDir}` : `${newDir} with ${oldDir}`;
  const total = files.added + files.removed + files.changed + files.unchanged;
  if (total === files.unchanged) return `Identical: compared ${compared}; ${countOf(total, 'feed')}, none differs.`;
  return (
    `Compared ${compared}: ${files.added + files.removed + files.changed} of ${countOf(total, 'feed')} differ ` +
    `(${files.added} added, ${files.removed} removed, ${files.changed} changed); ` +
    `items: ${items.added} added, ${items.removed} removed, ${items.changed} changed.`
  );
}

/** The diff as lines of text, grouped per language and format, with the summary line last. */
export function formatDiffText(diff: SiteDiff, oldDir: string, newDir: string | null): string {
  const lines: string[] = [];
  for (const { paths, diff: file, feedChanges } of groupFileDiffs(diff.files)) {
    const heading = paths.map(safe).join(', ');
    if (file.status !== 'changed') {
      lines.push(`${heading}: ${file.status}${file.itemCount === undefined ? '' : ` (${countOf(file.itemCount, 'item')})`}`);
      continue;
    }
    if (file.unparsable) {
      lines.push(`${heading}: changed; the ${file.unparsable.side} file does not parse (${safe(file.unparsable.problem)})`);
      continue;
    }
    const changes = file.changes!;
    const told = feedChanges.length + changes.added.length + changes.removed.length + changes.changed.length;
    lines.push(told === 0 ? `${heading}: changed in markup only (no item or feed field differs)` : `${heading}: changed`);
    for (const item of changes.added) lines.push(`    added    ${itemLabel(item)}`);
    for (const item of changes.removed) lines.push(`    removed  ${itemLabel(item)}`);
    for (const item of changes.changed) lines.push(changedItemLine(item));
    for (const feedChange of feedChanges) lines.push(feedFieldLine(feedChange, paths.length));
  }
  lines.push(formatDiffSummary(countDiff(diff), oldDir, newDir));
  return `${lines.join('\n')}\n`;
}
