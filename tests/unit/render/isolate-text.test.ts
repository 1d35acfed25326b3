// Issue 15, "Scripts and directions": labels whose values are isolated HTML stay escaped text around them.
import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { formatIsolatedNames, isolateText, translateWithHtml } from '../../../src/render/isolate-text.js';

const labels: Record<string, string> = { byline: 'By {{authors}} & co <b>', credit: '{{credit}} ({{year}})' };
const translate = (key: string, options: Record<string, unknown> = {}) => labels[key]!.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => String(options[name]));

describe('translateWithHtml', () => {
  test('with text values only, the label comes back as text, for Handlebars to escape as before', () => {
    expect(translateWithHtml(translate, 'byline', { authors: 'Ana' })).toBe('By Ana & co <b>');
  });

  test('an HTML value is put in as HTML, and the label\'s own text and the other values escaped', () => {
    const html = translateWithHtml(translate, 'credit', { credit: isolateText('A<B>'), year: '<2025>' });
    expect(html).toBeInstanceOf(Handlebars.SafeString);
    expect(html.toString()).toBe('<bdi>A&lt;B&gt;</bdi> (&lt;2025&gt;)');
    expect(translateWithHtml(translate, 'byline', { authors: isolateText('Ana') }).toString()).toBe('By <bdi>Ana</bdi> &amp; co &lt;b&gt;');
  });
});

describe('formatIsolatedNames', () => {
  test('each name is isolated; the language\'s own conjunction is not', () => {
    expect(formatIsolatedNames(['Ana', 'Bo', 'Cy'], 'en').toString()).toBe('<bdi>Ana</bdi>, <bdi>Bo</bdi>, and <bdi>Cy</bdi>');
    expect(formatIsolatedNames(['Ana', 'Bo'], 'ar').toString()).toBe('<bdi>Ana</bdi> و<bdi>Bo</bdi>');
  });
});
