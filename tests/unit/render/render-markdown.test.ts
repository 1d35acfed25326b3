import { describe, expect, test } from 'vitest';
import { createMarkdownRenderer } from '../../../src/render/render-markdown.js';
import { dedent } from '../../helpers/dedent.js';

const bases = { siteUrl: 'https://example.org/news/', pageUrl: 'https://example.org/news/en/summit/' };
const render = (markdown: string) => createMarkdownRenderer()(markdown, bases);

describe('createMarkdownRenderer', () => {
  test('renders paragraphs, emphasis, lists, code and quotes', () => {
    const html = render(dedent`
      Hello **world** and _you_.

      - one
      - two

      > quoted

      \`code\`
    `);
    expect(html).toContain('<p>Hello <strong>world</strong> and <em>you</em>.</p>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
    expect(html).toContain('<code>code</code>');
  });

  test('links and images become absolute: "/path" on the site, "x.jpg" next to the page', () => {
    const html = render('[About](/about/) and ![Chart](chart.png "Figure 1") and [ext](https://other.example/)');
    expect(html).toContain('<a href="https://example.org/news/about/">About</a>');
    expect(html).toContain('src="https://example.org/news/en/summit/chart.png"');
    expect(html).toContain('alt="Chart"');
    expect(html).toContain('title="Figure 1"');
    expect(html).toContain('<a href="https://other.example/">ext</a>');
  });

  test('allowed raw HTML passes, dangerous raw HTML is removed', () => {
    const html = render('H<sub>2</sub>O <abbr title="World Health Organization">WHO</abbr>\n\n<script>alert(1)</script>\n\n<img src="x.jpg" onerror="alert(2)">');
    expect(html).toContain('H<sub>2</sub>O');
    expect(html).toContain('<abbr title="World Health Organization">WHO</abbr>');
    expect(html).not.toMatch(/script|onerror|alert/);
  });

  test('a javascript: Markdown link is not a link', () => {
    const html = render('[click](javascript:alert(1))');
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toMatch(/<a [^>]*href/);
  });

  test('special characters in text are escaped once', () => {
    expect(render('Tom & Jerry <3 "quotes"')).toBe('<p>Tom &amp; Jerry &lt;3 "quotes"</p>\n');
  });

  test('right-to-left text is passed through unchanged', () => {
    expect(render('قمة **هانوي** انتهت')).toBe('<p>قمة <strong>هانوي</strong> انتهت</p>\n');
  });
});
