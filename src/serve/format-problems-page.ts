// Pure: the problems of the preview server's last build → the HTML page its index answers with while that build fails, and the notice its other pages get.
import type { BuildError } from '../model/build-error.js';
import { escapeHtmlText } from '../serialize/escape-html-text.js';

/** Why the last build published nothing: its problems, or a sentence (a usage problem). */
export interface FailedBuild {
  readonly problems: readonly BuildError[];
  readonly message?: string | undefined;
}

function whereOf(problem: BuildError): string {
  if (problem.file === undefined) return '(the whole site)';
  return [problem.file, problem.line, problem.line === undefined ? undefined : problem.column].filter((part) => part !== undefined).join(':');
}

function problemItem(problem: BuildError): string {
  const field = problem.path.length > 0 ? ` <span class="field">${escapeHtmlText(problem.path.join('.'))}</span>` : '';
  const hint = problem.hint ? `\n    <p class="hint">hint: ${escapeHtmlText(problem.hint)}</p>` : '';
  return `  <li class="${problem.severity}">
    <p><code>${escapeHtmlText(whereOf(problem))}</code> <strong>${escapeHtmlText(problem.code)}</strong> ${problem.severity}${field}</p>
    <p>${escapeHtmlText(problem.message)}</p>${hint}
  </li>`;
}

/**
 * A self-contained page (no script, no outside resource) that lists every problem with its file,
 * line, code, message and hint, all text escaped (messages quote the sources), and links to the
 * last good `index.html` when the output folder has one. It refreshes itself every few seconds, so
 * a fix shows without reloading.
 */
export function formatProblemsPage(failed: FailedBuild, lastGoodIndex: string | undefined): string {
  const errors = failed.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = failed.problems.length - errors;
  const counts = [errors && `${errors} ${errors === 1 ? 'error' : 'errors'}`, warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean).join(', ');
  const message = failed.message ? `<p class="message">${escapeHtmlText(failed.message)}</p>\n` : '';
  const list = failed.problems.length > 0 ? `<ol>\n${failed.problems.map(problemItem).join('\n')}\n</ol>\n` : '';
  const link = lastGoodIndex
    ? `<p>The feeds served are those of the last build that succeeded. <a href="${escapeHtmlText(lastGoodIndex)}">Its index page</a>.</p>`
    : '<p>The feeds served are those of the last build that succeeded, if any.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="3">
<title>polyfeed: the last build failed</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
li { margin-bottom: 1rem; }
li.error strong { color: #b00020; }
li.warning strong { color: #8a5a00; }
.hint { color: #555; }
code { unicode-bidi: isolate; }
</style>
</head>
<body>
<h1>The last build failed${counts ? `: ${counts}` : ''}</h1>
${message}${list}${link}
<p>polyfeed serve rebuilds when a source is saved; this page refreshes itself.</p>
</body>
</html>
`;
}

function countsOf(failed: FailedBuild): string {
  const errors = failed.problems.filter((problem) => problem.severity === 'error').length;
  return errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : 'a problem';
}

/**
 * An HTML page of the last good output with a notice at the top of its body saying that the last
 * build failed and linking to `/`, where its problems are listed. A page without a `<body>` tag
 * gets the notice first.
 */
export function withFailedBuildNotice(html: string, failed: FailedBuild): string {
  const notice = `<div role="alert" style="all: initial; display: block; font: 16px/1.5 system-ui, sans-serif; background: #b00020; color: #fff; padding: .5rem 1rem">The last build failed (${countsOf(failed)}): this page is from the last build that succeeded. <a href="/" style="color: #fff">See the problems</a>.</div>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return `${notice}\n${html}`;
  const end = body.index + body[0].length;
  return `${html.slice(0, end)}\n${notice}${html.slice(end)}`;
}
