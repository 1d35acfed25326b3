// Pure: a file's bytes → a short digest, to tell whether they are what an earlier build read.
import { createHash } from 'node:crypto';

/** SHA-256 cut to 22 base64 characters (132 bits): a few microseconds for an article, and no two files of an archive share one by chance. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64').slice(0, 22);
}
