// I/O: the sha256 of a file's bytes, read a block at a time.
import { closeSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { openForReading } from '../load/read-file-with-stat.js';

/** Hex sha256 of the file's bytes; undefined when there is no such file. */
export function hashOfFile(path: string): string | undefined {
  const descriptor = openForReading(path);
  if (descriptor === undefined) return undefined;
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) hash.update(buffer.subarray(0, read));
    return hash.digest('hex');
  } finally {
    closeSync(descriptor);
  }
}
