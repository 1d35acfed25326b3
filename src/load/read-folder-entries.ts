// I/O: a folder's entries, or none when it cannot be read (missing, or not a folder).
import { readdirSync, type Dirent } from 'node:fs';

/** Missing folders read as empty: the stages that need them report their absence. */
export function readFolderEntries(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}
