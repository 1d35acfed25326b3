// Pure (types): a file a build makes, relative to the output folder, with its body whole or made as it is read.

/**
 * A body made as it is read, a chunk at a time: a feed of every item of a large site is never one
 * string. It is read once; the bodies of one language's feeds are made together, so a writer reads
 * them side by side (a chunk of each in turn) to hold no more than a chunk of each.
 */
export type LazyBody = () => Iterable<string>;

/** A file's contents: the whole text, or a lazy sequence of chunks. */
export type OutputBody = string | LazyBody;

/** A file the build makes, relative to the output folder. */
export interface OutputFile {
  /** Relative to the output folder, with `/` separators. */
  readonly path: string;
  /** The file's text (UTF-8 when written): whole, or made a chunk at a time as it is read (see LazyBody). */
  readonly body: OutputBody;
}

/** A body as one string (a lazy body is read to its end). */
export function bodyText(body: OutputBody): string {
  return typeof body === 'string' ? body : [...body()].join('');
}

/**
 * Reads the bodies side by side, a chunk of each in turn, as the feeds of a language are made
 * (see LazyBody): `take` gets one chunk per file at each step ('' for a body already ended).
 */
export function readSideBySide(files: readonly OutputFile[], take: (chunks: readonly string[]) => void): void {
  const bodies = files.map((file) => (typeof file.body === 'string' ? [file.body] : file.body())[Symbol.iterator]());
  for (;;) {
    let open = 0;
    const chunks = bodies.map((body) => {
      const step = body.next();
      if (step.done) return '';
      open++;
      return step.value;
    });
    if (open === 0) return;
    take(chunks);
  }
}
