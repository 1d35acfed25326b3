import { describe, expect, test } from 'vitest';
import { removeForbiddenCharacters } from '../../../src/serialize/remove-forbidden-characters.js';

describe('removeForbiddenCharacters', () => {
  test('removes C0 control characters but keeps tab, LF and CR', () => {
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
    expect(removeForbiddenCharacters(`a${controls}b`)).toBe('a\t\n\rb');
  });

  test('removes the non-characters U+FFFE and U+FFFF', () => {
    expect(removeForbiddenCharacters('x\uFFFEy\uFFFFz')).toBe('xyz');
  });

  test('removes lone surrogates: high at the end, low at the start, and a reversed pair', () => {
    expect(removeForbiddenCharacters('end\uD83D')).toBe('end');
    expect(removeForbiddenCharacters('\uDE00start')).toBe('start');
    expect(removeForbiddenCharacters('a\uDE00\uD83Db')).toBe('ab');
    expect(removeForbiddenCharacters('a\uD83D\uD83D\uDE00b')).toBe('a\uD83D\uDE00b');
  });

  test.each([
    ['emoji with a skin tone', '👍🏽'],
    ['a ZWJ family emoji', '👩‍👩‍👧‍👦'],
    ['a flag', '🇸🇦'],
    ['a combining accent', 'e\u0301'],
    ['Arabic with harakat', 'مُحَمَّد'],
    ['RTL and LTR marks and isolates', '\u200F\u200E\u2067x\u2069\u202B'],
    ['a zero-width joiner and non-joiner', 'a\u200Db\u200Cc'],
    ['the last BMP character before U+FFFE', '\uFFFD'],
    ['DEL and C1 controls (allowed in XML 1.0)', '\u007F\u0085\u009F'],
    ['a supplementary-plane CJK character', '𠮷'],
    ['a private-use character', '\uE000'],
  ])('keeps %s', (_name, text) => {
    expect(removeForbiddenCharacters(`<${text}>`)).toBe(`<${text}>`);
  });

  test('text without forbidden characters is returned unchanged', () => {
    const text = 'Summit ends — قمة هانوي — 日本語 & <b>"quoted"</b>';
    expect(removeForbiddenCharacters(text)).toBe(text);
  });

  test('the result is always well-formed UTF-16', () => {
    const text = 'a\uD800\uD800\uDC00\uDC00\u0000b';
    const cleaned = removeForbiddenCharacters(text);
    expect(cleaned).toBe('a\uD800\uDC00b');
    // encodeURIComponent throws URIError on a lone surrogate.
    expect(() => encodeURIComponent(cleaned)).not.toThrow();
  });
});
