// Pure: the zod schema of an article's front matter, the single source of its field list.
import { z } from 'zod';
import { explainInvalidDateTime, parseArticleDate } from './iso-date-time.js';
import { AuthorSchema, NonEmptyTextSchema, UrlReferenceSchema } from './shared-schemas.js';
import { addProblem } from './schema-problem.js';
import { addUrlIssue, itemIdProblem } from './url-rule.js';
import { slugProblem } from './slug-rule.js';

/** An ISO 8601 date-time with an offset, parsed into an ArticleDate. */
export const DateTimeSchema = z.string().transform((text, context) => {
  // Checked and parsed in one step: there are two dates in each of tens of thousands of files.
  const problem = explainInvalidDateTime(text);
  if (!problem) return parseArticleDate(text);
  addProblem(context, { code: 'INVALID_DATE', params: problem });
  return z.NEVER;
});

export const ImageSchema = z
  .strictObject({
    src: UrlReferenceSchema.describe('Image address: absolute URL, or a path on the site (`/media/photo.jpg`).'),
    alt: NonEmptyTextSchema.describe('Text alternative describing the picture (required).'),
    caption: NonEmptyTextSchema.optional().describe('Caption shown under the picture.'),
    credit: NonEmptyTextSchema.optional().describe('Who took or owns the picture, e.g. `Getty Images`.'),
  })
  .describe('The article\'s main picture.');

const VideoIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]+$/, { error: 'A video id holds letters, digits, "-" and "_" only.' });

export const VideoSchema = z
  .discriminatedUnion('provider', [
    z.strictObject({
      provider: z.literal('brightcove'),
      account: z.string().regex(/^\d+$/, { error: 'A Brightcove account id is a number; quote it in YAML.' }),
      player: VideoIdSchema.default('default'),
      id: VideoIdSchema,
      title: NonEmptyTextSchema.optional(),
    }),
    z.strictObject({ provider: z.literal('youtube'), id: VideoIdSchema, title: NonEmptyTextSchema.optional() }),
    z.strictObject({ provider: z.literal('vimeo'), id: z.string().regex(/^\d+$/), title: NonEmptyTextSchema.optional() }),
  ])
  .describe('An embedded video: `provider` (brightcove, youtube, vimeo), `id`, and for Brightcove `account` and `player`.');

/** Every front-matter field. Unknown keys are errors, so a typo never passes silently. */
export const FrontMatterSchema = z.strictObject({
  title: NonEmptyTextSchema.describe('Headline of this language version.'),
  date: DateTimeSchema.describe('First publication, ISO 8601 with offset: `2025-03-14T09:30:00+01:00`. A date after now schedules the version: it is published by the first build after it.'),
  updated: DateTimeSchema.optional().describe('Last significant change, same format as `date`; not before `date`. After now, the item keeps its `date` until then.'),
  summary: NonEmptyTextSchema.optional().describe('One or two plain-text sentences; the feeds\' item summary.'),
  authors: z
    .array(AuthorSchema)
    .min(1)
    .optional()
    .describe('Names, or objects with `name`, `url`, `email`. Defaults to the config\'s `authors`.'),
  tags: z.array(NonEmptyTextSchema).optional().describe('Topics, in the language of the file; become feed categories.'),
  dateline: NonEmptyTextSchema.optional().describe('Where the story was filed, e.g. `Hanoi`; shown with the byline.'),
  image: ImageSchema.optional().describe('Main picture: `src` (URL or site path) and `alt` required; `caption`, `credit`.'),
  video: VideoSchema.optional().describe('Video embed: `provider` (`brightcove`, `youtube`, `vimeo`) and `id`; Brightcove also `account`, `player`.'),
  id: z
    .string()
    .superRefine((id, context) => addUrlIssue(itemIdProblem(id), context))
    .optional()
    .describe('Explicit item id: an http(s) URL, a `tag:` URI or a `urn:`. Pins the id when the folder is renamed or the site moves.'),
  slug: z
    .string()
    .trim()
    .min(1)
    .superRefine((slug, context) => {
      const problem = slugProblem(slug);
      if (problem) addProblem(context, problem);
    })
    .optional()
    .describe('The last part of this version\'s URL, the `{slug}` of the `permalink` pattern (default: the folder name; another generator\'s `slug` or `permalink` is read into it). One path segment: letters of any script, digits, `-`, `_`, `.`, `~`.'),
  translationOf: NonEmptyTextSchema.optional().describe('The language this version was translated from, one of the config\'s `languages` but its own (default: the default language). `polyfeed coverage` calls the version outdated when that version was updated after it.'),
  draft: z.boolean().optional().describe('`true` keeps this version out of every feed (but a `--drafts` preview build).'),
});

/** Front matter as validated: dates parsed, authors normalized to objects. */
export type FrontMatter = z.output<typeof FrontMatterSchema>;
