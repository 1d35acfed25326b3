import { describe, expect, test } from 'vitest';
import { makeError } from '../../../src/errors/error-catalogue.js';
import { formatCodeFrame } from '../../../src/errors/format-code-frame.js';
import { formatError } from '../../../src/errors/format-error.js';
import { formatGithubAnnotations } from '../../../src/errors/format-github-annotations.js';
import { formatJsonReport } from '../../../src/errors/format-json-report.js';

const source = '---\ntitle: x\ndate: yesterday\n---\nbody\n';
const dateError = makeError('INVALID_DATE', 'Expected an ISO 8601 date-time with an offset, got "yesterday".', {
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
    const warning = makeError('MISSING_DEFAULT_LANGUAGE', 'x', { file: 'articles/a/', severity: 'warning' });
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
    const error = makeError('INVALID_VALUE', '100% wrong\nreally', { file: 'articles/a,b:c/en.md', severity: 'warning' });
    const line = formatGithubAnnotations([error]);
    expect(line.startsWith('::warning file=articles/a%2Cb%3Ac/en.md,title=INVALID_VALUE::100%25 wrong%0Areally')).toBe(true);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
  });
});
