// Pure: an image reference → its path under static/ when it points into the site, else undefined.
import { parseSiteUrl, type UrlBases } from './resolve-site-url.js';

/** `/media/a.jpg` on https://example.org/news/ → `media/a.jpg`; an image on another host → undefined. */
const siteUrls = new Map<string, URL>();

export function localStaticPath(reference: string, bases: UrlBases): string | undefined {
  const url = parseSiteUrl(reference, bases);
  if (url === undefined) return undefined;
  let site = siteUrls.get(bases.siteUrl);
  if (!site) {
    site = new URL(bases.siteUrl);
    if (siteUrls.size < 100) siteUrls.set(bases.siteUrl, site);
  }
  if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return undefined;
  try {
    return decodeURIComponent(url.pathname.slice(site.pathname.length));
  } catch {
    return undefined;
  }
}
