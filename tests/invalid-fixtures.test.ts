// Every folder under tests/fixtures/invalid/ is a broken site and the exact problems it must produce.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../src/run/build-site.js';
import { sortErrors } from '../src/report/sort-errors.js';
import { readSources } from '../src/load/read-sources.js';
import { readTree, repoRoot, siteFiles, writeSite } from './helpers/site-fixture.js';

interface ExpectedProblem {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  path?: (string | number)[];
  severity?: 'error' | 'warning';
}

interface FixtureCase {
  /** What the case shows, in one sentence. */
  description: string;
  /** Files of the base site to delete. */
  remove?: string[];
  /** true when the problems are in the config (exit code 2). */
  configInvalid?: boolean;
  expected: ExpectedProblem[];
}

const fixturesRoot = join(repoRoot, 'tests/fixtures/invalid');
const caseNames = readdirSync(fixturesRoot).filter((name) => statSync(join(fixturesRoot, name)).isDirectory()).sort();

test('there are at least 40 cases', () => {
  expect(caseNames.length).toBeGreaterThanOrEqual(40);
});

describe.each(caseNames)('%s', (name) => {
  test('gives exactly the expected problems', () => {
    const folder = join(fixturesRoot, name);
    const fixture = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as FixtureCase;
    const base: Record<string, string | Uint8Array | undefined> = siteFiles();
    for (const path of fixture.remove ?? []) delete base[path];
    const files = { ...(base as Record<string, string | Uint8Array>), ...readTree(join(folder, 'site')) };
    const result = build(readSources(writeSite(files)), { version: 'test' });
    const actual = sortErrors(result.errors).map((error) => ({
      code: error.code,
      file: error.file,
      line: error.line,
      column: error.column,
      path: [...error.path],
      severity: error.severity,
    }));
    const expected = fixture.expected.map((problem) => ({
      code: problem.code,
      file: problem.file,
      line: problem.line,
      column: problem.column,
      path: problem.path ?? [],
      severity: problem.severity ?? 'error',
    }));
    expect(actual).toEqual(expected);
    expect(result.configInvalid).toBe(fixture.configInvalid ?? false);
    if (expected.some((problem) => problem.severity === 'error')) expect(result.files).toEqual([]);
  });
});
