// I/O: reads the published-ids manifest (published-ids.tsv at the site root), if there is one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { SourceFile } from './read-sources.js';

/** The manifest of published item ids, next to polyfeed.config.yaml; committed with the articles. */
export const PUBLISHED_IDS_FILE = 'published-ids.tsv';

/** The manifest as read: its bytes, or none when there is no manifest yet; a file that cannot be read is a problem. */
export interface PublishedIdsSource {
  readonly file: SourceFile | undefined;
  readonly errors: readonly BuildError[];
}

/** Reads `published-ids.tsv` under `root`; a missing file is no manifest (the first build writes it). */
export function readPublishedIds(root: string): PublishedIdsSource {
  try {
    return { file: { path: PUBLISHED_IDS_FILE, bytes: readFileSync(join(root, PUBLISHED_IDS_FILE)) }, errors: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file: undefined, errors: [] };
    if (typeof code !== 'string') throw error;
    return { file: undefined, errors: [makeError('FILE_UNREADABLE', { systemCode: code }, { file: PUBLISHED_IDS_FILE, cause: error })] };
  }
}
