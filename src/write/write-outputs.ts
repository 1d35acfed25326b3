// I/O: writes output files atomically (temporary sibling, then rename) and leaves unchanged files untouched.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../build.js';

export interface WriteSummary {
  /** Paths written because their bytes changed or they were new. */
  readonly written: readonly string[];
  /** Paths whose bytes were already the same: not rewritten, so their mtime and ETag hold. */
  readonly unchanged: readonly string[];
}

const TEMPORARY_SUFFIX = '.polyfeed-tmp';

/** Temporary files a killed build left behind; only ever called while holding the output lock. */
function removeLeftoverTemporaryFiles(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith(TEMPORARY_SUFFIX)) rmSync(join(folder, name), { force: true });
}

function readExisting(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Each file is written in full to a temporary file beside it, flushed, then renamed over the
 * old one: a reader sees the old bytes or the new bytes, never a part.
 */
function writeFileAtomically(path: string, bytes: Buffer): void {
  const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeSync(descriptor, bytes);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`Could not write ${path}`, { cause: error });
  }
}

export function writeOutputs(outDir: string, files: readonly OutputFile[]): WriteSummary {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const folder of new Set(files.map((file) => dirname(join(outDir, file.path))))) removeLeftoverTemporaryFiles(folder);
  for (const file of files) {
    const target = join(outDir, file.path);
    const bytes = Buffer.from(file.contents, 'utf8');
    const existing = readExisting(target);
    if (existing?.equals(bytes)) {
      unchanged.push(file.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomically(target, bytes);
    written.push(file.path);
  }
  return { written, unchanged };
}
