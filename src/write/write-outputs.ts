// I/O: writes output files atomically (temporary sibling, then rename) and leaves unchanged files untouched.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile, OutputStream } from '../build.js';
import type { BuildError } from '../errors/build-error.js';
import { openForReading } from '../load/read-file-with-stat.js';

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

function hashOfFile(path: string): string | undefined {
  const descriptor = openForReading(path);
  if (descriptor === undefined) return undefined;
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) hash.update(buffer.subarray(0, read));
    return hash.digest('hex');
  } finally {
    closeSync(descriptor);
  }
}

/** A feed file written in full beside its target, not yet published. */
export interface StagedOutput {
  /** Relative to the output folder. */
  readonly path: string;
  readonly target: string;
  readonly temporary: string;
  /** sha256 of the staged bytes, hex. */
  readonly hash: string;
}

/** Removes temporary files a killed build left in the folders of these outputs; call it holding the output lock. */
export function prepareOutputFolders(outDir: string, paths: readonly string[]): void {
  for (const folder of new Set(paths.map((path) => dirname(join(outDir, path))))) {
    mkdirSync(folder, { recursive: true });
    removeLeftoverTemporaryFiles(folder);
  }
}

/**
 * The temporary siblings of a stream's files, written a chunk of each at a time and hashed as
 * they are written. `finish` flushes them and stages them, or removes them again when the
 * problems hold an error; `abort` removes them.
 */
export class StagingFiles {
  private constructor(private readonly files: { path: string; target: string; temporary: string; descriptor: number; hash: ReturnType<typeof createHash> }[]) {}

  static open(outDir: string, paths: readonly string[]): StagingFiles {
    const staging = new StagingFiles(
      paths.map((path) => {
        const target = join(outDir, path);
        const temporary = join(dirname(target), `.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
        return { path, target, temporary, descriptor: -1, hash: createHash('sha256') };
      }),
    );
    try {
      for (const file of staging.files) file.descriptor = openSync(file.temporary, 'w');
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
      writeSync(file.descriptor, bytes);
      file.hash.update(bytes);
    });
  }

  finish(errors: readonly BuildError[]): { staged: StagedOutput[]; errors: readonly BuildError[] } {
    if (errors.some((error) => error.severity === 'error')) {
      this.abort();
      return { staged: [], errors };
    }
    try {
      for (const file of this.files) fsyncSync(file.descriptor);
    } catch (error) {
      this.abort();
      throw error;
    }
    this.close();
    return { staged: this.files.map(({ path, target, temporary, hash }) => ({ path, target, temporary, hash: hash.digest('hex') })), errors };
  }

  abort(): void {
    this.close();
    for (const file of this.files) rmSync(file.temporary, { force: true });
  }

  private close(): void {
    for (const file of this.files) {
      if (file.descriptor !== -1) closeSync(file.descriptor);
      file.descriptor = -1;
    }
  }
}

/**
 * Writes every file of a stream to a temporary sibling, flushed. With any error among the
 * problems the stream returns (or if writing fails), its temporary files are removed again and
 * nothing is staged.
 */
export function stageStream(outDir: string, stream: Pick<OutputStream, 'paths' | 'chunks'>): { staged: StagedOutput[]; errors: readonly BuildError[] } {
  const files = StagingFiles.open(outDir, stream.paths);
  try {
    const chunks = stream.chunks();
    for (let step = chunks.next(); ; step = chunks.next()) {
      if (step.done) return files.finish(step.value);
      files.write(step.value);
    }
  } catch (error) {
    files.abort();
    throw error;
  }
}

/** Removes staged files: a problem elsewhere in the run means none of them may be published. */
export function discardStaged(staged: readonly StagedOutput[]): void {
  for (const file of staged) rmSync(file.temporary, { force: true });
}

/** Renames each staged file whose bytes differ from the published one over it; drops the others. */
export function publishStaged(staged: readonly StagedOutput[]): WriteSummary {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of staged) {
    if (file.hash === hashOfFile(file.target)) {
      rmSync(file.temporary, { force: true });
      unchanged.push(file.path);
    } else {
      renameSync(file.temporary, file.target);
      written.push(file.path);
    }
  }
  return { written, unchanged };
}

/**
 * Streams are staged first, every file of every stream in a temporary sibling, so that a
 * problem met while rendering (returned by a stream) leaves every published file as it was. Then
 * each staged file whose bytes differ from the published one is renamed over it.
 */
export function writeOutputStreams(outDir: string, streams: readonly OutputStream[]): WriteSummary & { errors: readonly BuildError[] } {
  prepareOutputFolders(outDir, streams.flatMap((stream) => stream.paths));
  const staged: StagedOutput[] = [];
  const errors: BuildError[] = [];
  try {
    for (const stream of streams) {
      const result = stageStream(outDir, stream);
      staged.push(...result.staged);
      errors.push(...result.errors);
    }
  } catch (error) {
    discardStaged(staged);
    throw error;
  }
  if (errors.some((error) => error.severity === 'error')) {
    discardStaged(staged);
    return { written: [], unchanged: [], errors };
  }
  return { ...publishStaged(staged), errors };
}
