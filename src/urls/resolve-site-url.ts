// Pure: a URL as an author wrote it → an absolute URL, treating "/path" as a path on the site.

export interface UrlBases {
  /** The site's base URL, ending in "/" (it may have a path: https://example.org/news/). */
  readonly siteUrl: string;
  /** The page the reference appears on; relative references resolve against it. */
  readonly pageUrl: string;
}

/** Undefined when the text cannot be turned into a URL. */
export function resolveSiteUrl(reference: string, bases: UrlBases): string | undefined {
  return parseSiteUrl(reference, bases)?.href;
}

/** resolveSiteUrl as a parsed URL (for a caller that looks into it: one parse, not two). */
export function parseSiteUrl(reference: string, bases: UrlBases): URL | undefined {
  try {
    if (reference.startsWith('/') && !reference.startsWith('//')) return new URL(reference.slice(1), bases.siteUrl);
    return new URL(reference, bases.pageUrl);
  } catch {
    return undefined;
  }
}
