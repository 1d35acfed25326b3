// Pure: where a content setting's article files are listed (no schema here: the CLI loads this before it knows whether anything changed).
import type { ContentSource } from './content-schema.js';

/** The content setting of a config that has none: `articles/<key>/<lang>.md`. */
export const POLYFEED_CONTENT: ContentSource = { dir: 'articles', layout: 'polyfeed' };

/** The folders listed for article files, relative to the site folder: Jekyll's `_posts/` and `_drafts/`, else the content folder. */
export function contentFoldersOf(content: ContentSource): string[] {
  if (content.layout !== 'jekyll') return [content.dir];
  const prefix = content.dir === '.' ? '' : `${content.dir}/`;
  return [`${prefix}_posts`, `${prefix}_drafts`];
}
