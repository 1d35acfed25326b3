// docs/errors.md documents every error code, and only codes that exist, and each report it prints is one the
// catalogue makes; these fail when the docs and the code drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorCodes, errorHint, errorMessage, type ErrorCode, type MessageParams } from '../../src/model/error-catalogue.js';
import { documentedProblems } from '../helpers/documented-problems.js';
import { repoRoot } from '../helpers/site-fixture.js';

const docs = readFileSync(join(repoRoot, 'docs/errors.md'), 'utf8');

/** The text of every second-level heading, in order. */
const headings = [...docs.matchAll(/^## (.+?)\s*$/gm)].map((match) => match[1]!);

/** Sections that describe the report formats rather than one code. */
const reportSections = ['The JSON report (--format json)', 'Control characters in reports', 'GitHub annotations (--format github)'];

/** The body of the `## CODE` section: everything up to the next second-level heading. */
function section(code: string): string {
  const start = docs.indexOf(`\n## ${code}\n`);
  const next = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, next === -1 ? undefined : next);
}

describe('docs/errors.md', () => {
  test.each(errorCodes)('has a "## %s" heading', (code) => {
    expect(headings).toContain(code);
  });

  test('has no heading for a code that does not exist', () => {
    const codeLike = headings.filter((heading) => !reportSections.includes(heading));
    expect(codeLike.filter((heading) => !(errorCodes as readonly string[]).includes(heading))).toEqual([]);
  });

  test('documents each code once', () => {
    const counts = new Map<string, number>();
    for (const heading of headings) counts.set(heading, (counts.get(heading) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
  });

  test('has the two report-format sections', () => {
    for (const name of reportSections) expect(headings).toContain(name);
  });

  test.each(errorCodes)('the %s section shows a printed report naming the code', (code) => {
    expect(printedReports(code).length).toBeGreaterThan(0);
  });

  test.each(errorCodes)('each %s report printed is the catalogue\'s message and hint for the facts of its example', (code) => {
    const made = (documentedProblems[code] as readonly MessageParams<typeof code>[]).map((params) => ({
      message: errorMessage(code, params),
      hint: errorHint(code, params),
    }));
    expect(printedReports(code)).toEqual(made);
  });
});

/** The message and hint of each report for `code` in the section's printed output, in order. */
function printedReports(code: ErrorCode): { message: string | undefined; hint: string | undefined }[] {
  const blocks = [...section(code).matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]!.split('\n'));
  const header = new RegExp(`^\\S.*(^|\\s)${code}(\\s|$)`);
  return blocks.flatMap((lines) =>
    lines.flatMap((line, index) => {
      if (!header.test(line)) return [];
      // The message is the next line; a code frame may stand between it and the hint, and a blank line ends the report.
      const rest = lines.slice(index + 1);
      const end = rest.indexOf('');
      const report = end === -1 ? rest : rest.slice(0, end);
      return [{ message: report[0]?.replace(/^ {2}/, ''), hint: report.find((text) => text.startsWith('  hint: '))?.slice('  hint: '.length) }];
    }),
  );
}
