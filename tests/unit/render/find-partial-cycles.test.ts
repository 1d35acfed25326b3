import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { findPartialCycles } from '../../../src/render/find-partial-cycles.js';

const template = (name: string, text: string) => ({ name, file: `templates/partials/${name}.hbs`, program: Handlebars.parse(text) });

describe('findPartialCycles', () => {
  test('no loop: nothing', () => {
    expect(findPartialCycles([template('templates/item.hbs', '{{> a}}{{> b}}'), template('a', '{{> b}}'), template('b', 'x')])).toEqual([]);
  });

  test('a partial that includes itself, at the call', () => {
    const [error] = findPartialCycles([template('a', 'x\n  {{> a}}')]);
    expect(error).toMatchObject({ code: 'TEMPLATE_RECURSION', file: 'templates/partials/a.hbs', line: 2, column: 3 });
  });

  test('a loop through three partials is reported once, naming them in order', () => {
    const errors = findPartialCycles([template('a', '{{> b}}'), template('b', '{{#if x}}{{> c}}{{/if}}'), template('c', '{{> a}}')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'templates/partials/c.hbs' });
    expect(errors[0]!.message).toContain('a → b → c → a');
  });

  test('an inline partial that calls itself is a loop too', () => {
    expect(findPartialCycles([template('a', '{{#*inline "b"}}{{> b}}{{/inline}}{{> b}}'), template('b', 'x')])).toHaveLength(1);
  });

  test('a chain thousands of partials long does not overflow the stack', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => template(`p${i}`, i < 1999 ? `{{> p${i + 1}}}` : 'end'));
    expect(findPartialCycles(chain)).toEqual([]);
  });
});
