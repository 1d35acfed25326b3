import { describe, expect, test } from 'vitest';
import { flattenKeys } from '../../../src/translate/flatten-keys.js';

/** The map as plain data: key → sorted plural categories. */
const flat = (resources: unknown) =>
  Object.fromEntries([...flattenKeys(resources)].map(([key, entry]) => [key, [...entry.pluralCategories].sort()]));

describe('flattenKeys', () => {
  test('nested objects become dotted keys', () => {
    expect(flat({ feed: { title: 'T', description: 'D' }, item: { readMore: 'R' } })).toEqual({
      'feed.title': [],
      'feed.description': [],
      'item.readMore': [],
    });
  });

  test('plural suffixes are folded into one key with its categories', () => {
    expect(flat({ item: { readingTime_one: '1', readingTime_other: 'n', readMore: 'R' } })).toEqual({
      'item.readingTime': ['one', 'other'],
      'item.readMore': [],
    });
  });

  test('all six CLDR categories are recognised', () => {
    const arabic = { t_zero: '', t_one: '', t_two: '', t_few: '', t_many: '', t_other: '' };
    expect(flat(arabic)).toEqual({ t: ['few', 'many', 'one', 'other', 'two', 'zero'] });
  });

  test('a suffix that is not a plural category is part of the key', () => {
    expect(flat({ a: { title_short: 'x', one_more: 'y' } })).toEqual({ 'a.title_short': [], 'a.one_more': [] });
  });

  test('a plain key and plural forms with the same stem share one entry', () => {
    expect(flat({ count: 'n', count_one: '1' })).toEqual({ count: ['one'] });
  });

  test('arrays, numbers and empty strings are leaves; empty objects add nothing', () => {
    expect(flat({ a: ['x', 'y'], b: 3, c: '', d: {} })).toEqual({ a: [], b: [], c: [] });
  });

  test('deeply nested keys', () => {
    expect(flat({ a: { b: { c: { d_other: 'x' } } } })).toEqual({ 'a.b.c.d': ['other'] });
  });
});
