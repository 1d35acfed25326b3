// Pure: one article file's text → Article (validated front matter and body), or every problem in it.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import { FrontMatterSchema } from '../model/article-schema.js';
import { splitArticleText } from './split-article-text.js';
import { isUpdateBeforeDate, validateFrontMatterFast } from './validate-front-matter-fast.js';
import { zodIssuesToErrors } from './zod-issues-to-errors.js';
import type { Article } from '../model/article.js';

export interface ArticleInput {
  readonly file: string;
  readonly key: string;
  readonly lang: string;
  /** Decoded, normalized text of the file. */
  readonly text: string;
}

export function validateArticle(input: ArticleInput): { value?: Article; errors: BuildError[] } {
  const { file } = input;
  const parts = splitArticleText(input.text, file);
  if (!parts.value) return { errors: parts.errors };
  const { yamlText, yamlStartLine, body, bodyStartLine, bodyErrors, bodyWarnings, emptyBody } = parts.value;

  // The fast path: most files are valid, and a valid file needs no positions.
  const valid = bodyErrors.length === 0 && !emptyBody ? validateFrontMatterFast(yamlText) : undefined;
  if (valid) return { value: { key: input.key, lang: input.lang, file, frontMatter: valid, body, bodyStartLine }, errors: bodyWarnings };

  const parsed = parseYamlWithPositions(yamlText, { file, firstLine: yamlStartLine });
  if (!parsed.value) return { errors: [...parsed.errors, ...bodyErrors] };
  const { data, positionOf } = parsed.value;

  if (data === null || data === undefined) {
    return {
      errors: [
        makeError('FRONT_MATTER_MISSING', { kind: 'empty' }, { file, line: 1, column: 1 }),
        ...bodyErrors,
      ],
    };
  }
  const result = FrontMatterSchema.safeParse(data);
  const errors: BuildError[] = result.success
    ? []
    : zodIssuesToErrors(result.error.issues, { file, positionOf, schema: FrontMatterSchema, subject: 'front matter' }, data);

  errors.push(...bodyErrors, ...bodyWarnings);
  if (emptyBody) {
    errors.push(makeError('EMPTY_BODY', {}, { file, line: bodyStartLine, column: 1 }));
  }
  if (result.success) {
    const { date, updated } = result.data;
    if (isUpdateBeforeDate(updated, date)) {
      errors.push(
        makeError('INVALID_DATE', { kind: 'updated-before-date', updated: updated.text, date: date.text }, { file, path: ['updated'], ...positionOf(['updated']) }),
      );
    }
  }
  if (errors.some((error) => error.severity === 'error') || !result.success) return { errors };
  return { value: { key: input.key, lang: input.lang, file, frontMatter: result.data, body, bodyStartLine }, errors };
}
