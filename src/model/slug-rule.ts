// Pure: the rule an article's slug (the front matter's `slug`, the {slug} of permalink patterns) is held to.
import type { CodedProblem } from './error-catalogue.js';

/** Letters and marks of any script, digits, and the four marks a URL path segment holds unencoded. */
const SLUG_CHARACTER = /[\p{L}\p{M}\p{N}\-_.~]/u;

/**
 * A slug is one path segment: no "/" (it would add a folder), no "%" or "?" or "#" or space (they
 * mean something else in a URL), not "." or ".." (the current and the parent folder). Letters of
 * any script are welcome (Arabic and Japanese sites use them); the URL carries them percent-encoded
 * as UTF-8, as a browser's URL parser writes them. NFC is required so that one word, typed on two
 * systems, makes one URL.
 */
export function slugProblem(slug: string): CodedProblem<'INVALID_VALUE'> | undefined {
  for (const character of slug) {
    if (!SLUG_CHARACTER.test(character)) return { code: 'INVALID_VALUE', params: { kind: 'slug-character', slug, character } };
  }
  if (/^\.+$/.test(slug)) return { code: 'INVALID_VALUE', params: { kind: 'slug-dots', slug } };
  if (slug.normalize('NFC') !== slug) return { code: 'INVALID_VALUE', params: { kind: 'slug-not-nfc', slug } };
  return undefined;
}
