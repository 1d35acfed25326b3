// Pure: the text of a build index → the seal line that ends it, and whether a file's seal holds.
import { createHash, type Hash } from 'node:crypto';

/**
 * The last line of index.jsonl is a JSON string: a digest (SHA-256, 22 base64 characters) of every
 * byte before it. A file cut off, damaged, or edited by hand without recomputing the seal does not
 * match it and is not used. It is no signature (there is no secret to sign with): someone who edits
 * the index on purpose can recompute it, so every value is also checked for type and shape.
 */
export class IndexSealer {
  private readonly hash: Hash = createHash('sha256');

  /** Text written to the file, in order. */
  update(text: string): void {
    this.hash.update(text, 'utf8');
  }

  /** The seal line (with its newline) of everything given so far. */
  sealLine(): string {
    return `${JSON.stringify(this.hash.digest('base64').slice(0, 22))}\n`;
  }
}

/** The whole file of the given lines (head, then columns) with their seal: what writeBuildIndex writes for them. */
export function sealIndexLines(lines: readonly string[]): string {
  const text = lines.map((line) => `${line}\n`).join('');
  const sealer = new IndexSealer();
  sealer.update(text);
  return text + sealer.sealLine();
}

/** Whether `seal` (the last line's text) is the digest of `bytes` before `end`. */
export function hasValidSeal(bytes: Uint8Array, end: number, seal: string): boolean {
  const digest = createHash('sha256').update(bytes.subarray(0, end)).digest('base64').slice(0, 22);
  return seal === JSON.stringify(digest);
}
