// Pure: a text's grapheme clusters, what a reader counts as characters (a letter with its combining marks, an emoji sequence, a surrogate pair).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `text`, in order; joined, they give `text` back. */
export function graphemesOf(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}
