// Pure: an HTTP request target → the path segments it names below the served folder, or why it is refused (400, 403, 404).

/** A request target turned into a path below the served folder, or a refusal with its status. */
export type RequestPath =
  | {
      readonly kind: 'path';
      /** Decoded segments, none empty, none `.` or `..`, none holding `/`, `\` or NUL. */
      readonly segments: readonly string[];
      /** The target ended with `/`: it names a folder. */
      readonly folder: boolean;
    }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

const refused = (status: 400 | 403 | 404, reason: string): RequestPath => ({ kind: 'refused', status, reason });

/** Percent-decodes one segment as UTF-8; undefined for a malformed `%` escape or bytes that are not UTF-8. */
function decodeSegment(raw: string): string | undefined {
  if (!/^(?:[^%]|%[0-9A-Fa-f]{2})*$/.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * The segments a request target names, checked segment by segment after decoding, so no spelling
 * of a separator or of `..` gets out of the served folder: `/../`, `/%2e%2e/`, `/%2E./`, an encoded
 * `/` (`%2F`) or `\` (`%5C`), a raw `\`, and a NUL are all refused. The query and the fragment are
 * dropped. Names beginning with `.` (the output folder's lock and staging files among them) are
 * not served. Only the origin form (`/path`) is taken; an absolute URL's path is taken from it.
 */
export function resolveRequestPath(target: string): RequestPath {
  let path = target;
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(path);
  if (absolute) path = path.slice(absolute[0].length) || '/';
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  if (!path.startsWith('/')) return refused(400, 'the request target is not a path');
  if (path.includes('\\')) return refused(400, 'the path holds a backslash');
  const rawSegments = path.slice(1).split('/');
  const folder = rawSegments.at(-1) === '';
  const segments: string[] = [];
  for (const raw of rawSegments) {
    if (raw === '') continue;
    const segment = decodeSegment(raw);
    if (segment === undefined) return refused(400, 'the path holds a malformed percent-encoding');
    if (segment.includes('\0')) return refused(400, 'the path holds a NUL character');
    if (segment.includes('/') || segment.includes('\\')) return refused(400, 'the path holds an encoded separator');
    if (segment === '.' || segment === '..') return refused(403, 'the path steps out of its folder');
    if (segment.startsWith('.')) return refused(404, 'hidden files are not served');
    segments.push(segment);
  }
  return { kind: 'path', segments, folder };
}
