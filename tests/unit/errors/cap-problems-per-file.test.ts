import { describe, expect, test } from 'vitest';
import { capProblemsPerFile } from '../../../src/report/cap-problems-per-file.js';
import { testProblem } from '../../helpers/test-problem.js';
import { sortErrors } from '../../../src/report/sort-errors.js';

const problem = (file: string | undefined, line: number) => testProblem('UNKNOWN_FIELD', { message: `k${line}`, file, line });

describe('capProblemsPerFile', () => {
  test('keeps the first few of each file and counts the rest per file', () => {
    const errors = sortErrors([...Array.from({ length: 5 }, (_, i) => problem('b.md', i + 1)), problem('a.md', 1), problem(undefined, 0), ...Array.from({ length: 3 }, (_, i) => problem('c.md', i + 1))]);
    const { shown, omitted } = capProblemsPerFile(errors, 2);
    expect(shown.map((error) => [error.file, error.line])).toEqual([
      [undefined, 0],
      ['a.md', 1],
      ['b.md', 1],
      ['b.md', 2],
      ['c.md', 1],
      ['c.md', 2],
    ]);
    expect(omitted).toEqual([
      { file: 'b.md', problems: 3 },
      { file: 'c.md', problems: 1 },
    ]);
  });

  test('nothing is left out at or under the cap', () => {
    expect(capProblemsPerFile([problem('a.md', 1)], 1)).toEqual({ shown: [problem('a.md', 1)], omitted: [] });
  });
});
