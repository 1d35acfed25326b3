// Test helper: lines of a build index (head, then columns) → the whole file with their seal, as writeBuildIndex writes it.
import { IndexSealer } from '../../src/cache/index-seal.js';

export function sealIndexLines(lines: readonly string[]): string {
  const text = lines.map((line) => `${line}\n`).join('');
  const sealer = new IndexSealer();
  sealer.update(text);
  return text + sealer.sealLine();
}
