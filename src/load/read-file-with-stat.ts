// I/O: a file's bytes together with the size and mtime it had when it was read (one open, no separate stat).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** `[size, mtimeMs]`: what the cache compares to tell whether a file changed. */
export type FileStamp = readonly [number, number];

/** A descriptor open for reading, or undefined when the file cannot be opened (it vanished). */
export function openForReading(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}

/** Undefined when the file cannot be read (it vanished, or is not a file any more). */
export function readFileWithStat(path: string): { bytes: Buffer; stamp: FileStamp } | undefined {
  const descriptor = openForReading(path);
  if (descriptor === undefined) return undefined;
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(descriptor, bytes, offset, bytes.length - offset, null);
      if (read === 0) break;
      offset += read;
    }
    return { bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset), stamp: [stats.size, stats.mtimeMs] };
  } finally {
    closeSync(descriptor);
  }
}
