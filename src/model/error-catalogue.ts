// Every problem polyfeed reports, in one catalogue: each code's message and hint, made from the facts of
// one occurrence. Codes are permanent: add, never rename. The catalogue imports nothing else of src/.
import { hintOf, type CatalogueEntry } from './error-catalogue/catalogue-entry.js';
import { dateAndUrlErrors } from './error-catalogue/date-and-url-errors.js';
import { fieldErrors } from './error-catalogue/field-errors.js';
import { labelAndTemplateErrors } from './error-catalogue/label-and-template-errors.js';
import { outputAndCacheErrors } from './error-catalogue/output-and-cache-errors.js';
import { publishedIdErrors } from './error-catalogue/published-id-errors.js';
import { readingErrors } from './error-catalogue/reading-errors.js';
import { siteErrors } from './error-catalogue/site-errors.js';
import { textErrors } from './error-catalogue/text-errors.js';
import { websubErrors } from './error-catalogue/websub-errors.js';

/** The groups, in the order the codes are listed: a code belongs to exactly one. */
export const catalogueGroups = [readingErrors, textErrors, fieldErrors, dateAndUrlErrors, siteErrors, labelAndTemplateErrors, outputAndCacheErrors, publishedIdErrors, websubErrors] as const;

const catalogue = {
  ...readingErrors,
  ...textErrors,
  ...fieldErrors,
  ...dateAndUrlErrors,
  ...siteErrors,
  ...labelAndTemplateErrors,
  ...outputAndCacheErrors,
  ...publishedIdErrors,
  ...websubErrors,
};

/** Every code polyfeed can report. */
export type ErrorCode = keyof typeof catalogue;

/** What a code's message and hint are made from, e.g. `{ reason, article }`; `{}` for a code that needs nothing. */
export type MessageParams<C extends ErrorCode> = C extends ErrorCode ? ((typeof catalogue)[C] extends CatalogueEntry<infer P> ? P : never) : never;

/** A code with the facts of one occurrence: a problem found in one place and reported in another. */
export type CodedProblem<C extends ErrorCode = ErrorCode> = C extends ErrorCode ? { readonly code: C; readonly params: MessageParams<C> } : never;

function entryOf<C extends ErrorCode>(code: C): CatalogueEntry<MessageParams<C>> {
  return catalogue[code] as unknown as CatalogueEntry<MessageParams<C>>;
}

/** What happened, for one occurrence of `code`. */
export function errorMessage<C extends ErrorCode>(code: C, params: MessageParams<C>): string {
  return entryOf(code).message(params);
}

/** What to do about it, for one occurrence of `code`. */
export function errorHint<C extends ErrorCode>(code: C, params: MessageParams<C>): string {
  return hintOf(entryOf(code), params);
}

/** All codes, for documentation and tests. */
export const errorCodes = Object.keys(catalogue) as ErrorCode[];

export type { FieldName } from './error-catalogue/wording.js';
export type { EntryType, NonRegularEntry } from './error-catalogue/reading-errors.js';
export type { UnsafeOutputFolder } from './error-catalogue/output-and-cache-errors.js';
