// Pure: a GET or HEAD of a file, its request headers and the file's digest, date and type → the status, the coding and the response headers.
import { isNotModified } from './evaluate-conditions.js';
import { negotiateEncoding, type ContentCoding } from './negotiate-encoding.js';
import { isCompressible } from './media-types.js';
import { negotiateFeedType } from './negotiate-feed-type.js';

/** What the server knows of a file before it sends any of it. */
export interface ServedFileFacts {
  /** A digest of the file's bytes (base64url), the same for the same bytes. */
  readonly digest: string;
  readonly lastModifiedMs: number;
  readonly mediaType: string;
}

/** The request headers a file response depends on. */
export interface FileRequest {
  readonly method: 'GET' | 'HEAD';
  readonly accept?: string | undefined;
  readonly acceptEncoding?: string | undefined;
  readonly ifNoneMatch?: string | undefined;
  readonly ifModifiedSince?: string | undefined;
}

/** How to answer: 200 with the body in `coding`, or 304 without one; headers without Content-Length (the edge knows the body's). */
export interface FileResponsePlan {
  readonly status: 200 | 304;
  readonly coding: ContentCoding;
  readonly headers: Readonly<Record<string, string>>;
  /** False for HEAD and 304: headers only. */
  readonly sendsBody: boolean;
}

/**
 * A strong entity tag per coding: the compressed bytes differ from the file's, so their tag does
 * too (RFC 9110, section 8.8.3.3); a feed sent to a browser as generic XML is another
 * representation, tagged `-xml`.
 */
export function entityTagOf(digest: string, coding: ContentCoding, forBrowser = false): string {
  const variant = forBrowser ? '-xml' : '';
  return coding === 'identity' ? `"${digest}${variant}"` : `"${digest}${variant}-${coding}"`;
}

/**
 * The answer to a GET or HEAD of a file. The coding is chosen first, so the conditions are
 * evaluated against that coding's tag. `Cache-Control: no-cache` makes browsers ask again each
 * time, which a conditional request answers cheaply: a preview shows the newest build at once.
 */
export function planFileResponse(request: FileRequest, file: ServedFileFacts): FileResponsePlan {
  const compressible = isCompressible(file.mediaType);
  const coding = negotiateEncoding(request.acceptEncoding, compressible);
  const type = negotiateFeedType(file.mediaType, request.accept);
  const etag = entityTagOf(file.digest, coding, type.variant === 'browser');
  const headers: Record<string, string> = {
    'Content-Type': type.mediaType,
    ETag: etag,
    'Last-Modified': new Date(file.lastModifiedMs).toUTCString(),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const vary = [...(compressible ? ['Accept-Encoding'] : []), ...(type.variant === undefined ? [] : ['Accept'])];
  if (vary.length > 0) headers.Vary = vary.join(', ');
  if (coding !== 'identity') headers['Content-Encoding'] = coding;
  const notModified = isNotModified(request, etag, file.lastModifiedMs);
  if (notModified) {
    // A 304 carries the validators and Vary of the 200 it stands for, not the body's type or coding (RFC 9110, section 15.4.5).
    delete headers['Content-Type'];
    delete headers['Content-Encoding'];
  }
  return { status: notModified ? 304 : 200, coding, headers, sendsBody: !notModified && request.method === 'GET' };
}
