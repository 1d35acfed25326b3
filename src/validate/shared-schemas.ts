// Pure: zod schemas shared by the article and the config schemas.
import { z } from 'zod';

// C0 controls but tab, LF and CR; DEL and C1 controls; the non-characters U+FFFE and U+FFFF.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** Text that must hold something other than white space, and no control character (written raw or as a YAML escape). */
export const NonEmptyTextSchema = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !CONTROL_CHARACTER.test(text), {
    error: (issue) => {
      const character = CONTROL_CHARACTER.exec(String(issue.input))?.[0] ?? '';
      return `The text holds the control character U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}, which no feed can carry.`;
    },
    params: { polyfeedCode: 'CONTROL_CHARACTER' },
  });

/** An absolute http(s) URL. */
export const AbsoluteUrlSchema = z.url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL.' });

/** An absolute URL or a path on the site; resolved against the base URL later. */
export const UrlReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !/^(javascript|data|vbscript):/i.test(text) && !/[\s<>"]/.test(text), {
    error: 'Expected a URL or a site path without spaces, quotes or angle brackets.',
    params: { polyfeedCode: 'INVALID_URL' },
  });

export const AuthorObjectSchema = z.strictObject({
  name: NonEmptyTextSchema.describe('Display name.'),
  url: AbsoluteUrlSchema.optional().describe('Author page.'),
  email: z.email().optional().describe('Contact address; RSS shows it as the item author.'),
});

/** A name, or an object with name, url and email; always an object after parsing. */
export const AuthorSchema = z.union([NonEmptyTextSchema.transform((name) => ({ name })), AuthorObjectSchema]);

export type Author = z.output<typeof AuthorObjectSchema>;
