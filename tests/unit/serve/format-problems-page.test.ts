import { describe, expect, test } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import { formatProblemsPage, withFailedBuildNotice } from '../../../src/serve/format-problems-page.js';
import { makeError } from '../../../src/model/build-error.js';

describe('formatProblemsPage', () => {
  const { textContent, getElementsByTagName } = DomUtils;
  const problem = makeError('INVALID_DATE', { kind: 'not-iso', text: '<script>alert(1)</script>' }, { file: 'articles/x/en.md', line: 3, column: 7, path: ['date'] });

  test('lists each problem with its place, code, message and hint, escaped', () => {
    const html = formatProblemsPage({ problems: [problem] }, '/index.html');
    const document = parseDocument(html);
    expect(getElementsByTagName('script', document)).toHaveLength(0);
    const text = textContent(document);
    expect(text).toContain('articles/x/en.md:3:7');
    expect(text).toContain(problem.code);
    expect(text).toContain(problem.message);
    expect(text).toContain(problem.hint);
    expect(getElementsByTagName('a', document).map((link) => link.attribs.href)).toEqual(['/index.html']);
  });

  test('a usage problem is told in its sentence; no link without a last good index page', () => {
    const document = parseDocument(formatProblemsPage({ problems: [], message: 'Cannot <b>read</b> the site.' }, undefined));
    expect(textContent(document)).toContain('Cannot <b>read</b> the site.');
    expect(getElementsByTagName('a', document)).toHaveLength(0);
    expect(getElementsByTagName('b', document)).toHaveLength(0);
  });

  test('a page of the last good output gets the notice first in its body, its own content kept', () => {
    const page = '<!DOCTYPE html><html><head><title>Feeds</title></head><body class="x"><h1>Our feeds</h1></body></html>';
    const document = parseDocument(withFailedBuildNotice(page, { problems: [problem, problem] }));
    const [body] = getElementsByTagName('body', document);
    const first = body!.children.find((child) => child.type === 'tag');
    expect(first && 'attribs' in first ? first.attribs.role : undefined).toBe('alert');
    expect(textContent(first!)).toContain('The last build failed (2 errors)');
    expect(getElementsByTagName('a', first!).map((link) => link.attribs.href)).toEqual(['/']);
    expect(textContent(getElementsByTagName('h1', document))).toBe('Our feeds');
    expect(getElementsByTagName('title', document)).toHaveLength(1);
  });

  test('a page without a body tag gets the notice before everything', () => {
    expect(withFailedBuildNotice('<p>bare</p>', { problems: [problem] })).toMatch(/^<div role="alert"[^]*<p>bare<\/p>$/);
  });
});
