// Pure: zod schemas shared by the article and the config schemas.
import { z } from 'zod';
import { firstControlCharacter } from './find-control-characters.js';
import { addProblem } from './schema-problem.js';
import { urlSchema } from './url-rule.js';

/** Text that must hold something other than white space, and no control character (written raw or as a YAML escape). */
export const NonEmptyTextSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((text, context) => {
    const character = firstControlCharacter(text);
    if (character !== undefined) addProblem(context, { code: 'CONTROL_CHARACTER', params: { kind: 'in-field', character } });
  });

/** An absolute http(s) URL (the shared URL rule, url-rule.ts). */
export const AbsoluteUrlSchema = urlSchema('absolute');

/** An absolute http(s) URL or a reference resolved against the site (the shared URL rule, url-rule.ts). */
export const UrlReferenceSchema = urlSchema('reference');

export const AuthorObjectSchema = z.strictObject({
  name: NonEmptyTextSchema.describe('Display name.'),
  url: AbsoluteUrlSchema.optional().describe('Author page.'),
  email: z.email().optional().describe('Contact address; RSS shows it as the item author.'),
});

/** A name, or an object with name, url and email; always an object after parsing. */
export const AuthorSchema = z.union([NonEmptyTextSchema.transform((name) => ({ name })), AuthorObjectSchema]);

export type Author = z.output<typeof AuthorObjectSchema>;
