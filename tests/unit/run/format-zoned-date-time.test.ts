import { describe, expect, test } from 'vitest';
import { formatZonedDateTime } from '../../../src/model/format-zoned-date-time.js';
import { parseArticleDate } from '../../../src/model/iso-date-time.js';

const at = Date.parse('2026-07-01T12:34:56.789Z');

describe('formatZonedDateTime', () => {
  test('without a time zone: UTC, whole seconds, offset Z', () => {
    expect(formatZonedDateTime(at)).toBe('2026-07-01T12:34:56Z');
  });

  test.each([
    ['Europe/Berlin', '2026-07-01T14:34:56+02:00'],
    ['Asia/Kolkata', '2026-07-01T18:04:56+05:30'],
    ['America/St_Johns', '2026-07-01T10:04:56-02:30'],
    ['UTC', '2026-07-01T12:34:56+00:00'],
  ])('in %s: the wall-clock time there and its offset then', (zone, expected) => {
    expect(formatZonedDateTime(at, zone)).toBe(expected);
  });

  test('the offset follows daylight saving time', () => {
    expect(formatZonedDateTime(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15T13:00:00+01:00');
  });

  test('is a date front matter accepts, naming the same second', () => {
    for (const zone of [undefined, 'Pacific/Chatham', 'America/Los_Angeles']) {
      expect(parseArticleDate(formatZonedDateTime(at, zone)).epochMs).toBe(Math.floor(at / 1000) * 1000);
    }
  });

  test('an unknown time zone throws', () => {
    expect(() => formatZonedDateTime(at, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
