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
 * labels for the language. Later fallbacks (one language's labels filling another's) go here.
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
