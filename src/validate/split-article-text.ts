// Pure: an article file's text → its front matter's YAML and its body, with what the body rules find in the body.
import type { BuildError } from '../model/build-error.js';
import { splitFrontMatter } from '../load/split-front-matter.js';
import { BODY_RULES } from './body-rules.js';
import { isEmptyBody } from './is-empty-body.js';

/** The two parts of an article file, and the body's problems, sorted by weight. */
export interface ArticleParts {
  readonly yamlText: string;
  readonly yamlStartLine: number;
  readonly body: string;
  readonly bodyStartLine: number;
  readonly bodyErrors: BuildError[];
  readonly bodyWarnings: BuildError[];
  readonly emptyBody: boolean;
}

/** The first steps of every article's validation, whatever names its front matter uses. */
export function splitArticleText(text: string, file: string): { value?: ArticleParts; errors: BuildError[] } {
  const split = splitFrontMatter(text, file);
  if (!split.value) return { errors: split.errors };
  const { yamlText, yamlStartLine, body, bodyStartLine } = split.value;
  const bodyProblems = BODY_RULES.flatMap((rule) => rule.find(body, file, bodyStartLine));
  return {
    value: {
      yamlText,
      yamlStartLine,
      body,
      bodyStartLine,
      bodyErrors: bodyProblems.filter((problem) => problem.severity === 'error'),
      bodyWarnings: bodyProblems.filter((problem) => problem.severity !== 'error'),
      emptyBody: isEmptyBody(body),
    },
    errors: [],
  };
}
