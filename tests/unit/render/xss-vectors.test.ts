// Known XSS vectors through the whole Markdown → sanitized HTML path; the output is parsed, not pattern-matched.
// htmlparser2 is not a direct dependency: it is the parser sanitize-html itself uses (node_modules/htmlparser2).
import { parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { createMarkdownRenderer } from '../../../src/render/render-markdown.js';

const bases = { siteUrl: 'https://example.org/', pageUrl: 'https://example.org/en/a/' };
const render = createMarkdownRenderer();

/** An element of the parsed output, by duck typing (htmlparser2's DOM nodes). */
interface ElementNode {
  name: string;
  attribs: Record<string, string>;
  children?: unknown[];
}

function isElement(node: unknown): node is ElementNode {
  return typeof node === 'object' && node !== null && typeof (node as ElementNode).name === 'string' && typeof (node as ElementNode).attribs === 'object';
}

/** Every element of the HTML, depth first, as a browser-like parser (entities decoded) sees it. */
function elementsOf(html: string): ElementNode[] {
  const found: ElementNode[] = [];
  const visit = (node: unknown): void => {
    if (isElement(node)) found.push(node);
    for (const child of (node as { children?: unknown[] }).children ?? []) visit(child);
  };
  visit(parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }));
  return found;
}

const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'link']);
/** Attributes besides href and src that take a URL somewhere; none may survive. */
const OTHER_URL_ATTRIBUTES = new Set(['action', 'formaction', 'background', 'poster', 'srcset', 'srcdoc', 'data', 'codebase', 'xlink:href', 'dynsrc', 'lowsrc', 'ping']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** What is unsafe in rendered HTML; an empty list means it is safe. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(html)) {
    if (FORBIDDEN_ELEMENTS.has(element.name)) problems.push(`element <${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${element.name}>`);
      if (name === 'style') problems.push(`style attribute on <${element.name}>`);
      if (OTHER_URL_ATTRIBUTES.has(name)) problems.push(`URL attribute ${name} on <${element.name}>`);
      if (name === 'href' || name === 'src') {
        let protocol: string;
        try {
          protocol = new URL(value).protocol;
        } catch {
          problems.push(`${name}="${value}" on <${element.name}> is not an absolute URL`);
          continue;
        }
        if (!SAFE_PROTOCOLS.has(protocol)) problems.push(`${name} with protocol ${protocol} on <${element.name}>`);
      }
    }
  }
  return problems;
}

