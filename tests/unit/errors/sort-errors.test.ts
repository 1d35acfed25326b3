import { describe, expect, test } from 'vitest';
import type { BuildError, ErrorDetails } from '../../../src/model/build-error.js';
import type { ErrorCode } from '../../../src/model/error-catalogue.js';
import { sortErrors } from '../../../src/report/sort-errors.js';
import { testProblem } from '../../helpers/test-problem.js';

const error = (code: ErrorCode, details: ErrorDetails = {}): BuildError => testProblem(code, details);
const where = (errors: readonly BuildError[]) => errors.map((e) => [e.file ?? '-', e.line ?? '-', e.column ?? '-', e.code].join(' '));

describe('sortErrors', () => {
  test('by file, then line, then column', () => {
    const sorted = sortErrors([
      error('EMPTY_BODY', { file: 'articles/b/en.md', line: 2, column: 1 }),
      error('INVALID_TYPE', { file: 'articles/a/en.md', line: 4, column: 12 }),
      error('INVALID_DATE', { file: 'articles/a/en.md', line: 3, column: 7 }),
      error('INVALID_TYPE', { file: 'articles/a/en.md', line: 4, column: 3 }),
    ]);
    expect(where(sorted)).toEqual([
      'articles/a/en.md 3 7 INVALID_DATE',
      'articles/a/en.md 4 3 INVALID_TYPE',
      'articles/a/en.md 4 12 INVALID_TYPE',
      'articles/b/en.md 2 1 EMPTY_BODY',
    ]);
  });

  test('lines and columns compare as numbers, not text (9 before 10)', () => {
    const sorted = sortErrors([
      error('EMPTY_BODY', { file: 'a.md', line: 10, column: 1 }),
      error('EMPTY_BODY', { file: 'a.md', line: 9, column: 1 }),
      error('EMPTY_BODY', { file: 'a.md', line: 9, column: 10 }),
      error('EMPTY_BODY', { file: 'a.md', line: 9, column: 2 }),
    ]);
    expect(where(sorted)).toEqual(['a.md 9 1 EMPTY_BODY', 'a.md 9 2 EMPTY_BODY', 'a.md 9 10 EMPTY_BODY', 'a.md 10 1 EMPTY_BODY']);
  });

  test('problems about the whole run come first; a file-wide problem before positioned ones in that file', () => {
    const sorted = sortErrors([
      error('EMPTY_BODY', { file: 'a.md', line: 1, column: 1 }),
      error('LANGUAGE_NOT_CONFIGURED', { file: 'a.md' }),
      error('CONFIG_NOT_FOUND'),
    ]);
    expect(where(sorted)).toEqual(['- - - CONFIG_NOT_FOUND', 'a.md - - LANGUAGE_NOT_CONFIGURED', 'a.md 1 1 EMPTY_BODY']);
  });

  test('the same position is ordered by code', () => {
    const sorted = sortErrors([
      error('UNKNOWN_FIELD', { file: 'a.md', line: 2, column: 1 }),
      error('REQUIRED_FIELD', { file: 'a.md', line: 2, column: 1 }),
    ]);
    expect(sorted.map((e) => e.code)).toEqual(['REQUIRED_FIELD', 'UNKNOWN_FIELD']);
  });

  test('file names compare by code unit, so the order does not depend on the machine\'s locale', () => {
    const sorted = sortErrors([error('EMPTY_BODY', { file: 'b.md' }), error('EMPTY_BODY', { file: 'B.md' }), error('EMPTY_BODY', { file: 'a.md' })]);
    expect(sorted.map((e) => e.file)).toEqual(['B.md', 'a.md', 'b.md']);
  });

  test('returns a new array and leaves the input as it was', () => {
    const input = [error('EMPTY_BODY', { file: 'b.md' }), error('EMPTY_BODY', { file: 'a.md' })];
    const sorted = sortErrors(input);
    expect(sorted).not.toBe(input);
    expect(input.map((e) => e.file)).toEqual(['b.md', 'a.md']);
  });

  test('the same problems in any input order sort the same way', () => {
    const errors = [
      error('EMPTY_BODY', { file: 'b.md', line: 1 }),
      error('INVALID_DATE', { file: 'a.md', line: 3, column: 2 }),
      error('CONFIG_NOT_FOUND'),
      error('INVALID_TYPE', { file: 'a.md', line: 3, column: 2 }),
    ];
    const expected = where(sortErrors(errors));
    expect(where(sortErrors([...errors].reverse()))).toEqual(expected);
    expect(where(sortErrors([errors[2]!, errors[0]!, errors[3]!, errors[1]!]))).toEqual(expected);
  });
});
