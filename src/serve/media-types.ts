// Pure: a served file's name and first bytes → its media type, and whether compressing it pays.

/** Types by file extension (lower case, without the dot); `.xml` and `.json` are looked at more closely (see mediaTypeOf). */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xsl: 'application/xslt+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  pdf: 'application/pdf',
  woff2: 'font/woff2',
  woff: 'font/woff',
  gz: 'application/gzip',
  br: 'application/octet-stream',
};

const FALLBACK = 'application/octet-stream';

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The XML document's root element name, after the XML declaration, processing instructions
 * (`<?xml-stylesheet …?>`), comments and a doctype; undefined when the head does not show it.
 */
function xmlRootNameOf(head: string): string | undefined {
  const match = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(head);
  return match?.[1];
}

/**
 * The media type to serve a file with. RSS and Atom feeds share the `.xml` extension, so an `.xml`
 * file's root element decides (`rss` → RSS, `feed` → Atom); a `.json` file is a JSON Feed when its
 * head names the JSON Feed version URL. `head` is the file's first bytes (a kilobyte is enough).
 */
export function mediaTypeOf(path: string, head: Uint8Array): string {
  const extension = extensionOf(path);
  if (extension === 'xml') {
    const root = xmlRootNameOf(Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8'));
    const local = root?.slice(root.indexOf(':') + 1);
    if (local === 'rss') return BY_EXTENSION.rss!;
    if (local === 'feed') return BY_EXTENSION.atom!;
  }
  if (extension === 'json' && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8'))) {
    return 'application/feed+json; charset=utf-8';
  }
  return BY_EXTENSION[extension] ?? FALLBACK;
}

/** Text-like types shrink when compressed; images, audio, video, fonts and archives are compressed already. */
export function isCompressible(mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim();
  return type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('+json') || type === 'application/xml' || type === 'application/json' || type === 'text/javascript';
}
