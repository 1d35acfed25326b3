// Pure: the text of an article file written for another generator → Article (its front matter read in polyfeed's names), or every problem in it, at the field as written.
import type { z } from 'zod';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { parseYamlFast } from '../load/parse-yaml-fast.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import { FrontMatterSchema } from '../model/article-schema.js';
import type { Article } from '../model/article.js';
import { splitArticleText } from './split-article-text.js';
import { mapForeignFrontMatter, type ForeignFrontMatterRules } from './map-foreign-front-matter.js';
import type { ArticleInput } from './validate-article.js';
import { isUpdateBeforeDate } from './validate-front-matter-fast.js';
import { zodIssuesToErrors } from './zod-issues-to-errors.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Front matter between "+++" lines is Hugo's TOML. */
const TOML_FENCE = /^\+\+\+[ \t]*(\n|$)/;

/**
 * The same checks as validateArticle, with one step between parsing and the schema: the fields
 * are read in polyfeed's names (mapForeignFrontMatter), and each problem is turned back to the
 * field as the file writes it, so it points at `pubDate`, not at `date`. Fields polyfeed does not
 * use are no problem here (a Hugo `layout:` is the generator's business).
 */
export function validateForeignArticle(input: ArticleInput, rules: ForeignFrontMatterRules): { value?: Article; errors: BuildError[] } {
  const { file } = input;
  if (TOML_FENCE.test(input.text)) return { errors: [makeError('FRONT_MATTER_MISSING', { kind: 'toml' }, { file, line: 1, column: 1 })] };
  const parts = splitArticleText(input.text, file);
  if (!parts.value) return { errors: parts.errors };
  const { yamlText, yamlStartLine, body, bodyStartLine, bodyErrors, bodyWarnings, emptyBody } = parts.value;
  const article = (frontMatter: Article['frontMatter']): Article => ({ key: input.key, lang: input.lang, file, frontMatter, body, bodyStartLine });

  // Quick way first: a valid file needs no positions.
  const quick = bodyErrors.length === 0 && !emptyBody ? parseYamlFast(yamlText) : undefined;
  if (quick && isRecord(quick.data)) {
    const mapped = mapForeignFrontMatter(quick.data, rules);
    const result = mapped.problems.length === 0 ? FrontMatterSchema.safeParse(mapped.data) : undefined;
    if (result?.success && !isUpdateBeforeDate(result.data.updated, result.data.date)) return { value: article(result.data), errors: bodyWarnings };
  }

  const parsed = parseYamlWithPositions(yamlText, { file, firstLine: yamlStartLine });
  if (!parsed.value) return { errors: [...parsed.errors, ...bodyErrors] };
  const { data, positionOf } = parsed.value;
  if (data === null || data === undefined) {
    return { errors: [makeError('FRONT_MATTER_MISSING', { kind: 'empty' }, { file, line: 1, column: 1 }), ...bodyErrors] };
  }
  const source = isRecord(data) ? data : {};
  const mapped = mapForeignFrontMatter(source, rules);
  // Jekyll dates a draft when it is built; polyfeed cannot, so an undated draft is left out (not an error: Jekyll needs none).
  if (rules.sourcePath.draft && mapped.data.date === undefined && mapped.problems.length === 0) return { errors: [] };
  const errors: BuildError[] = mapped.problems.map((problem) => ({ ...problem, file, ...positionOf(problem.path) }));
  // A date already reported as unreadable is not reported again as missing.
  const unreadable = new Set(mapped.problems.map((problem) => String(problem.path[0])));
  const result = FrontMatterSchema.safeParse(isRecord(data) ? mapped.data : data);
  if (!result.success) {
    const issues = result.error.issues
      .filter((issue) => !unreadable.has(String(mapped.sourcePathOf(issue.path.filter(notSymbol))[0])))
      .map((issue) => ({ ...issue, path: [...mapped.sourcePathOf(issue.path.filter(notSymbol))] }) as z.core.$ZodIssue);
    errors.push(...zodIssuesToErrors(issues, { file, positionOf, schema: FrontMatterSchema, subject: 'front matter' }, source));
  }
  errors.push(...bodyErrors, ...bodyWarnings);
  if (emptyBody) errors.push(makeError('EMPTY_BODY', {}, { file, line: bodyStartLine, column: 1 }));
  if (result.success && isUpdateBeforeDate(result.data.updated, result.data.date)) {
    const { updated, date } = result.data;
    const path = mapped.sourcePathOf(['updated']);
    errors.push(makeError('INVALID_DATE', { kind: 'updated-before-date', updated: updated.text, date: date.text }, { file, path, ...positionOf(path) }));
  }
  if (errors.some((error) => error.severity === 'error') || !result.success) return { errors };
  return { value: article(result.data), errors };
}

function notSymbol(segment: PropertyKey): segment is string | number {
  return typeof segment !== 'symbol';
}