const vectors: [name: string, markdown: string][] = [
  // script elements
  ['script element', '<script>alert(1)</script>'],
  ['upper-case SCRIPT', '<SCRIPT>alert(1)</SCRIPT>'],
  ['mixed-case script with spaces before >', '<ScRiPt >alert(1)</sCrIpT >'],
  ['script with a newline inside the tag', 'Text\n\n<script\n>alert(1)</script>'],
  ['script with a src', '<script src="https://evil.example/x.js"></script>'],
  ['script split around another script', '<scr<script>ipt>alert(1)</script>'],
  ['script inside a paragraph', 'Hello <script>alert(1)</script> world'],
  ['script inside a template element', '<div><template><script>alert(1)</script></template></div>'],
  // event handlers
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img ONERROR in capitals', '<img src="https://example.org/a.jpg" ONERROR="alert(1)">'],
  ['img with slashes instead of spaces', '<img/src="x"/onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['body onload', '<body onload=alert(1)>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['input onfocus autofocus', '<input onfocus=alert(1) autofocus>'],
  ['video source onerror', '<video><source onerror=alert(1)></video>'],
  ['marquee onstart', '<marquee onstart=alert(1)>x</marquee>'],
  ['unknown element with a handler', '<xss onbeforescriptexecute=alert(1)>x</xss>'],
  ['mailto link with onclick', '<a href="mailto:desk@example.org" onclick="alert(1)">mail</a>'],
  ['handler on an allowed paragraph', '<p onmouseover="alert(1)">hover</p>'],
  // javascript: and other schemes in links
  ['Markdown link to javascript:', '[x](javascript:alert(1))'],
  ['Markdown link to JAVASCRIPT:', '[x](JAVASCRIPT:alert(1))'],
  ['Markdown autolink to javascript:', '<javascript:alert(1)>'],
  ['a href javascript:', '<a href="javascript:alert(1)">x</a>'],
  ['a href JaVaScRiPt:', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['a href with a decimal entity', '<a href="&#106;avascript:alert(1)">x</a>'],
  ['a href with hex entities', '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>'],
  ['a href java<tab>script:', '<a href="java\tscript:alert(1)">x</a>'],
  ['a href with an encoded tab', '<a href="java&#9;script:alert(1)">x</a>'],
  ['a href with an encoded newline', '<a href="java&#x0A;script:alert(1)">x</a>'],
  ['a href with leading blanks', '<a href="  javascript:alert(1)">x</a>'],
  ['a href data:text/html', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['Markdown link to data:text/html', '[x](data:text/html,<script>alert(1)</script>)'],
  ['a href vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
  ['unclosed a tag with javascript:', '<a href="javascript:alert(1)"'],
  // images
  ['img src javascript:', '<IMG SRC=javascript:alert(1)>'],
  ['img src data: SVG', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">'],
  ['Markdown image with a data: URL', '![x](data:image/png;base64,iVBORw0KGgo=)'],
  ['img src with an encoded newline in javascript:', '<img src="java&#x0A;script:alert(1)">'],
  ['unclosed img tag', '<img src=x onerror=alert(1)//'],
  // SVG and MathML
  ['svg with a script', '<svg><script>alert(1)</script></svg>'],
  ['svg link with xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['math maction with xlink:href', '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'],
  ['math mglyph style mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['math href', '<math href="javascript:alert(1)">x</math>'],
  // styles
  ['style element with url(javascript:)', '<style>body{background:url(javascript:alert(1))}</style>'],
  ['style attribute with expression()', '<p style="width: expression(alert(1))">x</p>'],
  ['style attribute with url(javascript:)', '<div style="background:url(javascript:alert(1))">x</div>'],
  ['table background javascript:', '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'],
  // frames, plugins, forms, document-level elements
  ['iframe src javascript:', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['frameset and frame', '<frameset><frame src="javascript:alert(1)"></frameset>'],
  ['object data javascript:', '<object data="javascript:alert(1)"></object>'],
  ['embed src javascript:', '<embed src="javascript:alert(1)">'],
  ['form action javascript:', '<form action="javascript:alert(1)"><button>x</button></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">x</button>'],
  ['base href', '<base href="javascript:alert(1)//">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['link rel=import', '<link rel="import" href="https://evil.example/x.html">'],
  // parser confusion
  ['noscript title break-out', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['comment hiding an img', '<!--<img src=x onerror=alert(1)>-->'],
  ['attribute break-out with a quote', '<a href="https://example.org/" title="x" onclick="alert(1)">x</a>'],
];

describe('createMarkdownRenderer: known XSS vectors', () => {
  test('the table holds at least 30 vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(30);
  });

  test.each(vectors)('%s', (_name, markdown) => {
    const html = render(markdown, bases);
    expect(unsafeParts(html)).toEqual([]);
  });

  test.each(vectors)('%s (inside a paragraph of other text)', (_name, markdown) => {
    const html = render(`Before the vector.\n\n${markdown}\n\nAfter the vector.`, bases);
    expect(unsafeParts(html)).toEqual([]);
  });
});

describe('the checks see real output', () => {
  test('safe links and images survive, absolute', () => {
    const html = render('[home](/) and [mail](mailto:desk@example.org)\n\n![map](img/map.png)', bases);
    const urls = elementsOf(html).flatMap((element) => [element.attribs.href, element.attribs.src].filter((value) => value !== undefined));
    expect(urls).toEqual(['https://example.org/', 'mailto:desk@example.org', 'https://example.org/en/a/img/map.png']);
    expect(unsafeParts(html)).toEqual([]);
  });

  test('the checks catch unsanitized HTML', () => {
    expect(unsafeParts('<script>x</script><img src="javascript:x" onerror="x" style="x"><a href="data:text/html,x">x</a><svg></svg>')).toEqual([
      'element <script>',
      'src with protocol javascript: on <img>',
      'event handler onerror on <img>',
      'style attribute on <img>',
      'href with protocol data: on <a>',
      'element <svg>',
    ]);
  });
});
