import { describe, expect, test } from 'vitest';
import { validateArticle } from '../../../src/validate/validate-article.js';
import { sortErrors } from '../../../src/report/sort-errors.js';
import { dedent } from '../../helpers/dedent.js';

const validate = (text: string) => validateArticle({ file: 'articles/a/en.md', key: 'a', lang: 'en', text });
const summary = (text: string) => sortErrors(validate(text).errors).map(({ code, path, line, column }) => ({ code, path, line, column }));

describe('validateArticle', () => {
  test('accepts a complete article and parses its fields', () => {
    const result = validate(dedent`
      ---
      title: Summit ends without a deal
      date: 2019-02-28T16:30:00+07:00
      updated: 2019-03-01T08:00:00+07:00
      summary: Talks broke down.
      authors:
        - Mohammed Al-Menshawi
        - { name: Desk, url: https://example.org/desk, email: desk@example.org }
      tags: [Korea, diplomacy]
      dateline: Hanoi
      image: { src: /media/hanoi.jpg, alt: Two leaders, caption: Trump left early, credit: Getty Images }
      video: { provider: brightcove, account: "6008318887001", player: e1605111-a71b-46e9-9ddd-84c56cff3743, id: 7a20f33a-cd52-4c21-93e3-1aedf41aa1dc }
      draft: false
      ---
      Body text.
    `);
    expect(result.errors).toEqual([]);
    const fm = result.value!.frontMatter;
    expect(fm.authors).toEqual([{ name: 'Mohammed Al-Menshawi' }, { name: 'Desk', url: 'https://example.org/desk', email: 'desk@example.org' }]);
    expect(fm.date.epochMs).toBe(Date.parse('2019-02-28T09:30:00Z'));
    expect(fm.date.offsetMinutes).toBe(420);
    expect(fm.video).toMatchObject({ provider: 'brightcove', account: '6008318887001' });
    expect(result.value!.bodyStartLine).toBe(15);
  });

  test('reports every problem of a file at once, each at its own line and column', () => {
    const problems = summary(dedent`
      ---
      titel: Typo
      date: 2025-02-30T10:00:00+01:00
      tags: [ok, 3]
      image:
        src: /a.jpg
      ---
      Text
    `);
    expect(problems).toEqual([
      { code: 'REQUIRED_FIELD', path: ['title'], line: 2, column: 1 },
      { code: 'UNKNOWN_FIELD', path: ['titel'], line: 2, column: 1 },
      { code: 'INVALID_DATE', path: ['date'], line: 3, column: 7 },
      { code: 'INVALID_TYPE', path: ['tags', 1], line: 4, column: 12 },
      { code: 'REQUIRED_FIELD', path: ['image', 'alt'], line: 5, column: 1 },
    ]);
  });

  test('suggests the field a typo was meant to be', () => {
    const [error] = validate('---\ntitle: x\ndate: 2025-01-01T00:00:00Z\ndatelin: Paris\n---\nx\n').errors;
    expect(error).toMatchObject({ code: 'UNKNOWN_FIELD', path: ['datelin'], line: 4 });
    expect(error!.hint).toContain('"dateline"');
  });

  test('refuses dates without an offset and says why', () => {
    const [error] = validate('---\ntitle: x\ndate: 2025-03-14T09:30:00\n---\nx\n').errors;
    expect(error).toMatchObject({ code: 'INVALID_DATE', path: ['date'], line: 3, column: 7 });
    expect(error!.message).toContain('no UTC offset');
  });

  test('refuses "updated" before "date"', () => {
    const [error] = validate('---\ntitle: x\ndate: 2025-03-14T09:30:00Z\nupdated: 2025-03-13T09:30:00Z\n---\nx\n').errors;
    expect(error).toMatchObject({ code: 'INVALID_DATE', path: ['updated'], line: 4 });
  });

  test('refuses an empty title and an empty body', () => {
    expect(summary('---\ntitle: "  "\ndate: 2025-03-14T09:30:00Z\n---\n\n')).toEqual([
      { code: 'EMPTY_VALUE', path: ['title'], line: 2, column: 8 },
      { code: 'EMPTY_BODY', path: [], line: 5, column: 1 },
    ]);
  });

  // The list opened on line 3 is still open where the front matter ends: the parser expected its "]"
  // at the closing "---", line 4 of the file (not of the front matter).
  test('reports YAML syntax errors at the parser\'s position in the file', () => {
    expect(summary('---\ntitle: x\ndate: [unclosed\n---\nx\n')).toEqual([{ code: 'YAML_SYNTAX', path: [], line: 4, column: 1 }]);
  });

  test('requires a front-matter block', () => {
    expect(summary('# Just Markdown\n')).toEqual([{ code: 'FRONT_MATTER_MISSING', path: [], line: 1, column: 1 }]);
    expect(summary('---\ntitle: x\n')).toEqual([{ code: 'FRONT_MATTER_UNCLOSED', path: [], line: 1, column: 1 }]);
  });

  test('refuses script URLs in an image source', () => {
    const [error] = validate('---\ntitle: x\ndate: 2025-03-14T09:30:00Z\nimage: { src: "javascript:alert(1)", alt: x }\n---\nx\n').errors;
    expect(error).toMatchObject({ code: 'INVALID_URL', path: ['image', 'src'], line: 4 });
  });
});

describe('did you mean', () => {
  test('a swapped pair of letters counts as one edit: "titel" suggests "title"', () => {
    const errors = validateArticle({ file: 'articles/a/en.md', key: 'a', lang: 'en', text: '---\ntitel: x\ndate: 2025-01-01T00:00:00Z\n---\nx\n' }).errors;
    expect(errors.find((error) => error.code === 'UNKNOWN_FIELD')?.hint).toBe('Did you mean "title"?');
  });
});
