// I/O: writes output files in full beside their targets (temporary; flushed by flush-staged.ts), not yet published; a write failure is returned as a problem.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { readSideBySide, type OutputFile } from '../model/output-file.js';
import { temporaryPathBeside } from './polyfeed-names.js';
import { failedWriteOf, onOutputFile, writeFailure } from './write-failure.js';

/** A file written in full beside its target, not yet published. */
export interface StagedOutput {
  /** Relative to the output folder. */
  readonly path: string;
  readonly target: string;
  readonly temporary: string;
  /** sha256 of the staged bytes, hex. */
  readonly hash: string;
}

/** What staging gives: the staged files, or none and the problems (a render error, or a write that failed). */
export interface StagingResult {
  readonly staged: StagedOutput[];
  readonly errors: readonly BuildError[];
}

/** Where files are staged, for the paths and the report. */
export interface StagingPlace {
  /** The site folder: reported paths are relative to it. */
  readonly root: string;
  readonly outDir: string;
}

/** A write that failed while staging, as the problem it is; any other error is a bug and is thrown again. */
export function stagingFailure(place: StagingPlace, error: unknown): BuildError {
  const failed = failedWriteOf(error);
  if (!failed) throw error;
  return writeFailure({ ...place, ...failed, outcome: 'nothing-published' });
}

/** Makes the folders of these outputs; a folder that cannot be made is returned as a problem. */
export function prepareOutputFolders(place: StagingPlace, paths: readonly string[]): BuildError[] {
  for (const folder of new Set(paths.map((path) => dirname(join(place.outDir, path))))) {
    try {
      onOutputFile(folder, () => mkdirSync(folder, { recursive: true }));
    } catch (error) {
      return [stagingFailure(place, error)];
    }
  }
  return [];
}

/**
 * The temporary siblings of a stream's files, written a chunk of each at a time and hashed as
 * they are written. `finish` closes them and stages them, or removes them again when the
 * problems hold an error; `abort` removes them. A system error is thrown naming the output.
 */
export class StagingFiles {
  private constructor(private readonly files: { path: string; target: string; temporary: string; descriptor: number; hash: ReturnType<typeof createHash> }[]) {}

  static open(outDir: string, paths: readonly string[]): StagingFiles {
    const staging = new StagingFiles(
      paths.map((path) => {
        const target = join(outDir, path);
        return { path, target, temporary: temporaryPathBeside(target), descriptor: -1, hash: createHash('sha256') };
      }),
    );
    try {
      for (const file of staging.files) file.descriptor = onOutputFile(file.target, () => openSync(file.temporary, 'w'));
    } catch (error) {
      staging.abort();
      throw error;
    }
    return staging;
  }

  /** One chunk for each file, in the order of the paths. */
  write(chunks: readonly string[]): void {
    chunks.forEach((chunk, index) => {
      const file = this.files[index]!;
      const bytes = Buffer.from(chunk, 'utf8');
      onOutputFile(file.target, () => writeSync(file.descriptor, bytes));
      file.hash.update(bytes);
    });
  }

  finish(errors: readonly BuildError[]): StagingResult {
    if (errors.some((error) => error.severity === 'error')) {
      this.abort();
      return { staged: [], errors };
    }
    try {
      // Not flushed here: the caller flushes what it may publish (flush-staged.ts), off the rendering thread.
      this.close();
    } catch (error) {
      this.abort();
      throw error;
    }
    return { staged: this.files.map(({ path, target, temporary, hash }) => ({ path, target, temporary, hash: hash.digest('hex') })), errors };
  }

  abort(): void {
    try {
      this.close();
    } catch {
      // A file that cannot be closed is removed all the same.
    }
    for (const file of this.files) rmSync(file.temporary, { force: true });
  }

  private close(): void {
    for (const file of this.files) {
      const { descriptor } = file;
      file.descriptor = -1;
      if (descriptor !== -1) onOutputFile(file.target, () => closeSync(descriptor));
    }
  }
}

/**
 * Writes every file to a temporary sibling, reading lazy bodies side by side (a chunk of
 * each in turn: the feeds of a language are made together). When writing fails (a full disk,
 * say: returned as a problem) the temporary files are removed again and nothing is staged.
 * Whether what was staged may be published is the caller's to decide, once every body is read.
 */
export function stageFiles(place: StagingPlace, outputs: readonly OutputFile[]): StagingResult {
  let files: StagingFiles;
  try {
    files = StagingFiles.open(place.outDir, outputs.map((output) => output.path));
  } catch (error) {
    return { staged: [], errors: [stagingFailure(place, error)] };
  }
  try {
    readSideBySide(outputs, (chunks) => files.write(chunks));
    return files.finish([]);
  } catch (error) {
    files.abort();
    return { staged: [], errors: [stagingFailure(place, error)] };
  }
}

/** Removes staged files: a problem elsewhere in the run means none of them may be published. */
export function discardStaged(staged: readonly StagedOutput[]): void {
  for (const file of staged) rmSync(file.temporary, { force: true });
}
