import { describe, expect, test } from 'vitest';
import { negotiateEncoding } from '../../../src/serve/negotiate-encoding.js';

describe('negotiateEncoding', () => {
  test.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['br;q=0.9, gzip;q=0.9', 'br'],
    ['GZIP;Q=0.8', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['br;q=0', 'identity'],
    ['gzip;q=0.001, identity;q=0', 'gzip'],
    ['identity;q=0.5, gzip;q=0.4', 'identity'],
    ['*;q=0', 'identity'],
    ['br;q=2', 'identity'],
    ['br;q=abc, gzip', 'gzip'],
    ['gzip;q=0.1, gzip;q=0.9, br;q=0.5', 'gzip'],
  ])('Accept-Encoding %j gives %s', (header, coding) => {
    expect(negotiateEncoding(header, true)).toBe(coding);
  });

  test('a type not worth compressing is sent as it is', () => {
    expect(negotiateEncoding('br, gzip', false)).toBe('identity');
  });
});
