// Pure: file bytes → whether they look like UTF-16 text (a byte order mark, or NUL bytes every other byte).

export type Utf16Kind = { readonly byteOrder: 'little-endian' | 'big-endian'; readonly bom: boolean };

/** Bytes looked at to tell UTF-16 from text that merely holds a NUL. */
const SAMPLE_BYTES = 1024;

/**
 * UTF-16 of mostly Latin text has a NUL in every other byte; saved without a byte order mark it
 * is even valid UTF-8 (NUL is), and would otherwise be read as text full of NULs.
 */
export function detectUtf16(bytes: Uint8Array): Utf16Kind | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { byteOrder: 'little-endian', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { byteOrder: 'big-endian', bom: true };
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let offset = 0; offset < length; offset += 2) {
    if (bytes[offset] === 0) evenZeros++;
    if (bytes[offset + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return { byteOrder: 'little-endian', bom: false };
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return { byteOrder: 'big-endian', bom: false };
  return undefined;
}
