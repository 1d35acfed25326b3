// Pure: the one rule every URL field of the front matter and the config is held to, as a check and as zod schemas.
import { z } from 'zod';
import type { CodedProblem } from './error-catalogue.js';
import { addProblem } from './schema-problem.js';

/**
 * What a field accepts: `absolute`, an absolute http(s) URL; `reference`, that or a reference
 * resolved against the site (`/media/a.jpg`, `media/a.jpg`, `//cdn.example.org/a.jpg`);
 * `path`, a path that stays on the site it is resolved against (the permalink pattern).
 */
export type UrlKind = 'absolute' | 'reference' | 'path';

/** Why a text cannot be published as a URL: a control character in it, or another INVALID_URL. */
export type UrlProblem = CodedProblem<'INVALID_URL' | 'CONTROL_CHARACTER'>;

/**
 * Every C0 control (tab, LF and CR too), DEL and every C1 control. A browser's URL parser
 * (WHATWG URL) drops leading and trailing C0 controls and spaces and every tab, LF and CR
 * inside, so "\u0001javascript:…" or "java\tscript:…" would reach a reader as "javascript:…".
 */
const URL_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Characters a URL never holds raw; a backslash is read as "/" by browsers ("/\evil.org" is another host). */
const URL_FORBIDDEN = /[\s<>"\\]/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** Any site: references are resolved against it to see where they lead. */
const PROBE_BASE = 'https://site.invalid/base/';

/** Why `text` cannot be published as a URL of this kind, or undefined when it can. */
export function urlProblem(text: string, kind: UrlKind): UrlProblem | undefined {
  const control = URL_CONTROL.exec(text);
  if (control) return { code: 'CONTROL_CHARACTER', params: { kind: 'in-url', character: control[0] } };
  const forbidden = URL_FORBIDDEN.exec(text);
  if (forbidden) return { code: 'INVALID_URL', params: { kind: 'raw-character', character: forbidden[0] } };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (kind === 'path') return { code: 'INVALID_URL', params: { kind: 'pattern-with-scheme', scheme } };
    if (scheme !== 'http' && scheme !== 'https') return { code: 'INVALID_URL', params: { kind: 'scheme-not-published', scheme } };
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { code: 'INVALID_URL', params: { kind: 'unparsable' } };
    }
    if (url.hostname === '') return { code: 'INVALID_URL', params: { kind: 'no-host' } };
    return undefined;
  }
  if (kind === 'absolute') return { code: 'INVALID_URL', params: { kind: 'not-absolute' } };
  let resolved: URL;
  try {
    resolved = new URL(text, PROBE_BASE);
  } catch {
    return { code: 'INVALID_URL', params: { kind: 'unresolvable' } };
  }
  if (kind === 'path' && resolved.origin !== new URL(PROBE_BASE).origin) {
    return { code: 'INVALID_URL', params: { kind: 'leaves-site' } };
  }
  return undefined;
}

/** A zod string held to urlProblem's rule (after trimming white space at the ends, as YAML authors expect). */
export function urlSchema(kind: UrlKind) {
  return z
    .string()
    .trim()
    .min(1)
    .superRefine((text, context) => addUrlIssue(text === '' ? undefined : urlProblem(text, kind), context));
}

/** Schemes an explicit item id may have: web addresses, and the two kinds of name no reader follows. */
const ID_SCHEMES = new Set(['http', 'https', 'tag', 'urn']);
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]+$/i;

/** An explicit id: an absolute URI; one that is a web address is held to the URL rule, and only http(s), tag and urn ids are taken. */
export function itemIdProblem(id: string): UrlProblem | undefined {
  const scheme = SCHEME.exec(id)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return urlProblem(id, 'absolute');
  if (URL_CONTROL.test(id)) return urlProblem(id, 'absolute');
  if (!ABSOLUTE_URI.test(id) || !URL.canParse(id)) return { code: 'INVALID_URL', params: { kind: 'id-not-uri' } };
  if (!ID_SCHEMES.has(scheme!)) return { code: 'INVALID_URL', params: { kind: 'id-scheme', scheme: scheme! } };
  return undefined;
}

/** The permalink pattern, with its placeholders filled in, must be a path that stays on the site. */
export function permalinkProblem(pattern: string): UrlProblem | undefined {
  return urlProblem(pattern.replace(/^\/+/, '').replaceAll('{lang}', 'en').replaceAll('{key}', 'key'), 'path');
}

/** Reports a URL problem on the field being refined. */
export function addUrlIssue(problem: UrlProblem | undefined, context: z.core.$RefinementCtx<string>): void {
  if (problem) addProblem(context, problem);
}
