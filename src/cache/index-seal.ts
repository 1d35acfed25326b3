// Pure: the text of a build index → the seal line that ends it, and whether a file's seal holds.
import { crc32 } from 'node:zlib';

/**
 * The last line of index.jsonl is a JSON string: the CRC-32 of every byte before it, in hex. A
 * file cut off, damaged, or edited by hand without recomputing the seal does not match it and is
 * not used. It is a checksum, not a signature (there is no secret to sign with): someone who edits
 * the index on purpose can recompute it, so every value is also checked for type and shape. CRC-32
 * rather than SHA-256 because it tells the same about damage and takes a quarter of the time on
 * the 8 MB index of a 10k-article site, read on every rebuild.
 */
export class IndexSealer {
  private value = 0;

  /** Bytes (or text) written to the file, in order. */
  update(data: Uint8Array | string): void {
    this.value = crc32(data, this.value);
  }

  /** The seal line (with its newline) of everything given so far. */
  sealLine(): string {
    return `${JSON.stringify(sealOf(this.value))}\n`;
  }
}

const sealOf = (value: number): string => value.toString(16).padStart(8, '0');

/** Whether `seal` (the last line's text) is the checksum of `bytes` before `end`. */
export function hasValidSeal(bytes: Uint8Array, end: number, seal: string): boolean {
  return seal === JSON.stringify(sealOf(crc32(bytes.subarray(0, end))));
}
