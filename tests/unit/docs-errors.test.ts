// docs/errors.md documents every error code, and only codes that exist; these fail when the two drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorCodes } from '../../src/model/error-catalogue.js';
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
    const blocks = [...section(code).matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.some((block) => new RegExp(`(^|\\s)${code}(\\s|$)`, 'm').test(block))).toBe(true);
  });
});
