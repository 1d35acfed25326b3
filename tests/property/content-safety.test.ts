// Property: whatever Markdown and raw HTML an article body holds, the content HTML of every format carries
// no script, no event-handler attribute and no javascript: (or vbscript:, data:) URL.
import { bodyText } from '../../src/model/output-file.js';
import { fc, test } from '@fast-check/vitest';
import { decodeHTML } from 'entities';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect } from 'vitest';
import { siteFiles, sourcesOf } from '../helpers/site-fixture.js';
import { fatalErrors, feedModelsOf, serializeAll } from './support.js';
import { buildAll } from './support.js';

const ATTACKS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script',
  '<img src=x onerror=alert(1)>',
  '<img src="https://example.org/a.png" OnError="alert(1)" alt="a">',
  '<img src=`javascript:alert(1)`>',
  '<img/src="x"/onerror="alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href="&#1;javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="/ok" onmouseover="alert(1)">ok</a>',
  '<a title="x>y onclick=alert(1)" href="https://example.org/">t</a>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1) "t")',
  '[x](<javascript:alert(1)>)',
  '![i](javascript:alert(1))',
  '[r]: javascript:alert(1)\n\n[r]',
  '<javascript:alert(1)>',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src=javascript:alert(1)>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<p style="background:url(javascript:alert(1))">p</p>',
  '<div onclick="x()">d</div>',
  '<details open ontoggle=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<time datetime="x" onfocus="alert(1)">t</time>',
  '<q cite="javascript:alert(1)">q</q>',
  '<abbr title="javascript:alert(1)">JS</abbr>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '&lt;script&gt;',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><script>alert(1)</script></textarea>',
  '<a href="https://example.org/" rel="noopener">fine</a>',
  '<sup>2</sup> <abbr title="HyperText">HTML</abbr>',
];
const MARKDOWN_BITS = ['\n', '\n\n', '*', '**', '_', '`', '[', ']', '(', ')', '<', '>', '"', "'", '&', '#', '- ', '> ', '1. ', '    ', '=', '/', ':'];

/** A Markdown body: attacks, Markdown punctuation and any text, in any order. */
const markdownBody = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ATTACKS) }, fc.constantFrom(...MARKDOWN_BITS), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

const DANGEROUS_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'input', 'button',
  'textarea', 'select', 'base', 'meta', 'link', 'noscript', 'template', 'details',
]);
/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'longdesc', 'usemap', 'codebase', 'manifest', 'ping', 'lowsrc', 'dynsrc']);

/** Start tags with their attributes; quoted values may hold ">". */
function tagsOf(html: string): { name: string; attributes: [string, string][] }[] {
  const tags = [];
  for (const [, name, rest] of html.matchAll(/<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes: [string, string][] = [];
    for (const [, attribute, double, single, bare] of rest!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attributes.push([attribute!.toLowerCase(), decodeHTML(double ?? single ?? bare ?? '')]);
    }
    tags.push({ name: name!.toLowerCase(), attributes });
  }
  return tags;
}

/**
 * The content HTML is safe. The brief's literal checks ("javascript:" or " onx=" anywhere) would flag
 * harmless text — an article may say "javascript: URLs are blocked", and <abbr title="javascript:…">
 * is inert — so those two are checked where they act: attribute names, and the values of URL attributes
 * after entity decoding and with the white space and controls browsers skip removed.
 * "<script" is checked literally: sanitized HTML escapes every "<" in text.
 */
function expectSafe(html: string | undefined, where: string): void {
  expect(html, where).toBeTypeOf('string');
  expect(html!.toLowerCase(), where).not.toContain('<script');
  for (const tag of tagsOf(html!)) {
    expect(DANGEROUS_TAGS.has(tag.name), `${where}: <${tag.name}>`).toBe(false);
    for (const [name, value] of tag.attributes) {
      expect(name, `${where}: <${tag.name} ${name}>`).not.toMatch(/^on|^style$|^formaction$/);
      if (URL_ATTRIBUTES.has(name)) {
        expect(value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase(), `${where}: <${tag.name} ${name}="${value}">`).not.toMatch(/^(javascript|vbscript|data):/);
      }
    }
  }
}

/** The content HTML of the first item of every format, as each format's reader returns it. */
function contentOf(feeds: { atom: string; rss: string; json: string }) {
  return {
    atom: parseAtomFeed(feeds.atom).entries?.[0]?.content?.value,
    rss: parseRssFeed(feeds.rss).items?.[0]?.content?.encoded,
    json: parseJsonFeed(feeds.json).items?.[0]?.content_html,
  };
}

describe('content safety', () => {
  test.prop([markdownBody], { numRuns: 300 })('renderer + serializers: any body gives safe content HTML in Atom, RSS and JSON Feed', (body) => {
    const model = feedModelsOf([{ key: 'story', lang: 'en', title: 'Story', body }]).en!;
    const content = contentOf(serializeAll(model));
    expectSafe(content.atom ?? '', 'atom');
    expectSafe(content.rss ?? '', 'rss');
    expectSafe(content.json ?? '', 'json');
    // And every format carries the same HTML (feedsmith trims it).
    expect(content.rss).toBe(content.atom);
    expect(content.json).toBe(content.atom);
  });

  // Validation refuses raw control characters in a file (CONTROL_CHARACTER), so the file gets none.
  const fileBody = markdownBody.map((body) => body.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, ''));

  test.prop([fileBody], { numRuns: 40 })('whole build through the item template: any body gives safe content HTML in every format', (body) => {
    const result = buildAll(
      sourcesOf(
        siteFiles({
          'articles/first/en.md': `---\ntitle: First\ndate: 2025-03-14T09:30:00+01:00\n---\nIntro.\n\n${body}\n`,
          // Images on the site must exist under static/ (IMAGE_NOT_FOUND): the ones the attacks use.
          'static/a.png': 'png',
          'static/en/first/x': 'x',
        }),
      ),
      { version: 'test' },
    );
    // Any other image reference that resolves into the site (e.g. src=`x` with backticks) is refused as
    // IMAGE_NOT_FOUND: nothing is written, so there is nothing to check.
    fc.pre(!result.errors.some((error) => error.code === 'IMAGE_NOT_FOUND'));
    expect(fatalErrors(result.errors)).toEqual([]);
    const file = (path: string) => bodyText(result.files.find((candidate) => candidate.path === path)!.body);
    const content = contentOf({ atom: file('en/atom.xml'), rss: file('en/rss.xml'), json: file('en/feed.json') });
    expectSafe(content.atom, 'atom');
    expectSafe(content.rss, 'rss');
    expectSafe(content.json, 'json');
    expect(content.rss).toBe(content.atom);
    expect(content.json).toBe(content.atom);
  });
});

describe('the safety check itself', () => {
  test.each([
    '<p>a</p><script>x</script>',
    '<IMG SRC="https://example.org/a.png" onError="x()">',
    '<a title="a>b" href="JaVa&#x09;Script:alert(1)">x</a>',
    '<a href=" &#106;avascript:alert(1)">x</a>',
    '<iframe src="https://example.org/"></iframe>',
    '<p style="color:red">x</p>',
  ])('flags %s', (html) => {
    expect(() => expectSafe(html, 'oracle')).toThrow();
  });

  test('passes inert text that merely mentions the words', () => {
    expect(() => expectSafe('<p>javascript: and onclick= are &lt;script&gt; words</p><abbr title="javascript:alert(1)">JS</abbr>', 'oracle')).not.toThrow();
  });
});
