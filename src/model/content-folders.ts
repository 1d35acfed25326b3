// Pure: where a content setting's article files are listed (no schema here: the CLI loads this before it knows whether anything changed).
import type { ContentSource } from './content-schema.js';

/** The content setting of a config that has none: `articles/<key>/<lang>.md`. */
export const POLYFEED_CONTENT: ContentSource = { dir: 'articles', layout: 'polyfeed' };

/** Docusaurus keeps a blog's translations in `i18n/`, beside the blog folder: `i18n/<lang>/docusaurus-plugin-content-blog/`. */
export function docusaurusI18nFolderOf(dir: string): string {
  const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/') + 1) : '';
  return dir === '.' ? 'i18n' : `${parent}i18n`;
}

/** The folders listed for article files, relative to the site folder: Jekyll's `_posts/` and `_drafts/`, Docusaurus's blog folder and `i18n/`, else the content folder. */
export function contentFoldersOf(content: ContentSource): string[] {
  if (content.layout === 'docusaurus') return [content.dir, docusaurusI18nFolderOf(content.dir)];
  if (content.layout !== 'jekyll') return [content.dir];
  const prefix = content.dir === '.' ? '' : `${content.dir}/`;
  return [`${prefix}_posts`, `${prefix}_drafts`];
}
