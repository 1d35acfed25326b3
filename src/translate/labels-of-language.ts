// Pure: a language's packaged labels and the site's → the labels that language is rendered with.

/** Labels as read from one `feed.json`: nested objects whose leaves are texts. */
export type LabelTree = Readonly<Record<string, unknown>>;

function isTree(value: unknown): value is LabelTree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The labels of a language: polyfeed's packaged labels with the site's laid over them, key by
 * key. A site sets one label (`item.readMore`) without repeating the others; a plural label is
 * overridden form by form (`readingTime_one`, `readingTime_other`). Undefined when neither has
 * labels for the language. A language's fallbacks (one language's labels filling another's) are
 * laid under them afterwards: see withLabelFallbacks.
 */
export function labelsOfLanguage(packaged: LabelTree | undefined, site: LabelTree | undefined): LabelTree | undefined {
  if (!packaged) return site;
  if (!site) return packaged;
  const merged: Record<string, unknown> = { ...packaged };
  for (const [key, value] of Object.entries(site)) {
    const under = merged[key];
    merged[key] = isTree(under) && isTree(value) ? labelsOfLanguage(under, value) : value;
  }
  return merged;
}

/**
 * A language's labels with the labels it lacks taken, key by key, from the languages of its
 * chain (config `labelFallbacks`), the first that has each. Only where the config allows it: a
 * language without a chain keeps its own labels, and a label none of them has stays missing.
 */
export function withLabelFallbacks(own: LabelTree | undefined, chain: readonly (LabelTree | undefined)[]): LabelTree | undefined {
  // The first language of the chain is laid last, over the later ones: it wins where both have a label.
  const fallback = chain.reduceRight<LabelTree | undefined>((under, labels) => labelsOfLanguage(under, labels), undefined);
  return labelsOfLanguage(fallback, own);
}
