import { afterEach, describe, expect, test } from 'vitest';
import { parseYamlWithPositions } from '../../../src/load/parse-yaml-with-positions.js';
import { dedent } from '../../helpers/dedent.js';

const FILE = 'articles/a/en.md';
const parse = (text: string, firstLine = 1) => parseYamlWithPositions(text, { file: FILE, firstLine });

describe('parseYamlWithPositions: data', () => {
  test('keeps YAML 1.2 core scalars as written: dates and "no" stay strings', () => {
    const result = parse(dedent`
      date: 2025-03-14T09:30:00+01:00
      country: no
      draft: false
      count: 3
      account: "6008318887001"
    `);
    expect(result.errors).toEqual([]);
    expect(result.value!.data).toEqual({ date: '2025-03-14T09:30:00+01:00', country: 'no', draft: false, count: 3, account: '6008318887001' });
  });

  test('a few ordinary aliases still expand', () => {
    const result = parse('base: &who [Desk, Wire]\nauthors: *who\n');
    expect(result.errors).toEqual([]);
    expect(result.value!.data).toEqual({ base: ['Desk', 'Wire'], authors: ['Desk', 'Wire'] });
  });

  test('empty text parses to null', () => {
    const result = parse('');
    expect(result.errors).toEqual([]);
    expect(result.value!.data).toBeNull();
  });
});

describe('parseYamlWithPositions: positions', () => {
  const text = dedent`
    title: First
    image:
      src: /media/a.jpg
      alt: A picture
    tags:
      - one
      - two
    authors:
      - Desk
      - name: Ann
        email: ann@example.org
  `;

  test('positions of nested keys and sequence items are file lines, offset by firstLine', () => {
    // The YAML starts on file line 2, after the opening "---".
    const { positionOf } = parse(text, 2).value!;
    expect(positionOf(['title'])).toEqual({ line: 2, column: 8 });
    expect(positionOf(['image', 'src'])).toEqual({ line: 4, column: 8 });
    expect(positionOf(['image', 'alt'])).toEqual({ line: 5, column: 8 });
    expect(positionOf(['tags', 1])).toEqual({ line: 8, column: 5 });
    expect(positionOf(['authors', 1, 'email'])).toEqual({ line: 12, column: 12 });
  });

  test('key: true points at the key instead of the value', () => {
    const { positionOf } = parse(text, 2).value!;
    expect(positionOf(['image', 'src'], { key: true })).toEqual({ line: 4, column: 3 });
    expect(positionOf(['authors', 1, 'email'], { key: true })).toEqual({ line: 12, column: 5 });
    expect(positionOf(['image'], { key: true })).toEqual({ line: 3, column: 1 });
  });

  test('firstLine 1 gives the text\'s own lines', () => {
    const { positionOf } = parse(text, 1).value!;
    expect(positionOf(['tags', 0])).toEqual({ line: 6, column: 5 });
  });

  test('a path that goes further than the document points at the deepest node found', () => {
    const { positionOf } = parse(text, 2).value!;
    // image.caption does not exist: the position is image's value (its first key).
    expect(positionOf(['image', 'caption'])).toEqual({ line: 4, column: 3 });
    expect(positionOf(['tags', 5])).toEqual({ line: 7, column: 3 });
    expect(positionOf(['title', 'deeper'])).toEqual({ line: 2, column: 8 });
  });

  test('positions in flow collections', () => {
    const { positionOf } = parse('tags: [ok, 3]\nimage: { src: /a.jpg, alt: x }\n', 5).value!;
    expect(positionOf(['tags', 1])).toEqual({ line: 5, column: 12 });
    expect(positionOf(['image', 'alt'])).toEqual({ line: 6, column: 28 });
  });
});

describe('parseYamlWithPositions: errors', () => {
  test('a syntax error is YAML_SYNTAX at its file line and column', () => {
    const result = parse('title: ok\nsummary: a: b\n', 2);
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'YAML_SYNTAX', severity: 'error', file: FILE, line: 3, column: 10 }]);
  });

  // As in tests/fixtures/invalid/yaml-unclosed-flow-list: where the parser expected the "]", the start of the next key's line.
  test('an unclosed flow sequence is YAML_SYNTAX where its close was expected', () => {
    const result = parse('title: ok\ntags: [one, two\nx: 1\n', 2);
    expect(result.value).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors).toMatchObject([{ code: 'YAML_SYNTAX', file: FILE, line: 4, column: 1 }]);
  });

  test('a repeated key is YAML_SYNTAX at the second occurrence', () => {
    const result = parse('title: one\ndate: x\ntitle: two\n', 2);
    expect(result.errors).toMatchObject([{ code: 'YAML_SYNTAX', file: FILE, line: 4, column: 1 }]);
  });

  test('an alias bomb ("billion laughs") is refused with YAML_SYNTAX instead of expanded', () => {
    const bomb = dedent`
      a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
      f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    `;
    const result = parse(bomb, 2);
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'YAML_SYNTAX', file: FILE, line: 2, column: 1 }]);
  });
});

describe('parseYamlWithPositions: prototype pollution', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  test('a __proto__ key does not pollute Object.prototype or change the data\'s prototype', () => {
    const result = parse('__proto__: {polluted: true}\ntitle: x\n');
    expect(result.errors).toEqual([]);
    const data = result.value!.data as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data.polluted).toBeUndefined();
    expect(data.title).toBe('x');
    // It stays an ordinary own key that the schema can reject as unknown.
    expect(Object.keys(data)).toContain('__proto__');
  });

  test('a nested __proto__ key does not pollute either', () => {
    const result = parse('image:\n  __proto__:\n    polluted: true\n');
    expect(result.errors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((result.value!.data as { image: object }).image)).toBe(Object.prototype);
  });
});
