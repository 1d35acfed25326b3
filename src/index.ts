// The public API: re-exports only.
export { build, check, type BuildOptions, type BuildResult, type OutputFile, type OutputStream } from './build.js';
export { collectOutputFiles } from './collect-output-files.js';
export type { BuildError, FieldPath, Severity } from './errors/build-error.js';
export { errorCodes, type ErrorCode } from './errors/error-catalogue.js';
export { formatError, formatErrorReport, formatSummary } from './errors/format-error.js';
export { readSources, type SiteSources, type SourceFile } from './load/read-sources.js';
export type { SiteConfig, FeedFormat } from './validate/config-schema.js';
export type { FrontMatter } from './validate/article-schema.js';
export { writeOutputs, writeOutputStreams, type WriteSummary } from './write/write-outputs.js';
