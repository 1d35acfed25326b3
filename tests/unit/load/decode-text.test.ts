import { describe, expect, test } from 'vitest';
import { decodeText } from '../../../src/load/decode-text.js';

const FILE = 'articles/a/en.md';
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));
const decode = (data: Uint8Array) => decodeText({ path: FILE, bytes: data });

describe('decodeText', () => {
  test('decodes UTF-8 in any script', () => {
    const text = '---\ntitle: قمة هانوي — 日本語 — café 👍🏽\n---\n';
    expect(decode(bytes(text))).toEqual({ value: text, errors: [] });
  });

  test('strips a byte order mark', () => {
    const result = decode(bytes([0xef, 0xbb, 0xbf], '---\ntitle: x\n'));
    expect(result.errors).toEqual([]);
    expect(result.value).toBe('---\ntitle: x\n');
    expect(result.value!.charCodeAt(0)).not.toBe(0xfeff);
  });

  test('UTF-16 without a byte order mark is NOT_UTF8 at 1:1; a NUL or two in UTF-8 text is not UTF-16', () => {
    expect(decode(Uint8Array.from(Buffer.from('---\ntitle: x\n---\nBody\n', 'utf16le'))).errors).toMatchObject([{ code: 'NOT_UTF8', line: 1, column: 1 }]);
    const withNul = '---\ntitle: x\n---\nBody \u0000 and \u0000 more text that is plainly UTF-8.\n';
    expect(decode(bytes(withNul))).toEqual({ value: withNul, errors: [] });
  });

  test('turns CRLF into LF', () => {
    expect(decode(bytes('---\r\ntitle: x\r\n---\r\nBody\r\n')).value).toBe('---\ntitle: x\n---\nBody\n');
  });

  test('a Latin-1 byte is NOT_UTF8 at its line and column', () => {
    // "café" saved as Latin-1: é is the single byte 0xE9.
    const result = decode(bytes('---\ntitle: caf', [0xe9], '\n---\n'));
    expect(result.value).toBeUndefined();
    expect(result.errors).toMatchObject([{ code: 'NOT_UTF8', severity: 'error', file: FILE, line: 2, column: 11 }]);
  });

  test('columns count characters, not bytes, before the bad byte', () => {
    const result = decode(bytes('ok\nعربي ', [0xff]));
    expect(result.errors).toMatchObject([{ code: 'NOT_UTF8', line: 2, column: 6 }]);
  });

  test('CRLF line endings do not shift the reported line', () => {
    const result = decode(bytes('a\r\nb\r\ncc', [0xc0, 0x80]));
    expect(result.errors).toMatchObject([{ code: 'NOT_UTF8', line: 3, column: 3 }]);
  });

  test('a byte order mark does not count as a column', () => {
    const result = decode(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]));
    expect(result.errors).toMatchObject([{ code: 'NOT_UTF8', line: 1, column: 3 }]);
  });

  test.each([
    ['a truncated sequence at the end of the file', [0xe2, 0x82]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong encoding', [0xe0, 0x80, 0xaf]],
    ['a lone continuation byte', [0x80]],
  ])('%s is NOT_UTF8', (_name, bad) => {
    const result = decode(bytes('line one\nabc', bad));
    expect(result.errors).toMatchObject([{ code: 'NOT_UTF8', file: FILE, line: 2, column: 4 }]);
  });
});
