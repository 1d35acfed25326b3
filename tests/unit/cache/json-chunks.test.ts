import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { JsonColumn, jsonColumnChunks } from '../../../src/cache/json-chunks.js';

const joined = (column: JsonColumn) => [...jsonColumnChunks(column)].join('');

describe('jsonColumnChunks', () => {
  test.prop([fc.array(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean()), { maxLength: 9000 })])(
    'writes a column as JSON.stringify writes the array, from a getter or from the array',
    (values) => {
      expect(joined(new JsonColumn(values.length, (position) => values[position]))).toBe(JSON.stringify(values));
      expect(joined(JsonColumn.of(values))).toBe(JSON.stringify(values));
    },
  );

  test('writes an empty column as an empty array, and a long one in several pieces', () => {
    expect(joined(JsonColumn.of([]))).toBe('[]');
    const pieces = [...jsonColumnChunks(new JsonColumn(10_000, (position) => position))];
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toHaveLength(10_000);
  });

  test('never writes a raw line break, so that each column is one line of the index', () => {
    const text = joined(JsonColumn.of(['a\nb', 'c\u2028d', 'e\r']));
    expect(text).not.toMatch(/[\n\r]/);
    expect(JSON.parse(text)).toEqual(['a\nb', 'c\u2028d', 'e\r']);
  });
});
