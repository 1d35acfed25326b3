// Pure: problems → GitHub Actions workflow commands, shown as annotations on the file and line (named from the workspace).
import { join, relative, sep } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { escapeTerminalText } from './escape-terminal-text.js';
import { formatFieldPath } from './format-error.js';
import { capProblemsPerFile, describeOmitted } from './cap-problems-per-file.js';
import { sortErrors } from './sort-errors.js';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions — data escapes
// %, CR and LF; property values also escape ":" and ",".
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Where annotations' files are named from: the site folder, and the folder GitHub resolves paths in. */
export interface GithubPaths {
  /** The site folder (absolute); problems name files relative to it. */
  readonly root: string;
  /** GITHUB_WORKSPACE when set, else the working directory (absolute). */
  readonly base: string;
}

/** A site-relative path → the same file relative to `base`, with "/" separators (a folder keeps its trailing "/"). */
export function toWorkspacePath(file: string, paths: GithubPaths): string {
  const path = relative(paths.base, join(paths.root, file)).split(sep).join('/');
  return file.endsWith('/') && path !== '' ? `${path}/` : path || '.';
}

export function formatGithubAnnotations(errors: readonly BuildError[], paths?: GithubPaths): string {
  const { shown, omitted } = capProblemsPerFile(sortErrors(errors));
  const notices = omitted.map((entry) => {
    const file = entry.file === null ? '' : `file=${escapeProperty(escapeTerminalText(paths ? toWorkspacePath(entry.file, paths) : entry.file))}`;
    return `::notice ${file}::${escapeData(escapeTerminalText(describeOmitted(entry)))}\n`;
  });
  return shown
    .map((error) => {
      const properties: string[] = [];
      // Text from sources is escaped first (controls shown as \x1b), then for the workflow command.
      if (error.file !== undefined) properties.push(`file=${escapeProperty(escapeTerminalText(paths ? toWorkspacePath(error.file, paths) : error.file))}`);
      if (error.line !== undefined) properties.push(`line=${error.line}`);
      if (error.column !== undefined) properties.push(`col=${error.column}`);
      const field = formatFieldPath(error.path);
      properties.push(`title=${escapeProperty(escapeTerminalText(`${error.code}${field ? ` ${field}` : ''}`))}`);
      const message = escapeTerminalText(error.message);
      const body = error.hint ? `${message}\nhint: ${escapeTerminalText(error.hint)}` : message;
      return `::${error.severity} ${properties.join(',')}::${escapeData(body)}\n`;
    })
    .concat(notices)
    .join('');
}
