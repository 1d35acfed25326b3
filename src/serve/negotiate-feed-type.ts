// Pure: the media type an RSS or Atom feed is sent with, by the request's Accept header: its own to feed readers, generic XML to a browser opening it.

const XML_FOR_BROWSERS = 'application/xml; charset=utf-8';
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml'];

/** The media ranges of an Accept header with a q above 0, lower case, without parameters. */
function acceptedRanges(accept: string): string[] {
  return accept
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .filter(([, ...params]) => !params.some((param) => /^\s*q\s*=\s*0(?:\.0{0,3})?\s*$/.test(param)))
    .map(([range]) => range!.trim())
    .filter((range) => range !== '');
}

/**
 * `mediaType` as it is, but for an RSS or Atom feed asked for by a client that names HTML and not
 * the feed's own type: a browser navigating to it. Browsers show `application/rss+xml` and
 * `application/atom+xml` as plain text (or offer to save them) and apply no stylesheet, while a
 * static host sends `.xml` as `application/xml`, which they display with the feed's CSS. A feed
 * reader names the feed types (or sends no Accept) and gets them. `variant` names the choice, for
 * the entity tag and `Vary: Accept`.
 */
export function negotiateFeedType(mediaType: string, accept: string | undefined): { mediaType: string; variant: 'feed' | 'browser' | undefined } {
  const type = mediaType.split(';')[0]!.trim();
  if (!FEED_TYPES.includes(type)) return { mediaType, variant: undefined };
  if (accept === undefined) return { mediaType, variant: 'feed' };
  const ranges = acceptedRanges(accept);
  if (ranges.includes(type) || !ranges.includes('text/html')) return { mediaType, variant: 'feed' };
  return { mediaType: XML_FOR_BROWSERS, variant: 'browser' };
}
