// Pure: a text → at most N characters of it (grapheme clusters), cut between words as the language segments them, with an ellipsis.
import { graphemesOf } from '../model/graphemes.js';

const ELLIPSIS = '…';

const wordSegmenters = new Map<string, Intl.Segmenter>();

/** Words as `lang` has them (a dictionary for Japanese, Chinese and Thai). */
function wordSegmenterOf(lang: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(lang);
  if (!segmenter) wordSegmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  return segmenter;
}

/** Spaces and the punctuation a cut text should not end on before its ellipsis ("word, …" → "word…"). */
const TRAILING = /[\s\p{P}]+$/u;

/**
 * `text` with runs of white space made one space, then, when it is longer than `maxCharacters`
 * grapheme clusters, cut after the last whole word that fits with the ellipsis: words as
 * `Intl.Segmenter` finds them in `lang` (Japanese and Chinese by dictionary, Thai too), so a cut
 * never falls inside a word, a surrogate pair or a combining sequence. A first word longer than
 * the whole allowance is cut between grapheme clusters.
 */
export function shortenText(text: string, maxCharacters: number, lang: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const graphemes = graphemesOf(flat);
  if (graphemes.length <= maxCharacters) return flat;
  const room = Math.max(0, maxCharacters - ELLIPSIS.length);
  let kept = '';
  let keptLength = 0;
  for (const { segment } of wordSegmenterOf(lang).segment(flat)) {
    const length = graphemesOf(segment).length;
    if (keptLength + length > room) break;
    kept += segment;
    keptLength += length;
  }
  let cut = kept.replace(TRAILING, '');
  if (cut === '') cut = graphemes.slice(0, room).join('').replace(TRAILING, '');
  return cut + ELLIPSIS;
}
