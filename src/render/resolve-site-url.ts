// Pure: a URL as an author wrote it → an absolute URL, treating "/path" as a path on the site.

export interface UrlBases {
  /** The site's base URL, ending in "/" (it may have a path: https://example.org/news/). */
  readonly siteUrl: string;
  /** The page the reference appears on; relative references resolve against it. */
  readonly pageUrl: string;
}

/** Undefined when the text cannot be turned into a URL. */
export function resolveSiteUrl(reference: string, bases: UrlBases): string | undefined {
  try {
    if (reference.startsWith('/') && !reference.startsWith('//')) return new URL(reference.slice(1), bases.siteUrl).href;
    return new URL(reference, bases.pageUrl).href;
  } catch {
    return undefined;
  }
}
