// Pure: file bytes → text, refusing bytes that are not UTF-8 instead of guessing.
import { isUtf8 } from 'node:buffer';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { SourceFile } from './read-sources.js';
import { detectUtf16, type Utf16Kind } from './detect-utf16.js';
import { normalizeNewlines } from './split-front-matter.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, drops a byte order mark and turns CRLF into LF (neither changes a position). */
export function decodeText(file: SourceFile): { value?: string; errors: BuildError[] } {
  const { bytes } = file;
  // isUtf8 (simdutf) validates far faster than a fatal TextDecoder decodes.
  if (isUtf8(bytes)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A NUL is rare in text (memchr finds one fast); UTF-16 without a byte order mark is full of them.
    const utf16 = buffer.indexOf(0) === -1 ? undefined : detectUtf16(bytes);
    if (utf16) return { errors: [utf16Error(file.path, utf16)] };
    return { value: normalizeNewlines(buffer.toString('utf8')), errors: [] };
  }
  const utf16 = detectUtf16(bytes);
  if (utf16) return { errors: [utf16Error(file.path, utf16)] };
  const offset = firstInvalidByte(bytes);
  const lines = new TextDecoder().decode(bytes.subarray(0, offset)).split('\n');
  return {
    errors: [
      makeError('NOT_UTF8', { kind: 'invalid-byte', byte: bytes[offset], offset }, {
        file: file.path,
        line: lines.length,
        column: lines.at(-1)!.length + 1,
      }),
    ],
  };
}

function utf16Error(path: string, kind: Utf16Kind): BuildError {
  return makeError('NOT_UTF8', { kind: 'utf16', ...kind }, { file: path, line: 1, column: 1 });
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return offset;
    try {
      decoder.decode(bytes.subarray(offset, offset + length));
    } catch {
      return offset;
    }
    offset += length;
  }
  return offset;
}
