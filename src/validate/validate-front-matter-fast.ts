// Pure: front-matter YAML text → the validated front matter, quickly and without positions; undefined when anything needs reporting.
import { parseYamlFast } from '../load/parse-yaml-fast.js';
import { FrontMatterSchema, type FrontMatter } from '../model/article-schema.js';
import type { ArticleDate } from '../model/iso-date-time.js';

/** The rule across fields that the schema does not hold (INVALID_DATE at `updated`): an update comes after first publication. */
export function isUpdateBeforeDate(updated: ArticleDate | undefined, date: ArticleDate): updated is ArticleDate {
  return updated !== undefined && updated.epochMs < date.epochMs;
}

/**
 * Valid front matter needs no positions: parsed with js-yaml and held to the schema and the rule
 * above, it is all a valid file needs. Anything else is undefined, and the careful parser
 * (parseYamlWithPositions, then zodIssuesToErrors) finds and places every problem.
 */
export function validateFrontMatterFast(yamlText: string): FrontMatter | undefined {
  const parsed = parseYamlFast(yamlText);
  if (parsed === undefined || parsed.data === null || typeof parsed.data !== 'object') return undefined;
  const result = FrontMatterSchema.safeParse(parsed.data);
  return result.success && !isUpdateBeforeDate(result.data.updated, result.data.date) ? result.data : undefined;
}
