// Pure: problems → GitHub Actions workflow commands, shown as annotations on the file and line.
import type { BuildError } from './build-error.js';
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

export function formatGithubAnnotations(errors: readonly BuildError[]): string {
  const { shown, omitted } = capProblemsPerFile(sortErrors(errors));
  const notices = omitted.map((entry) => `::notice ${entry.file === null ? '' : `file=${escapeProperty(entry.file)}`}::${escapeData(describeOmitted(entry))}\n`);
  return shown
    .map((error) => {
      const properties: string[] = [];
      if (error.file !== undefined) properties.push(`file=${escapeProperty(error.file)}`);
      if (error.line !== undefined) properties.push(`line=${error.line}`);
      if (error.column !== undefined) properties.push(`col=${error.column}`);
      const field = formatFieldPath(error.path);
      properties.push(`title=${escapeProperty(`${error.code}${field ? ` ${field}` : ''}`)}`);
      const body = error.hint ? `${error.message}\nhint: ${error.hint}` : error.message;
      return `::${error.severity} ${properties.join(',')}::${escapeData(body)}\n`;
    })
    .concat(notices)
    .join('');
}
