// I/O: prints a run's problems to the terminal in the chosen format (human, json or github).
import { resolve } from 'node:path';
import { styleText } from 'node:util';
import type { BuildError } from '../model/build-error.js';
import { formatErrorReport, formatSummary, type HumanReportOptions } from './format-error.js';
import { formatGithubAnnotations } from './format-github-annotations.js';
import { formatJsonReport, type ReportDetails } from './format-json-report.js';
import { decodeText } from '../load/decode-text.js';
import type { SettingSources, SiteSources, SourceFile } from '../load/read-sources.js';
import type { NamedSourceFiles } from '../load/named-source-files.js';

/** How problems are reported: `--format`. */
export type ReportFormat = 'human' | 'json' | 'github';

/** The bytes of a source file the report names: settings as read, an article file read again through the sources' reader. */
function sourceBytesOf(sources: SettingSources | SiteSources | NamedSourceFiles | undefined): (path: string) => Uint8Array | undefined {
  const byPath = new Map<string, SourceFile>();
  if (!sources) return () => undefined;
  if ('namedFiles' in sources) {
    for (const file of sources.namedFiles) byPath.set(file.path, file);
    return (path) => byPath.get(path)?.bytes;
  }
  const { packaged } = sources;
  for (const file of [...sources.localeFiles, ...sources.templateFiles, ...packaged.localeFiles, ...packaged.templateFiles, ...(sources.configFile ? [sources.configFile] : [])]) {
    byPath.set(file.path, file);
  }
  let articlePaths: Set<string> | undefined;
  return (path) => {
    const file = byPath.get(path);
    if (file || !('readArticleBytes' in sources)) return file?.bytes;
    // Made when an article is first named: tens of thousands of paths, seldom needed.
    articlePaths ??= new Set(sources.articlePaths);
    return articlePaths.has(path) ? sources.readArticleBytes(path) : undefined;
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function humanOptions(sources: SettingSources | SiteSources | NamedSourceFiles | undefined): HumanReportOptions {
  const colour = process.stderr.isTTY === true && !process.env.NO_COLOR;
  const sourceBytes = sourceBytesOf(sources);
  const texts = new Map<string, string | undefined>();
  return {
    // Only the files a problem names are read (article bytes are read on demand).
    sourceText: (path) => {
      if (!texts.has(path)) {
        const bytes = sourceBytes(path);
        texts.set(path, bytes === undefined ? undefined : decodeText({ path, bytes }).value);
      }
      return texts.get(path);
    },
    paint: colour ? (style, text) => styleText(style, text) : (_style, text) => text,
  };
}

/**
 * Prints problems in the chosen format; human and GitHub reports go to stderr and stdout as readers
 * expect. `root` (the site folder) lets GitHub annotations name files from the workspace.
 */
export function printReport(
  format: ReportFormat,
  errors: readonly BuildError[],
  sources: SettingSources | SiteSources | NamedSourceFiles | undefined,
  ok: boolean,
  details: ReportDetails,
  root?: string,
): void {
  if (format === 'json') {
    process.stdout.write(formatJsonReport(errors, ok, details));
    return;
  }
  if (format === 'github') {
    // GitHub resolves an annotation's file in the workspace; outside Actions, in the working directory.
    const base = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
    process.stdout.write(formatGithubAnnotations(errors, root === undefined ? undefined : { root: resolve(root), base }));
    if (errors.length > 0) process.stderr.write(`${formatSummary(errors)}\n`);
    return;
  }
  if (errors.length > 0) process.stderr.write(formatErrorReport(errors, humanOptions(sources)));
}

