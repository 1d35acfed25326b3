import { describe, expect, test } from 'vitest';
import { isNotModified } from '../../../src/serve/evaluate-conditions.js';

const etag = '"abc123"';
const lastModifiedMs = Date.parse('2026-03-14T09:30:15.750Z');

describe('isNotModified', () => {
  test.each([
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"other", "abc123"', true],
    ['"other",W/"abc123"', true],
    ['*', true],
    [' * ', true],
    ['"other"', false],
    ['"abc12"', false],
    ['abc123', false],
    ['"abc123-gzip"', false],
    ['"a,b", "abc123"', true],
  ])('If-None-Match %s → %s', (ifNoneMatch, expected) => {
    expect(isNotModified({ ifNoneMatch }, etag, lastModifiedMs)).toBe(expected);
  });

  test.each([
    ['Sat, 14 Mar 2026 09:30:15 GMT', true],
    ['Sat, 14 Mar 2026 09:30:16 GMT', true],
    ['Sat, 14 Mar 2026 09:30:14 GMT', false],
    ['Fri, 13 Mar 2026 09:30:15 GMT', false],
    ['not a date', false],
  ])('If-Modified-Since %s → %s (in whole seconds)', (ifModifiedSince, expected) => {
    expect(isNotModified({ ifModifiedSince }, etag, lastModifiedMs)).toBe(expected);
  });

  test('If-None-Match decides alone when both are sent', () => {
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: 'Sat, 14 Mar 2026 09:30:15 GMT' }, etag, lastModifiedMs)).toBe(false);
    expect(isNotModified({ ifNoneMatch: etag, ifModifiedSince: 'Fri, 13 Mar 2026 09:30:15 GMT' }, etag, lastModifiedMs)).toBe(true);
  });

  test('no condition: the body is sent', () => {
    expect(isNotModified({}, etag, lastModifiedMs)).toBe(false);
  });
});
