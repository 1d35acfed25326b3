// Pure: the encodings of the `precompress` setting (gzip and brotli copies of each feed file, for static hosts) and the names of those copies.
// No schema here: the CLI's no-op check names copies before any parser or schema is loaded (its schema is in config-schema.ts).

/** The encodings a static host can serve a precompressed copy in. */
export const PRECOMPRESS_ENCODINGS = ['gzip', 'brotli'] as const;

/** An encoding a static host can serve a precompressed copy in. */
export type PrecompressEncoding = (typeof PRECOMPRESS_ENCODINGS)[number];

/** The file name ending of each encoding's copy: what nginx's gzip_static and brotli_static look for beside the file. */
export const COMPRESSED_SUFFIXES: Readonly<Record<PrecompressEncoding, string>> = { gzip: '.gz', brotli: '.br' };

/** Copies are always listed gzip first, then brotli, whatever order the setting names them in (and each once). */
const ENCODING_ORDER: readonly PrecompressEncoding[] = PRECOMPRESS_ENCODINGS;

/** The encodings of the setting, in a fixed order, each once. */
export function precompressEncodingsOf(setting: readonly PrecompressEncoding[]): PrecompressEncoding[] {
  return ENCODING_ORDER.filter((encoding) => setting.includes(encoding));
}

/** The compressed copies of the output at `path`, beside it: `rss.xml.gz`, `rss.xml.br`. */
export function compressedPathsOf(path: string, setting: readonly PrecompressEncoding[]): string[] {
  return precompressEncodingsOf(setting).map((encoding) => `${path}${COMPRESSED_SUFFIXES[encoding]}`);
}

/** Whether an output path is a compressed copy of another output (a feed file is never named so). */
export function isCompressedCopy(path: string): boolean {
  return Object.values(COMPRESSED_SUFFIXES).some((suffix) => path.endsWith(suffix));
}
