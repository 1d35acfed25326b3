import { describe, expect, test } from 'vitest';
import { makeError } from '../../../src/model/build-error.js';
import { testProblem } from '../../helpers/test-problem.js';
import { formatCodeFrame } from '../../../src/report/format-code-frame.js';
import { formatError } from '../../../src/report/format-error.js';
import { escapeJsonText, escapeTerminalText } from '../../../src/report/escape-terminal-text.js';
import { formatGithubAnnotations, toWorkspacePath } from '../../../src/report/format-github-annotations.js';
import { formatJsonReport } from '../../../src/report/format-json-report.js';

const source = '---\ntitle: x\ndate: yesterday\n---\nbody\n';
const dateError = makeError('INVALID_DATE', { kind: 'not-iso', text: 'yesterday' }, {
  file: 'articles/a/en.md',
  line: 3,
  column: 7,
  path: ['date'],
});

describe('formatCodeFrame', () => {
  test('shows the line, two lines before it, and a caret under the column', () => {
    expect(formatCodeFrame(source, 3, 7).split('\n')).toEqual(['  1 | ---', '  2 | title: x', '> 3 | date: yesterday', '    |       ^']);
  });

  test('is empty for a line the text does not have', () => {
    expect(formatCodeFrame(source, 40, 1)).toBe('');
  });
});

describe('formatError (human)', () => {
  test('location, code and field first, then message, code frame and hint', () => {
    const lines = formatError(dateError, { sourceText: () => source }).split('\n');
    expect(lines[0]).toBe('articles/a/en.md:3:7 INVALID_DATE date');
    expect(lines).toContain('  > 3 | date: yesterday');
    expect(lines.at(-1)).toMatch(/^ {2}hint: /);
  });

  test('a warning says so', () => {
    const warning = testProblem('MISSING_DEFAULT_LANGUAGE', { message: 'x', file: 'articles/a/', severity: 'warning' });
    expect(formatError(warning).split('\n')[0]).toBe('articles/a/ warning MISSING_DEFAULT_LANGUAGE');
  });

  test('colour codes appear only when a painter is given', () => {
    expect(formatError(dateError)).not.toMatch(/\u001b\[/);
    const painted = formatError(dateError, { paint: (style, text) => `<${style}>${text}</${style}>` });
    expect(painted.split('\n')[0]).toBe('<bold>articles/a/en.md:3:7</bold> <red>INVALID_DATE</red> <cyan>date</cyan>');
  });
});

describe('formatJsonReport', () => {
  test('has the documented, stable shape', () => {
    const report = JSON.parse(formatJsonReport([dateError], false));
    expect(report).toEqual({
      version: 1,
      ok: false,
      problems: [
        {
          code: 'INVALID_DATE',
          severity: 'error',
          message: dateError.message,
          hint: dateError.hint,
          file: 'articles/a/en.md',
          line: 3,
          column: 7,
          path: ['date'],
        },
      ],
      summary: { errors: 1, warnings: 0, files: 1 },
    });
  });
});

describe('formatGithubAnnotations', () => {
  test('one workflow command per problem, with file, line, column and title', () => {
    expect(formatGithubAnnotations([dateError])).toBe(
      `::error file=articles/a/en.md,line=3,col=7,title=INVALID_DATE date::${dateError.message}%0Ahint: ${dateError.hint}\n`,
    );
  });

  test('escapes the characters that would end a property or the command', () => {
    const error = testProblem('INVALID_VALUE', { message: '100% wrong\nreally', file: 'articles/a,b:c/en.md', severity: 'warning' });
    const line = formatGithubAnnotations([error]);
    // A newline inside a message can only come from a source: it is shown as \n, like other controls.
    expect(line.startsWith('::warning file=articles/a%2Cb%3Ac/en.md,title=INVALID_VALUE::100%25 wrong\\nreally')).toBe(true);
    expect(formatGithubAnnotations([{ ...error, hint: 'do\rthis' }])).toContain('::100%25 wrong\\nreally%0Ahint: do\\rthis\n');
    expect(line.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('text from sources is escaped for terminals', () => {
  test('escapeTerminalText: C0, DEL, C1 and bidirectional controls become visible escapes; other text is unchanged', () => {
    expect(escapeTerminalText('a\u001b[31mb\u0007\u0000\u007f\u009b\u202e\u2066\t\n')).toBe('a\\x1b[31mb\\x07\\x00\\x7f\\x9b\\u202e\\u2066\\t\\n');
    expect(escapeTerminalText('café – مرحبا – 日本 – 👍🏽')).toBe('café – مرحبا – 日本 – 👍🏽');
  });

  test('escapeJsonText keeps the JSON value and leaves its structural newlines', () => {
    const json = JSON.stringify({ a: 'x\u009b\u202ey\n' }, null, 2);
    expect(escapeJsonText(json)).not.toMatch(/[\u009b\u202e]/);
    expect(JSON.parse(escapeJsonText(json))).toEqual(JSON.parse(json));
  });

  test('the code frame escapes the line and moves the caret by what the escapes added', () => {
    const frame = formatCodeFrame('a: "\u001b\u202e x"\n', 1, 8).split('\n');
    expect(frame[0]).toBe('> 1 | a: "\\x1b\\u202e x"');
    expect(frame[1]!.indexOf('^')).toBe(frame[0]!.indexOf('x"'));
  });

  test('GitHub paths are named from the workspace', () => {
    expect(toWorkspacePath('articles/a/en.md', { root: '/repo/site', base: '/repo' })).toBe('site/articles/a/en.md');
    expect(toWorkspacePath('articles/a/', { root: '/repo/site', base: '/repo' })).toBe('site/articles/a/');
    expect(toWorkspacePath('articles/a/en.md', { root: '/repo/site', base: '/repo/site' })).toBe('articles/a/en.md');
  });
});
