// Pure: one article file's bytes → the validated article, or every problem in it, each at its line.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { decodeText } from '../load/decode-text.js';
import { articleUrl } from '../urls/article-url.js';
import { checkArticleImages } from './check-article-images.js';
import type { SiteConfig } from '../model/config-schema.js';
import { locateFieldsIn } from './locate-field.js';
import { parseArticlePath } from './parse-article-path.js';
import { validateArticle } from './validate-article.js';
import { type Article } from '../model/article.js';
import { locateSourcePath } from './locate-source-path.js';
import { validateForeignArticle } from './validate-foreign-article.js';
import { translationSourceProblem } from './translation-source-rule.js';

export interface ArticleFileInput {
  /** Site-relative path: `articles/<key>/<lang>.md`. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly config: SiteConfig;
  /** Sizes of the files under static/, keyed by their path below it. */
  readonly staticFiles: ReadonlyMap<string, number>;
}

/** The largest article file, in bytes, that is validated (FILE_TOO_LARGE past it). */
export function maxArticleBytes(config: Pick<SiteConfig, 'maxFileSizeKb'>): number {
  return config.maxFileSizeKb * 1024;
}

/**
 * Everything that can be known of one file on its own: its place, size, encoding, front matter,
 * body and images. Problems about a field found after parsing (a missing image) get the field's
 * position here, while the text is at hand.
 */
export function validateArticleFile({ path, bytes, config, staticFiles }: ArticleFileInput): { article?: Article; problems: BuildError[] } {
  const foreign = config.content.layout === 'polyfeed' ? undefined : locateSourcePath(path, config);
  const location = foreign ?? parseArticlePath(path);
  if (!location.value) return { problems: location.errors };
  const { key, lang } = location.value;
  if (!config.languages.includes(lang)) {
    return {
      problems: [makeError('LANGUAGE_NOT_CONFIGURED', { lang, languages: config.languages }, { file: path })],
    };
  }
  if (bytes.length > maxArticleBytes(config)) {
    return {
      problems: [makeError('FILE_TOO_LARGE', { bytes: bytes.length, limitKiB: config.maxFileSizeKb }, { file: path })],
    };
  }
  const decoded = decodeText({ path, bytes });
  if (decoded.value === undefined) return { problems: decoded.errors };
  const text = decoded.value;
  const input = { file: path, key, lang, text };
  const validated = foreign?.value
    ? validateForeignArticle(input, { content: config.content, timezone: config.timezone, sourcePath: foreign.value.sourcePath })
    : validateArticle(input);
  const problems = [...decoded.errors, ...validated.errors];
  if (!validated.value) return { problems };
  const sourceProblem = translationSourceProblem(validated.value.frontMatter, lang, config.languages);
  if (sourceProblem) return { problems: [...problems, ...locateFieldsIn([{ ...sourceProblem, file: path }], text)] };
  const bases = { siteUrl: config.baseUrl, pageUrl: articleUrl(config, key, lang, validated.value.frontMatter.slug) };
  const imageProblems = checkArticleImages({ article: validated.value, bases, staticFiles, config });
  if (imageProblems.length === 0) return { article: validated.value, problems };
  problems.push(...locateFieldsIn(imageProblems, text));
  // Still returned: the other checks across articles (duplicate ids) go on with it.
  return { article: validated.value, problems };
}
