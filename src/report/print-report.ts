// I/O: prints a run's problems to the terminal in the chosen format (human, json or github).
import { resolve } from 'node:path';
import { styleText } from 'node:util';
import type { BuildError } from '../model/build-error.js';
import { formatErrorReport, formatSummary, type HumanReportOptions } from './format-error.js';
import { formatGithubAnnotations } from './format-github-annotations.js';
import { formatJsonReport, type JsonReport } from './format-json-report.js';
import { decodeText } from '../load/decode-text.js';
import type { SiteSources, SourceFile } from '../load/read-sources.js';

/** How problems are reported: `--format`. */
export type ReportFormat = 'human' | 'json' | 'github';

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function humanOptions(sources: SiteSources | undefined): HumanReportOptions {
  const colour = process.stderr.isTTY === true && !process.env.NO_COLOR;
  const byPath = new Map<string, SourceFile>();
  const texts = new Map<string, string | undefined>();
  if (sources) {
    for (const file of [...sources.articleFiles, ...sources.localeFiles, ...sources.templateFiles, ...(sources.configFile ? [sources.configFile] : [])]) {
      byPath.set(file.path, file);
    }
  }
  return {
    // Only the files a problem names are read (article bytes are read on demand).
    sourceText: (path) => {
      if (!texts.has(path)) {
        const file = byPath.get(path);
        texts.set(path, file === undefined ? undefined : decodeText(file).value);
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
  sources: SiteSources | undefined,
  ok: boolean,
  output?: JsonReport['output'],
  root?: string,
): void {
  if (format === 'json') {
    process.stdout.write(formatJsonReport(errors, ok, output));
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

