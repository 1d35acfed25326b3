import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { JsonColumn, jsonChunks } from '../../../src/cache/json-chunks.js';

const joined = (value: unknown) => [...jsonChunks(value)].join('');

describe('jsonChunks', () => {
  test.prop([fc.array(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean()), { maxLength: 9000 })])(
    'writes a column as JSON.stringify writes the array',
    (values) => {
      expect(joined(new JsonColumn(values.length, (position) => values[position]))).toBe(JSON.stringify(values));
      expect(joined(JsonColumn.of(values))).toBe(JSON.stringify(values));
    },
  );

  test.prop([fc.jsonValue(), fc.array(fc.string(), { maxLength: 5000 })])('writes objects holding columns as JSON.stringify writes them', (other, paths) => {
    const columns = { path: new JsonColumn(paths.length, (position) => paths[position]), skipped: undefined, count: paths.length };
    const value = { format: 4, other, articles: columns, tail: [1, 2] };
    expect(JSON.parse(joined(value))).toEqual({ format: 4, other: JSON.parse(JSON.stringify(other)), articles: { path: paths, count: paths.length }, tail: [1, 2] });
    expect(joined(value)).toBe(JSON.stringify({ ...value, articles: { path: paths, count: paths.length } }));
  });

  test('writes an empty column as an empty array, and a long one in several pieces', () => {
    expect(joined({ a: new JsonColumn(0, () => 1) })).toBe('{"a":[]}');
    const pieces = [...jsonChunks(new JsonColumn(10_000, (position) => position))];
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toHaveLength(10_000);
  });
});
