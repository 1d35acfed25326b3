// Pure: Markdown text → whole minutes it takes to read, for any script.

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Readers manage about 200 words a minute, or about 500 characters in Chinese and Japanese. */
const WORDS_PER_MINUTE = 200;
const CJK_CHARACTERS_PER_MINUTE = 500;

/** How many times a global pattern matches, without making the matches (a body has hundreds). */
function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.test(text)) count += 1;
  return count;
}

export function estimateReadingMinutes(markdown: string): number {
  const cjkCharacters = countMatches(CJK_CHARACTER, markdown);
  // CJK characters count one by one, not as (parts of) words.
  const words = countMatches(WORD, cjkCharacters > 0 ? markdown.replace(CJK_CHARACTER, ' ') : markdown);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE));
}
