import { describe, expect, test } from 'vitest';
import type { BuildError, ErrorDetails } from '../../../src/model/build-error.js';
import { makeError } from '../../../src/model/build-error.js';
import type { ErrorCode } from '../../../src/model/error-catalogue.js';
import { formatError, formatErrorReport, formatFieldPath, formatSummary } from '../../../src/report/format-error.js';
import { testProblem } from '../../helpers/test-problem.js';

const error = (code: ErrorCode, details: ErrorDetails & { hint?: string } = {}): BuildError => testProblem(code, { message: 'What happened.', ...details });

describe('formatFieldPath', () => {
  test.each([
    [[], ''],
    [['title'], 'title'],
    [['image', 'alt'], 'image.alt'],
    [['authors', 0, 'name'], 'authors[0].name'],
    [['tags', 1], 'tags[1]'],
    [[0], '[0]'],
    [['a', 0, 1, 'b'], 'a[0][1].b'],
  ] as const)('%j → %s', (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });
});

describe('formatError', () => {
  test('file:line:column, code and field on the first line; message and hint indented below', () => {
    const text = formatError(error('INVALID_TYPE', { file: 'articles/a/en.md', line: 4, column: 12, path: ['tags', 1], hint: 'Write text.' }));
    expect(text.split('\n')).toEqual(['articles/a/en.md:4:12 INVALID_TYPE tags[1]', '  What happened.', '  hint: Write text.']);
  });

  test('the catalogue hint is used when none is given', () => {
    const lines = formatError(makeError('EMPTY_BODY', {}, { file: 'articles/a/en.md', line: 5, column: 1 })).split('\n');
    expect(lines[0]).toBe('articles/a/en.md:5:1 EMPTY_BODY');
    expect(lines[2]).toMatch(/^ {2}hint: \S/);
  });

  test('without a column the location is file:line; without a line it is the file', () => {
    expect(formatError(error('TEMPLATE_SYNTAX', { file: 'templates/item.hbs', line: 3 })).split('\n')[0]).toBe('templates/item.hbs:3 TEMPLATE_SYNTAX');
    expect(formatError(error('LOCALE_MISSING', { file: 'polyfeed.config.yaml' })).split('\n')[0]).toBe('polyfeed.config.yaml LOCALE_MISSING');
  });

  test('a column without a line is not shown', () => {
    expect(formatError(error('NOT_UTF8', { file: 'a.md', column: 7 })).split('\n')[0]).toBe('a.md NOT_UTF8');
  });

  test('a problem with no file is located at "polyfeed"', () => {
    expect(formatError(error('CONFIG_NOT_FOUND')).split('\n')[0]).toBe('polyfeed CONFIG_NOT_FOUND');
  });

  test('warnings say so after the location', () => {
    expect(formatError(error('UNKNOWN_FIELD', { file: 'a.md', line: 2, column: 1, path: ['titel'], severity: 'warning' })).split('\n')[0]).toBe(
      'a.md:2:1 warning UNKNOWN_FIELD titel',
    );
  });

  test('an empty hint adds no hint line', () => {
    const built: BuildError = { ...error('INVALID_VALUE', { file: 'a.md' }), hint: undefined };
    expect(formatError(built).split('\n')).toEqual(['a.md INVALID_VALUE', '  What happened.']);
  });
});

describe('formatSummary', () => {
  test('"3 errors, 1 warning in 2 files"', () => {
    const errors = [
      error('INVALID_DATE', { file: 'articles/a/en.md', line: 3 }),
      error('EMPTY_BODY', { file: 'articles/a/en.md', line: 9 }),
      error('LOCALE_MISSING_KEY', { file: 'locales/ar/feed.json', line: 7 }),
      error('UNKNOWN_FIELD', { file: 'articles/a/en.md', line: 2, severity: 'warning' }),
    ];
    expect(formatSummary(errors)).toBe('3 errors, 1 warning in 2 files');
  });

  test('singular and zero counts', () => {
    expect(formatSummary([error('EMPTY_BODY', { file: 'a.md' })])).toBe('1 error, 0 warnings in 1 file');
    expect(formatSummary([error('UNKNOWN_FIELD', { file: 'a.md', severity: 'warning' }), error('UNKNOWN_FIELD', { file: 'a.md', severity: 'warning' })])).toBe(
      '0 errors, 2 warnings in 1 file',
    );
  });

  test('a problem about the whole run is not counted as a file', () => {
    expect(formatSummary([error('CONFIG_NOT_FOUND'), error('EMPTY_BODY', { file: 'a.md' })])).toBe('2 errors, 0 warnings in 1 file');
  });
});

describe('formatErrorReport', () => {
  test('sorted blocks separated by blank lines, then the summary and a final newline', () => {
    const report = formatErrorReport([
      error('EMPTY_BODY', { file: 'articles/b/en.md', line: 5, column: 1 }),
      error('INVALID_DATE', { file: 'articles/a/en.md', line: 3, column: 7, path: ['date'], hint: 'Fix it.' }),
    ]);
    const blocks = report.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toBe('articles/a/en.md:3:7 INVALID_DATE date\n  What happened.\n  hint: Fix it.');
    expect(blocks[1]!.startsWith('articles/b/en.md:5:1 EMPTY_BODY\n')).toBe(true);
    expect(blocks[2]).toBe('2 errors, 0 warnings in 2 files\n');
    expect(report.endsWith('files\n')).toBe(true);
  });

  test('does not reorder the caller\'s array', () => {
    const errors = [error('EMPTY_BODY', { file: 'b.md' }), error('EMPTY_BODY', { file: 'a.md' })];
    formatErrorReport(errors);
    expect(errors.map((e) => e.file)).toEqual(['b.md', 'a.md']);
  });
});
