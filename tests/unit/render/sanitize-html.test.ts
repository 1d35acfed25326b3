import { describe, expect, test } from 'vitest';
import { sanitizeItemHtml } from '../../../src/render/sanitize-html.js';

const bases = { siteUrl: 'https://example.org/news/', pageUrl: 'https://example.org/news/en/summit/' };
const clean = (html: string) => sanitizeItemHtml(html, bases);

/** The values of every `name="…"` attribute in the output. */
const attributeValues = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1]);

describe('sanitizeItemHtml: removes active content', () => {
  test('script elements and their text', () => {
    const out = clean('<p>Before</p><script>alert("x")</script><p>After</p>');
    expect(out).toBe('<p>Before</p><p>After</p>');
  });

  test('event handler attributes such as onerror', () => {
    const out = clean('<img src="https://example.org/a.jpg" onerror="alert(1)" alt="A"><p onclick="x()">t</p>');
    expect(out).not.toMatch(/onerror|onclick|alert/);
    expect(attributeValues(out, 'src')).toEqual(['https://example.org/a.jpg']);
    expect(attributeValues(out, 'alt')).toEqual(['A']);
  });

  test.each([
    ['javascript: URL', '<a href="javascript:alert(1)">x</a>'],
    ['mixed-case javascript: URL', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['javascript: URL with a tab inside', '<a href="java\tscript:alert(1)">x</a>'],
    ['entity-encoded javascript: URL', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['vbscript: URL', '<a href="vbscript:msgbox(1)">x</a>'],
    ['data: URL', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  ])('a link with a %s loses its href but keeps its text', (_name, html) => {
    const out = clean(html);
    expect(attributeValues(out, 'href')).toEqual([]);
    expect(out).not.toMatch(/script:|data:/i);
    expect(out).toContain('>x</a>');
  });

  test('a data: URL image loses its src', () => {
    const out = clean('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
    expect(out).not.toContain('data:');
    expect(attributeValues(out, 'src')).toEqual([]);
  });

  test('iframe, object and embed are removed', () => {
    const out = clean('<p>a</p><iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">');
    expect(out).toBe('<p>a</p>');
  });

  test('svg is removed with what is inside it', () => {
    const out = clean('<svg onload="alert(1)"><script>alert(2)</script><circle r="1"/></svg><p>ok</p>');
    expect(out).toBe('<p>ok</p>');
  });

  test('style elements and style attributes are removed', () => {
    const out = clean('<style>p { color: red }</style><p style="position:fixed">text</p>');
    expect(out).toBe('<p>text</p>');
  });

  test('forms and inputs are removed', () => {
    expect(clean('<form action="https://evil.example/"><input name="pw"><button>Go</button></form>')).not.toMatch(/<form|<input|<button/);
  });
});

describe('sanitizeItemHtml: keeps safe markup', () => {
  test('formatting, lists, tables, abbreviations and language attributes survive', () => {
    const html = '<p lang="ar" dir="rtl">نص <strong>مهم</strong></p><ul><li><em>a</em></li></ul><table><tr><td colspan="2">c</td></tr></table><abbr title="United Nations">UN</abbr><sup>2</sup>';
    const out = clean(html);
    for (const fragment of ['<p lang="ar" dir="rtl">', '<strong>مهم</strong>', '<li><em>a</em></li>', '<td colspan="2">c</td>', '<abbr title="United Nations">UN</abbr>', '<sup>2</sup>']) {
      expect(out).toContain(fragment);
    }
  });

  test('mailto links are kept', () => {
    expect(attributeValues(clean('<a href="mailto:desk@example.org">mail</a>'), 'href')).toEqual(['mailto:desk@example.org']);
  });

  test('text that looks like markup stays escaped', () => {
    expect(clean('<p>1 &lt; 2 &amp;&amp; &lt;script&gt;</p>')).toBe('<p>1 &lt; 2 &amp;&amp; &lt;script&gt;</p>');
  });
});

describe('sanitizeItemHtml: makes URLs absolute', () => {
  test('a relative href or src resolves against the page', () => {
    const out = clean('<a href="../photos/">p</a><img src="chart.png" alt="c">');
    expect(attributeValues(out, 'href')).toEqual(['https://example.org/news/en/photos/']);
    expect(attributeValues(out, 'src')).toEqual(['https://example.org/news/en/summit/chart.png']);
  });

  test('"/path" resolves against the site URL, keeping the site\'s own path', () => {
    const out = clean('<a href="/about/">About</a><img src="/media/hanoi.jpg" alt="Hanoi">');
    expect(attributeValues(out, 'href')).toEqual(['https://example.org/news/about/']);
    expect(attributeValues(out, 'src')).toEqual(['https://example.org/news/media/hanoi.jpg']);
  });

  test('"/path" on a site at the domain root', () => {
    const out = sanitizeItemHtml('<a href="/about/">About</a>', { siteUrl: 'https://example.org/', pageUrl: 'https://example.org/en/a/' });
    expect(attributeValues(out, 'href')).toEqual(['https://example.org/about/']);
  });

  test('query strings and fragments are kept; "&" stays escaped in the attribute', () => {
    const out = clean('<a href="/search?q=a&amp;lang=ar#top">s</a><a href="#notes">n</a>');
    expect(attributeValues(out, 'href')).toEqual(['https://example.org/news/search?q=a&amp;lang=ar#top', 'https://example.org/news/en/summit/#notes']);
  });

  test('absolute http(s) URLs are left alone', () => {
    const out = clean('<a href="https://other.example/x?y=1">o</a><a href="http://plain.example/">p</a>');
    expect(attributeValues(out, 'href')).toEqual(['https://other.example/x?y=1', 'http://plain.example/']);
  });

  test('a protocol-relative URL never points at the feed reader\'s own origin', () => {
    const out = clean('<a href="//cdn.example/x">c</a>');
    for (const href of attributeValues(out, 'href')) expect(href).toMatch(/^https:\/\//);
  });
});
