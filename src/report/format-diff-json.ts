// Pure: a diff outcome → the stable JSON report of `polyfeed diff --format json` (shape documented in README.md, "polyfeed diff").
import type { BuildError } from '../model/build-error.js';
import type { FileDiff, ItemRef, SiteDiff } from '../diff/feed-diff.js';
import type { FieldValue } from '../diff/parsed-feed.js';
import { escapeJsonText } from './escape-terminal-text.js';
import { toJsonProblems, type JsonReport } from './format-json-report.js';
import type { OmittedProblems } from './cap-problems-per-file.js';
import { countDiff, type DiffCounts } from './summarize-diff.js';

/** An item as the report names it. */
export interface JsonItem {
  readonly id: string;
  readonly title: string | null;
  readonly link: string | null;
}

/** A feed file that differs. */
export interface JsonFileDiff {
  /** `en/rss.xml`, relative to the folders compared. */
  readonly path: string;
  readonly language: string;
  readonly format: 'rss' | 'atom' | 'json';
  readonly status: 'added' | 'removed' | 'changed';
  /** For a file added or removed whole: its number of items (null when it does not parse). */
  readonly itemCount?: number | null;
  /** For a changed file whose old or new version does not parse as its format. */
  readonly unparsable?: { readonly side: 'old' | 'new'; readonly problem: string };
  /** For a changed file: the fields of the feed itself that differ, with both values (null where a side lacks the field). */
  readonly feed?: ReadonlyArray<{ readonly field: string; readonly old: FieldValue | null; readonly new: FieldValue | null }>;
  /** For a changed file: items by id. Changed items list the names of the fields that differ, and the old title when the title is one. */
  readonly items?: {
    readonly added: readonly JsonItem[];
    readonly removed: readonly JsonItem[];
    readonly changed: ReadonlyArray<JsonItem & { readonly fields: readonly string[]; readonly oldTitle?: string | null }>;
  };
}

/** Version 1 of the diff report. Fields are only ever added, never renamed or removed. */
export interface DiffJsonReport {
  readonly version: 1;
  /** False when problems in the sources stopped the run: no diff was made (`identical` is then null). */
  readonly ok: boolean;
  /** True when every feed has the same bytes on both sides. */
  readonly identical: boolean | null;
  /** The folder compared against (absolute). */
  readonly old: string;
  /** The folder compared with it (--to), or null for the feeds a build would write. */
  readonly new: string | null;
  /** Null when no diff was made. */
  readonly summary: DiffCounts | null;
  /** The feed files that differ, by language and format. */
  readonly files: readonly JsonFileDiff[];
  /** The feed files with the same bytes on both sides. */
  readonly unchanged: readonly string[];
  /** Problems of the sources (warnings only when a diff was made), as in the `check` report. */
  readonly problems: JsonReport['problems'];
  /** Only when some are left out: files with more problems than `problems` shows (the first 20 of each file), and how many more. */
  readonly omitted?: readonly OmittedProblems[];
}

const jsonItem = (item: ItemRef): JsonItem => ({ id: item.id, title: item.title ?? null, link: item.link ?? null });

function toJsonFile(file: FileDiff): JsonFileDiff {
  const base = { path: file.path, language: file.language, format: file.format, status: file.status };
  if (file.status !== 'changed') return { ...base, itemCount: file.itemCount ?? null };
  if (!file.changes) return { ...base, ...(file.unparsable ? { unparsable: file.unparsable } : {}) };
  const { feed, added, removed, changed } = file.changes;
  return {
    ...base,
    feed: feed.map((change) => ({ field: change.field, old: change.old ?? null, new: change.new ?? null })),
    items: {
      added: added.map(jsonItem),
      removed: removed.map(jsonItem),
      changed: changed.map((item) => ({ ...jsonItem(item), fields: item.fields, ...('oldTitle' in item ? { oldTitle: item.oldTitle ?? null } : {}) })),
    },
  };
}

/** What the JSON report is made from: a diff outcome's data. */
export interface DiffReportInput {
  /** Undefined when problems stopped the run. */
  readonly diff: SiteDiff | undefined;
  readonly problems: readonly BuildError[];
  readonly oldDir: string;
  readonly newDir: string | null;
}

/** The diff (or the problems that stopped it) as the JSON report, version 1. */
export function formatDiffJson({ diff, problems, oldDir, newDir }: DiffReportInput): string {
  const { problems: listed, omitted } = toJsonProblems(problems);
  const report: DiffJsonReport = {
    version: 1,
    ok: diff !== undefined,
    identical: diff === undefined ? null : diff.files.length === 0,
    old: oldDir,
    new: newDir,
    summary: diff === undefined ? null : countDiff(diff),
    files: diff === undefined ? [] : diff.files.map(toJsonFile),
    unchanged: diff === undefined ? [] : diff.unchanged,
    problems: listed,
    ...(omitted.length > 0 ? { omitted } : {}),
  };
  // As in the problem report: controls JSON.stringify leaves raw are escaped (titles come from the sources).
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}
