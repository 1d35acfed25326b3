// I/O: the library's writer: holds the output folder, stages every output, then publishes them all or none (see publish-files).
import type { OutputFile, OutputStream } from '../build.js';
import type { BuildError } from '../errors/build-error.js';
import { openOutputFolder } from './open-output-folder.js';
import { publishStaged, type WriteSummary } from './publish-staged.js';
import { discardStaged, prepareOutputFolders, stageStream, type StagedOutput } from './staging-files.js';

export type { WriteSummary } from './publish-staged.js';

/** How long the library waits for a build holding the same output folder. */
const LIBRARY_WAIT_MS = 60_000;

/**
 * Streams are staged first, every file of every stream in a temporary sibling, so that a
 * problem met while rendering (returned by a stream) or a failed write (returned as
 * OUTPUT_WRITE_FAILED) leaves every published file as it was. Then each staged file whose bytes
 * differ from the published one is renamed over it, all or none.
 */
export function writeOutputStreams(outDir: string, streams: readonly Pick<OutputStream, 'paths' | 'chunks'>[]): WriteSummary & { errors: readonly BuildError[] } {
  const place = { root: outDir, outDir };
  const opened = openOutputFolder({ ...place, waitMs: LIBRARY_WAIT_MS, onWait: () => {} });
  if ('errors' in opened) return { written: [], unchanged: [], errors: opened.errors };
  if (!('lock' in opened)) throw new Error(`Another build (process ${opened.heldBy}) is still writing ${outDir}.`);
  try {
    const errors: BuildError[] = [...prepareOutputFolders(place, streams.flatMap((stream) => stream.paths))];
    const staged: StagedOutput[] = [];
    for (const stream of streams) {
      if (errors.some((error) => error.code === 'OUTPUT_WRITE_FAILED')) break;
      const result = stageStream(place, stream);
      staged.push(...result.staged);
      errors.push(...result.errors);
    }
    if (errors.some((error) => error.severity === 'error')) {
      discardStaged(staged);
      return { written: [], unchanged: [], errors };
    }
    const published = publishStaged({ ...place, journalPath: opened.journalPath }, staged);
    return { ...published, errors: [...errors, ...published.errors] };
  } finally {
    opened.lock.release();
  }
}

/** Writes whole files, all or none; a failed write throws, naming the file and the system's reason. */
export function writeOutputs(outDir: string, files: readonly OutputFile[]): WriteSummary {
  const streams = files.map((file) => ({ paths: [file.path], chunks: function* () {
    yield [file.contents];
    return [] as BuildError[];
  } }));
  const { written, unchanged, errors } = writeOutputStreams(outDir, streams);
  const failed = errors.find((error) => error.code === 'OUTPUT_WRITE_FAILED');
  if (failed) throw new Error(`Could not write ${failed.file}: ${failed.message}`, { cause: failed });
  return { written, unchanged };
}
