// I/O: removes polyfeed's own temporary files and backups from every folder under the output folder (a killed build's leftovers).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isLeftoverName } from './polyfeed-names.js';

/**
 * Walks the whole output folder (links to folders are not followed) and removes every file named
 * as polyfeed names its temporary files and backups, and nothing else. Call it holding the
 * output lock, after an interrupted publish was undone (its backups are needed until then).
 * A file that cannot be removed stays; the next build tries again.
 */
export function removeLeftovers(folder: string): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // no output folder yet, or one that cannot be listed: nothing of polyfeed's to find
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) removeLeftovers(path);
    else if (entry.isFile() && isLeftoverName(entry.name)) {
      try {
        rmSync(path, { force: true });
      } catch {
        // Left for the next build.
      }
    }
  }
}
