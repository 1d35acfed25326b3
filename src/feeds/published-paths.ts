// Pure: every file a language's feeds are published as. Kept apart from language-feeds.ts, which loads the renderers: the CLI's no-op check needs only this.
import type { LanguageFeeds } from './language-feeds.js';

/** Every file a language's feeds are published as: the feed files, then their compressed copies. */
export function publishedPathsOf(feeds: Pick<LanguageFeeds, 'paths' | 'compressedPaths'>): string[] {
  return [...feeds.paths, ...feeds.compressedPaths];
}
