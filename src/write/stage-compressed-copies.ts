// I/O: staged feed files → their gzip and brotli copies staged beside their targets (temporary, flushed), compressed as streams from the staged bytes.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { COMPRESSED_SUFFIXES, precompressEncodingsOf, type PrecompressEncoding } from '../model/precompress.js';
import { temporaryPathBeside } from './polyfeed-names.js';
import { stagingFailure, type StagedOutput, type StagingPlace, type StagingResult } from './staging-files.js';
import { onOutputFile } from './write-failure.js';

/** gzip's strongest level: a copy is made once per change of its feed and served many times. */
const GZIP_LEVEL = 9;

/**
 * Brotli quality 9, not 11: a copy is made again at every change of its feed (each new article),
 * and on a 300 KB feed quality 11 takes about 700 ms where 9 takes 65 ms, for a copy 10 % smaller
 * (measured on the bench site's feeds; README, "Static hosts"). 9 is still 9 % smaller than gzip 9.
 */
const BROTLI_QUALITY = 9;

/**
 * The byte of a gzip header that names the operating system (RFC 1952, 2.3.1): zlib writes the
 * one it was built for. It is set to 255, "unknown", so a copy is the same bytes on every system;
 * the header's time stays 0 and no file name is written.
 */
const GZIP_OS_OFFSET = 9;
const GZIP_OS_UNKNOWN = 255;

/** Streams per copy kept in flight: zlib compresses on libuv's thread pool, four threads by default. */
const COPIES_AT_ONCE = 4;

/** The compressor of one encoding, with fixed settings: the same input gives the same bytes, run after run. */
function compressorOf(encoding: PrecompressEncoding, sizeBytes: number): Transform[] {
  if (encoding === 'gzip') {
    let first = true;
    const fixHeader = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (first && chunk.length > GZIP_OS_OFFSET) {
          first = false;
          chunk[GZIP_OS_OFFSET] = GZIP_OS_UNKNOWN;
        }
        done(null, chunk);
      },
    });
    return [createGzip({ level: GZIP_LEVEL }), fixHeader];
  }
  return [
    createBrotliCompress({
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: sizeBytes },
    }),
  ];
}

const flushDescriptor = promisify(fsync);

/** One copy to make: from the staged file of `source`, in `encoding`. */
interface CopyJob {
  readonly source: StagedOutput;
  readonly encoding: PrecompressEncoding;
}

/** Compresses the staged file into a temporary sibling of the copy's target, hashing and flushing it. */
async function stageCopy({ source, encoding }: CopyJob): Promise<StagedOutput> {
  const suffix = COMPRESSED_SUFFIXES[encoding];
  const target = `${source.target}${suffix}`;
  const temporary = temporaryPathBeside(target);
  const hash = createHash('sha256');
  const descriptor = onOutputFile(target, () => openSync(temporary, 'w'));
  let closed = false;
  try {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          onOutputFile(target, () => writeSync(descriptor, chunk));
          hash.update(chunk);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });
    const sizeBytes = statSync(source.temporary).size;
    await pipeline([createReadStream(source.temporary), ...compressorOf(encoding, sizeBytes), sink]);
    // Flushed on the thread pool, as the feed files are (flush-staged.ts): the bytes reach the disk before the copy may be published.
    try {
      await flushDescriptor(descriptor);
    } catch (error) {
      // Named by the copy, as a failed write is.
      onOutputFile(target, () => {
        throw error;
      });
    }
    closed = true;
    onOutputFile(target, () => closeSync(descriptor));
    return { path: `${source.path}${suffix}`, target, temporary, hash: hash.digest('hex') };
  } catch (error) {
    if (!closed) {
      try {
        closeSync(descriptor);
      } catch {
        // Removed all the same.
      }
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Stages the compressed copies `encodings` asks for of each staged feed file, made from its staged
 * bytes (so a feed written in parts is compressed as a stream, never held whole). A write that
 * fails (a full disk, say) removes every copy staged and is returned as the problem; the feed
 * files themselves stay staged, for the caller to discard.
 */
export async function stageCompressedCopies(place: StagingPlace, staged: readonly StagedOutput[], encodings: readonly PrecompressEncoding[]): Promise<StagingResult> {
  const jobs: CopyJob[] = staged.flatMap((source) => precompressEncodingsOf(encodings).map((encoding) => ({ source, encoding })));
  const copies: StagedOutput[] = [];
  let next = 0;
  let failure: unknown;
  const runner = async (): Promise<void> => {
    while (failure === undefined && next < jobs.length) {
      const position = next++;
      try {
        copies[position] = await stageCopy(jobs[position]!);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(COPIES_AT_ONCE, jobs.length) }, runner));
  if (failure === undefined) return { staged: copies, errors: [] };
  for (const copy of copies) if (copy) rmSync(copy.temporary, { force: true });
  return { staged: [], errors: [stagingFailure(place, failure)] };
}
