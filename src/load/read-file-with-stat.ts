// I/O: a file's bytes together with the size and mtime it had when it was read (one open, no separate stat).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStamp } from '../model/file-stamp.js';

/** A descriptor open for reading, or undefined when the file cannot be opened (it vanished). */
export function openForReading(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}

/** The file's bytes and stamp; undefined when it vanished (or is no file now); the error's code when it is there but cannot be read. */
export function readFileWithStat(path: string): { bytes: Buffer; stamp: FileStamp } | { unreadable: string } | undefined {
  let descriptor: number;
  try {
    // Non-blocking: opening a named pipe put where a file was listed must not wait for a writer (issue 11); regular files read as ever.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { unreadable: code };
  }
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
    return { bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset), stamp: [stats.size, stats.mtimeMs, stats.ino] };
  } finally {
    closeSync(descriptor);
  }
}

/** The bytes of files under `root`, read when asked for; undefined for a file that is gone or cannot be read. */
export function fileBytesUnder(root: string): (path: string) => Buffer | undefined {
  return (path) => {
    const read = readFileWithStat(join(root, path));
    return read && 'bytes' in read ? read.bytes : undefined;
  };
}
