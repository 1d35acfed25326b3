// I/O: after the feeds are published, published-ids.tsv written when its bytes change; what the summary says of it, and its stamp for the next no-op check.
import type { BuildError } from '../model/build-error.js';
import type { FileStamp } from '../model/file-stamp.js';
import { PUBLISHED_IDS_FILE } from '../load/read-published-ids.js';
import { formatPublishedIds } from '../translate/format-published-ids.js';
import type { PublishedIdsUpdate } from '../translate/validate-published-ids.js';
import type { BuildIndex } from '../cache/build-index.js';
import { writePublishedIds } from '../write/write-published-ids.js';

/** A stamp no file has: a manifest that could not be written makes the next build run (and write it). */
const NO_FILE_STAMP: FileStamp = [-1, -1, -1];

/** What writing the manifest did. */
export interface PublishedIdsWritten {
  readonly problems: BuildError[];
  /** The manifest's stamp after this build, when it wrote (or failed to write) it; undefined when it was left alone. */
  readonly stamp: FileStamp | undefined;
  /** A line for the summary, when it was written. */
  readonly summary: string[];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What changed in the manifest, in words: "2 ids added, 1 changed id accepted". */
function changesOf(update: PublishedIdsUpdate): string {
  const parts = [
    update.added > 0 ? `${plural(update.added, 'id', 'ids')} added` : '',
    update.moved > 0 ? `${plural(update.moved, 'id', 'ids')} moved to a renamed article folder` : '',
    update.acceptedChanges > 0 ? `${plural(update.acceptedChanges, 'changed id', 'changed ids')} accepted` : '',
    update.acceptedDrops > 0 ? `${plural(update.acceptedDrops, 'dropped id', 'dropped ids')} accepted` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : 'rewritten in the form polyfeed writes';
}

/** The summary's line about the manifest: what a build did to it, or (`dryRun`) would do. */
export function publishedIdsSummary(update: PublishedIdsUpdate, dryRun: boolean): string {
  const versions = plural(update.next.ids.length, 'published article version', 'published article versions');
  if (!update.changed) return `${PUBLISHED_IDS_FILE} ${dryRun ? 'would be' : 'was'} left alone.`;
  if (update.created) return `${PUBLISHED_IDS_FILE} ${dryRun ? 'would be' : 'was'} created with the ids of ${versions}${dryRun ? '' : ': commit it with the articles'}.`;
  return `${PUBLISHED_IDS_FILE} ${dryRun ? 'would be' : 'was'} updated: ${changesOf(update)}${dryRun ? '' : ' (commit it)'}.`;
}

/** Writes the manifest when its bytes would change (the feeds are published already): a failure is a problem, and the next build tries again. */
export function publishPublishedIds(root: string, update: PublishedIdsUpdate | undefined): PublishedIdsWritten {
  if (!update?.changed) return { problems: [], stamp: undefined, summary: [] };
  const written = writePublishedIds(root, formatPublishedIds(update.next));
  if ('error' in written) return { problems: [written.error], stamp: NO_FILE_STAMP, summary: [] };
  return { problems: [], stamp: written.stamp, summary: [publishedIdsSummary(update, false)] };
}

/**
 * The index with the manifest's stamp as this build left it: a manifest the build wrote is its
 * own output (trusted like the feeds), so the next build with nothing changed is a no-op.
 */
export function withPublishedIdsStamp(index: BuildIndex, stamp: FileStamp | undefined): BuildIndex {
  return stamp === undefined ? index : { ...index, settingFiles: { ...index.settingFiles, [PUBLISHED_IDS_FILE]: stamp } };
}
