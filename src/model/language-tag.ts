// Pure: BCP 47 language tags: validity, canonical spelling and writing direction.

const canonicalTags = new Map<string, string | undefined>();

/** The canonical spelling of a well-formed tag (`pt-br` → `pt-BR`), or undefined when it is not one. */
export function canonicalLanguageTag(tag: string): string | undefined {
  // A site has a handful of tags and tens of thousands of files named after them.
  if (canonicalTags.has(tag)) return canonicalTags.get(tag);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    canonical = undefined;
  }
  if (canonicalTags.size < 1000) canonicalTags.set(tag, canonical);
  return canonical;
}

const RIGHT_TO_LEFT_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/** `rtl` for languages written right to left (ar, he, fa, ur, …), from the likely script of the tag. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  // Asked once per item and translation link; a site has a handful of tags.
  let direction = directions.get(tag);
  if (direction === undefined) {
    const script = new Intl.Locale(tag).maximize().script;
    direction = script !== undefined && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    if (directions.size < 1000) directions.set(tag, direction);
  }
  return direction;
}

const directions = new Map<string, 'ltr' | 'rtl'>();
