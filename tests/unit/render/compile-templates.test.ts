import { describe, expect, test } from 'vitest';
import { compileTemplates, type TemplateFileText } from '../../../src/render/compile-templates.js';
import { sampleTemplates } from '../../helpers/site-fixture.js';

const ITEM = 'templates/item.hbs';
const item = (text: string, ...partials: [string, string][]): TemplateFileText[] => [
  { path: ITEM, text },
  ...partials.map(([name, partialText]) => ({ path: `templates/partials/${name}.hbs`, text: partialText })),
];
const t = (key: string, options: { hash: Record<string, unknown> }) => `[${key}${Object.keys(options.hash).length ? ` ${JSON.stringify(options.hash)}` : ''}]`;

describe('compileTemplates', () => {
  test('compiles the sample site\'s templates and lists every label key they use', () => {
    const files = Object.entries(sampleTemplates()).map(([path, text]) => ({ path, text }));
    const result = compileTemplates(files);
    expect(result.errors).toEqual([]);
    expect(result.value!.labelKeys).toEqual([
      'item.byline',
      'item.photoCredit',
      'item.publishedOn',
      'item.readMore',
      'item.readingTime',
      'item.translations',
      'item.updatedOn',
      'item.watchVideo',
    ]);
  });

  test('label keys come from {{t "…"}} in the item, its partials and sub-expressions, sorted and unique', () => {
    const result = compileTemplates(
      item('{{t "b.second"}}{{> part}}{{#if (t "c.sub")}}x{{/if}}{{t "b.second" count=2}}', ['part', '{{t "a.first"}}']),
    );
    expect(result.errors).toEqual([]);
    expect(result.value!.labelKeys).toEqual(['a.first', 'b.second', 'c.sub']);
  });

  test('a key that is not a string literal is not collected', () => {
    const result = compileTemplates(item('{{t key}}'));
    expect(result.errors).toEqual([]);
    expect(result.value!.labelKeys).toEqual([]);
  });

  test('the compiled template renders with partials and a per-call t helper, escaping fields', () => {
    const result = compileTemplates(item('<h1>{{title}}</h1>{{> byline}}', ['byline', '<p>{{t "item.byline" authors=authors}}</p>']));
    const html = result.value!.item({ title: 'A < B & "C"', authors: 'Ann' }, { helpers: { t } });
    expect(html).toBe('<h1>A &lt; B &amp; &quot;C&quot;</h1><p>[item.byline {&quot;authors&quot;:&quot;Ann&quot;}]</p>');
  });

  test('templates are strict: a field that is not in the context throws when rendering', () => {
    const result = compileTemplates(item('{{tittle}}'));
    expect(result.errors).toEqual([]);
    expect(() => result.value!.item({ title: 'x' }, { helpers: { t } })).toThrow();
  });

  test('a missing item template is TEMPLATE_MISSING for templates/item.hbs', () => {
    const result = compileTemplates([{ path: 'templates/partials/byline.hbs', text: 'x' }]);
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_MISSING', file: ITEM }]);
  });

  test('an unknown partial is TEMPLATE_MISSING at its line and column', () => {
    const result = compileTemplates(item('<div>\n  {{> bylin}}\n</div>', ['byline', 'x']));
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_MISSING', file: ITEM, line: 2, column: 3 }]);
  });

  test('an unknown partial inside a partial is reported in that partial\'s file', () => {
    const result = compileTemplates(item('{{> outer}}', ['outer', 'a\nb {{> nowhere}}']));
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_MISSING', file: 'templates/partials/outer.hbs', line: 2, column: 3 }]);
  });

  test('a syntax error is TEMPLATE_SYNTAX with the file and line', () => {
    const result = compileTemplates(item('<p>\n{{title}\n</p>'));
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_SYNTAX', file: ITEM, line: 2 }]);
  });

  // Like an unclosed YAML list, it is reported where the parser expected the close: the end of the
  // template, line 3 (after the last newline). Handlebars' parse errors give a line, not a column.
  test('an unclosed block is TEMPLATE_SYNTAX at the end of the template, where its close was expected', () => {
    const result = compileTemplates(item('{{#if image}}\n<img>\n'));
    expect(result.errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([{ code: 'TEMPLATE_SYNTAX', file: ITEM, line: 3, column: undefined }]);
  });

  test('a syntax error in a partial names the partial', () => {
    const result = compileTemplates(item('{{> figure}}', ['figure', '<figure>\n\n{{{image}}</figure>']));
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_SYNTAX', file: 'templates/partials/figure.hbs', line: 3 }]);
  });

  // Handlebars words a mismatched close as "if doesn't match each - 1:3", without "on line N": the
  // position is the opening block's, line 1, whose close is wrong. (No column is given, though
  // Handlebars' "1:3" has one: the 0-based column of "if".)
  test('a mismatched block close is TEMPLATE_SYNTAX at the line of the block it fails to close', () => {
    const result = compileTemplates(item('{{#if image}}\n<img>\n{{/each}}'));
    expect(result.errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([{ code: 'TEMPLATE_SYNTAX', file: ITEM, line: 1, column: undefined }]);
  });

  test('an unknown helper is an error at its position', () => {
    const result = compileTemplates(item('<p>\n  {{shout title}}\n</p>'));
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_RENDER', file: ITEM, line: 2, column: 3 }]);
  });

  test('an unknown helper in a sub-expression is an error at the sub-expression', () => {
    const result = compileTemplates(item('{{#if (shout title)}}x{{/if}}'));
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_RENDER', file: ITEM, line: 1, column: 7 }]);
  });

  // Otherwise it would only fail when the first item renders, reported against an article.
  test('an unknown block helper with arguments is an error at compile time', () => {
    const result = compileTemplates(item('<p>\n{{#shout title}}x{{/shout}}\n</p>'));
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'TEMPLATE_RENDER', file: ITEM, line: 2, column: 1 }]);
  });

  test('a block without arguments reads a field and is not a helper call', () => {
    const result = compileTemplates(item('{{#image}}{{src}}{{/image}}'));
    expect(result.errors).toEqual([]);
    expect(result.value!.item({ image: { src: 's' } }, { helpers: { t } })).toBe('s');
  });

  test('built-in block helpers and field sections are accepted', () => {
    const result = compileTemplates(
      item('{{#each translations}}{{lang}}{{#unless @last}},{{/unless}}{{/each}}{{#with image}}{{src}}{{/with}}{{lookup labels "x"}}'),
    );
    expect(result.errors).toEqual([]);
    expect(result.value!.item({ translations: [{ lang: 'ar' }, { lang: 'fr' }], image: { src: 's' }, labels: { x: 'X' } }, { helpers: { t } })).toBe('ar,frsX');
  });

  test('every problem of every file is reported at once', () => {
    const result = compileTemplates(item('{{> nope}}{{shout x}}', ['bad', '{{#if}}']));
    expect(result.errors.map((error) => [error.code, error.file]).sort()).toEqual([
      ['TEMPLATE_MISSING', ITEM],
      ['TEMPLATE_RENDER', ITEM],
      ['TEMPLATE_SYNTAX', 'templates/partials/bad.hbs'],
    ]);
  });

  test('partials do not leak between compilations', () => {
    expect(compileTemplates(item('x', ['shared', 'one'])).errors).toEqual([]);
    expect(compileTemplates(item('{{> shared}}')).errors).toMatchObject([{ code: 'TEMPLATE_MISSING' }]);
  });
});
