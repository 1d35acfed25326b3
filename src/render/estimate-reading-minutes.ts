// Pure: Markdown text → whole minutes it takes to read, for any script.

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Readers manage about 200 words a minute, or about 500 characters in Chinese and Japanese. */
const WORDS_PER_MINUTE = 200;
const CJK_CHARACTERS_PER_MINUTE = 500;

export function estimateReadingMinutes(markdown: string): number {
  const cjkCharacters = markdown.match(CJK_CHARACTER)?.length ?? 0;
  const words = markdown.replace(CJK_CHARACTER, ' ').match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE));
}
