// Pure: the zod schema of the config's `content` setting: where the articles are and which generator's layout they follow.
import { z } from 'zod';
import { addProblem } from './schema-problem.js';

/** The source layouts polyfeed reads: its own, or another generator's. */
export const SOURCE_LAYOUTS = ['polyfeed', 'hugo', 'jekyll', 'eleventy', 'astro', 'docusaurus'] as const;

export const SourceLayoutSchema = z.enum(SOURCE_LAYOUTS);

/** How the articles of a site are laid out. */
export type SourceLayout = z.infer<typeof SourceLayoutSchema>;

/** Front-matter fields a `fields` mapping may fill (polyfeed's names). */
export const MAPPABLE_FIELDS = ['title', 'date', 'updated', 'summary', 'authors', 'tags', 'image', 'slug', 'draft', 'id', 'dateline'] as const;

const FolderSchema = z
  .string()
  .trim()
  .min(1)
  .transform((dir) => dir.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '') || '.');

export const ContentSchema = z
  .strictObject({
    dir: FolderSchema.optional().describe('The folder holding the articles, relative to the site folder (for Jekyll, the folder holding `_posts/`).'),
    layout: SourceLayoutSchema.default('polyfeed').describe('`polyfeed`, `hugo`, `jekyll`, `eleventy`, `astro` or `docusaurus`.'),
    fields: z
      .partialRecord(z.enum(MAPPABLE_FIELDS), z.string().trim().min(1))
      .optional()
      .describe('polyfeed field → the front-matter name that holds it, e.g. `{ summary: excerpt }`. Only for the other generators\' layouts.'),
  })
  .superRefine((content, context) => {
    if (content.layout === 'polyfeed' && content.dir !== undefined && content.dir !== 'articles') {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'polyfeed-layout-dir', dir: content.dir } }, ['dir']);
    }
    if (content.layout === 'polyfeed' && content.fields !== undefined) {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'fields-need-foreign-layout' } }, ['fields']);
    }
  })
  .transform((content) => ({ ...content, dir: content.dir ?? (content.layout === 'jekyll' ? '.' : content.layout === 'polyfeed' ? 'articles' : defaultDirOf(content.layout)) }))
  .default({ layout: 'polyfeed', dir: 'articles' });

function defaultDirOf(layout: SourceLayout): string {
  if (layout === 'hugo') return 'content';
  if (layout === 'astro') return 'src/content/blog';
  if (layout === 'docusaurus') return 'blog';
  return 'content';
}

/** The `content` setting as validated: its folder filled in. */
export type ContentSource = z.output<typeof ContentSchema>;

