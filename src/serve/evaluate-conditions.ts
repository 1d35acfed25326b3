// Pure: a GET or HEAD's conditional headers, against the representation's entity tag and date → send it (200) or not (304).

/** The conditional request headers a static file answers to. */
export interface Preconditions {
  readonly ifNoneMatch?: string | undefined;
  readonly ifModifiedSince?: string | undefined;
}

/** The entity tags of an If-None-Match list (opaque tags, without `W/`), or `*`; commas inside quotes are part of a tag. */
function entityTagsOf(header: string): '*' | string[] {
  if (header.trim() === '*') return '*';
  const tags: string[] = [];
  for (const match of header.matchAll(/(?:W\/)?"([^"]*)"/g)) tags.push(match[1]!);
  return tags;
}

/** An entity tag as sent (`"abc"`) without its quotes. */
function opaqueTagOf(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"|"$/g, '');
}

/**
 * Whether the client's copy is current, by RFC 9110, section 13.2.2: If-None-Match, when present,
 * decides alone (weak comparison, `*` matches any existing representation); otherwise
 * If-Modified-Since, a valid HTTP date no earlier than the file's (compared in whole seconds,
 * the precision of the header), means it is. An invalid date is ignored.
 */
export function isNotModified(conditions: Preconditions, etag: string, lastModifiedMs: number): boolean {
  if (conditions.ifNoneMatch !== undefined) {
    const tags = entityTagsOf(conditions.ifNoneMatch);
    return tags === '*' || tags.includes(opaqueTagOf(etag));
  }
  if (conditions.ifModifiedSince !== undefined) {
    const sinceMs = Date.parse(conditions.ifModifiedSince);
    if (Number.isNaN(sinceMs)) return false;
    return Math.floor(lastModifiedMs / 1000) <= Math.floor(sinceMs / 1000);
  }
  return false;
}
