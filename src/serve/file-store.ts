// I/O: files of the served folder → their digest, media type, date and body in each coding, kept while the file's stamp holds.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { mediaTypeOf } from './media-types.js';
import type { ContentCoding } from './negotiate-encoding.js';
import type { ServedFileFacts } from './plan-file-response.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** A file as read once: its facts and bytes, and its compressed bodies as they are first asked for. */
interface StoredFile {
  readonly stamp: string;
  readonly facts: ServedFileFacts;
  readonly bytes: Buffer;
  readonly bodies: Map<ContentCoding, Promise<Buffer>>;
}

/** The files read so far, by absolute path. */
export interface FileStore {
  /** The file's facts and a reader of its body in a coding; read (and digested) only when its stamp changed. */
  fileOf(path: string, stats: Stats, name: string): Promise<{ facts: ServedFileFacts; body: (coding: ContentCoding) => Promise<Buffer> }>;
}

/** What says a file is the one read before: a publish renames a new file into place, so its inode changes with its bytes. */
function stampOf(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}:${stats.ctimeMs}`;
}

/** brotli at quality 11 takes seconds on a feed of tens of megabytes; 5 is about gzip's time for a smaller body. */
function compress(bytes: Buffer, coding: Exclude<ContentCoding, 'identity'>): Promise<Buffer> {
  if (coding === 'gzip') return gzipAsync(bytes, { level: 6 });
  return brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
}

/**
 * Keeps what serving a file takes (its bytes, their SHA-256 digest, its compressed bodies) while
 * its stamp (size, modification time, inode, change time) holds, so repeated and conditional
 * GETs read nothing but the file's stat. Up to `maxBytes` of bytes are kept; the files read
 * longest ago go first.
 */
export function createFileStore(maxBytes = 128 * 1024 * 1024): FileStore {
  const files = new Map<string, StoredFile>();
  let heldBytes = 0;
  const forget = (path: string) => {
    const stored = files.get(path);
    if (!stored) return;
    files.delete(path);
    heldBytes -= stored.bytes.length;
  };
  return {
    async fileOf(path, stats, name) {
      const stamp = stampOf(stats);
      let stored = files.get(path);
      if (stored?.stamp !== stamp) {
        forget(path);
        // The stamp kept is the one of the bytes read: a file published between the caller's stat and this read is seen again next time.
        const handle = await open(path);
        let bytes: Buffer;
        let readStats: Stats;
        try {
          readStats = await handle.stat();
          bytes = await handle.readFile();
        } finally {
          await handle.close();
        }
        const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
        stored = { stamp: stampOf(readStats), bytes, bodies: new Map(), facts: { digest, lastModifiedMs: readStats.mtimeMs, mediaType: mediaTypeOf(name, bytes.subarray(0, 1024)) } };
        files.set(path, stored);
        heldBytes += bytes.length;
        for (const [oldPath] of files) {
          if (heldBytes <= maxBytes || oldPath === path) break;
          forget(oldPath);
        }
      }
      const { bytes, bodies, facts } = stored;
      const body = (coding: ContentCoding): Promise<Buffer> => {
        if (coding === 'identity') return Promise.resolve(bytes);
        let made = bodies.get(coding);
        if (!made) {
          made = compress(bytes, coding);
          bodies.set(coding, made);
          // A failure is not kept: the next request tries again.
          made.catch(() => bodies.delete(coding));
        }
        return made;
      };
      return { facts, body };
    },
  };
}
