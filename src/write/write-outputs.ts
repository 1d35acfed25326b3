// I/O: writes output files atomically (temporary sibling, then rename) and leaves unchanged files untouched.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile, OutputStream } from '../build.js';
import type { BuildError } from '../errors/build-error.js';

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
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) hash.update(buffer.subarray(0, read));
    return hash.digest('hex');
  } finally {
    closeSync(descriptor);
  }
}

interface StagedFile {
  readonly path: string;
  readonly target: string;
  readonly temporary: string;
  readonly descriptor: number;
  readonly hash: Hash;
}

/**
 * Streams are staged first, every file of every stream in a temporary sibling, so that a
 * problem met while rendering (returned by a stream) leaves every published file as it was. Then
 * each staged file whose bytes differ from the published one is renamed over it.
 */
export function writeOutputStreams(outDir: string, streams: readonly OutputStream[]): WriteSummary & { errors: readonly BuildError[] } {
  const staged: StagedFile[] = [];
  const errors: BuildError[] = [];
  let completed = false;
  const folders = new Set(streams.flatMap((stream) => stream.paths.map((path) => dirname(join(outDir, path)))));
  for (const folder of folders) removeLeftoverTemporaryFiles(folder);
  try {
    for (const stream of streams) {
      const files = stream.paths.map((path) => {
        const target = join(outDir, path);
        mkdirSync(dirname(target), { recursive: true });
        const temporary = join(dirname(target), `.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
        const file = { path, target, temporary, descriptor: openSync(temporary, 'w'), hash: createHash('sha256') };
        staged.push(file);
        return file;
      });
      const chunks = stream.chunks();
      for (let step = chunks.next(); ; step = chunks.next()) {
        if (step.done) {
          errors.push(...step.value);
          break;
        }
        step.value.forEach((chunk, index) => {
          const bytes = Buffer.from(chunk, 'utf8');
          writeSync(files[index]!.descriptor, bytes);
          files[index]!.hash.update(bytes);
        });
      }
    }
    for (const file of staged) fsyncSync(file.descriptor);
    completed = true;
  } finally {
    for (const file of staged) closeSync(file.descriptor);
    const failed = !completed || errors.some((error) => error.severity === 'error');
    if (failed) for (const file of staged) rmSync(file.temporary, { force: true });
  }
  if (errors.some((error) => error.severity === 'error')) return { written: [], unchanged: [], errors };
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of staged) {
    if (file.hash.digest('hex') === hashOfFile(file.target)) {
      rmSync(file.temporary, { force: true });
      unchanged.push(file.path);
    } else {
      renameSync(file.temporary, file.target);
      written.push(file.path);
    }
  }
  return { written, unchanged, errors };
}
