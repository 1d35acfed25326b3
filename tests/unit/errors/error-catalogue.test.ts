import { describe, expect, test } from 'vitest';
import { catalogueGroups, errorCodes } from '../../../src/model/error-catalogue.js';

describe('the error catalogue', () => {
  test('each code belongs to exactly one group (a code in two would be hidden when they are joined)', () => {
    const grouped = catalogueGroups.flatMap((group) => Object.keys(group));
    expect(grouped.toSorted()).toEqual([...errorCodes].sort());
  });

  test('codes are UPPER_SNAKE', () => {
    expect(errorCodes.filter((code) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(code))).toEqual([]);
  });
});
