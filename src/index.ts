// The public API: re-exports only.
export { build, check, type BuildOptions, type BuildResult, type CheckResult } from './run/build-site.js';
export { bodyText, type LazyBody, type OutputBody, type OutputFile } from './model/output-file.js';
export type { BuildError, FieldPath, Severity } from './model/build-error.js';
export { errorCodes, type ErrorCode } from './model/error-catalogue.js';
export { formatError, formatErrorReport, formatSummary } from './report/format-error.js';
export { readSources, type ReadArticleBytes, type SettingSources, type SiteSources, type SourceFile } from './load/read-sources.js';
export type { SiteConfig, FeedFormat } from './model/config-schema.js';
export type { FrontMatter } from './model/article-schema.js';
export { writeOutputs, type WriteOutputsOptions, type WriteSummary } from './write/write-outputs.js';
