// Pure: the one rule every URL field of the front matter and the config is held to, as a check and as zod schemas.
import { z } from 'zod';
import { codePointName } from './find-control-characters.js';

/**
 * What a field accepts: `absolute`, an absolute http(s) URL; `reference`, that or a reference
 * resolved against the site (`/media/a.jpg`, `media/a.jpg`, `//cdn.example.org/a.jpg`);
 * `path`, a path that stays on the site it is resolved against (the permalink pattern).
 */
export type UrlKind = 'absolute' | 'reference' | 'path';

export interface UrlProblem {
  readonly code: 'INVALID_URL' | 'CONTROL_CHARACTER';
  readonly message: string;
  readonly hint?: string;
}

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

const WEB_HINT = 'Only http: and https: addresses are published; write https://… or a path on the site such as /media/photo.jpg.';

/** Why `text` cannot be published as a URL of this kind, or undefined when it can. */
export function urlProblem(text: string, kind: UrlKind): UrlProblem | undefined {
  const control = URL_CONTROL.exec(text);
  if (control) {
    return {
      code: 'CONTROL_CHARACTER',
      message: `The URL holds the control character ${codePointName(control[0])}; a browser drops it, and the address it reads may not be the one checked.`,
      hint: 'Delete the invisible character (often pasted along with the address).',
    };
  }
  const forbidden = URL_FORBIDDEN.exec(text);
  if (forbidden) {
    const what = /\s/u.test(forbidden[0]) ? 'a space' : `"${forbidden[0]}"`;
    return { code: 'INVALID_URL', message: `The URL holds ${what}, which no address holds raw.`, hint: 'Percent-encode it (a space is %20), or correct the address.' };
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (kind === 'path') return { code: 'INVALID_URL', message: `The pattern starts with "${scheme}:"; it must be a path on the site.`, hint: 'Write a path such as "{lang}/{key}/".' };
    if (scheme !== 'http' && scheme !== 'https') return { code: 'INVALID_URL', message: `"${scheme}:" addresses are not published; only http: and https: are.`, hint: WEB_HINT };
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { code: 'INVALID_URL', message: 'The URL cannot be parsed.', hint: 'Write an absolute URL such as https://example.org/path.' };
    }
    if (url.hostname === '') return { code: 'INVALID_URL', message: 'The URL names no host.', hint: 'Write an absolute URL such as https://example.org/path.' };
    return undefined;
  }
  if (kind === 'absolute') return { code: 'INVALID_URL', message: 'Expected an absolute http(s) URL.', hint: 'Write an absolute URL such as https://example.org/path.' };
  let resolved: URL;
  try {
    resolved = new URL(text, PROBE_BASE);
  } catch {
    return { code: 'INVALID_URL', message: 'The reference cannot be resolved to a URL.', hint: WEB_HINT };
  }
  if (kind === 'path' && resolved.origin !== new URL(PROBE_BASE).origin) {
    return { code: 'INVALID_URL', message: 'The pattern leads to another site.', hint: 'Write a path such as "{lang}/{key}/".' };
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
  if (!ABSOLUTE_URI.test(id) || !URL.canParse(id)) {
    return { code: 'INVALID_URL', message: 'An id is an absolute URI without spaces or control characters, e.g. tag:example.org,2025:flood or urn:uuid:….' };
  }
  if (!ID_SCHEMES.has(scheme!)) {
    return { code: 'INVALID_URL', message: `"${scheme}:" ids are not published; an id is an http(s) URL, a tag: URI or a urn:.`, hint: 'Write an id such as tag:example.org,2025:flood, or remove it to use the article\'s URL.' };
  }
  return undefined;
}

/** The permalink pattern, with its placeholders filled in, must be a path that stays on the site. */
export function permalinkProblem(pattern: string): UrlProblem | undefined {
  return urlProblem(pattern.replace(/^\/+/, '').replaceAll('{lang}', 'en').replaceAll('{key}', 'key'), 'path');
}

/** Reports a URL problem on the field being refined. */
export function addUrlIssue(problem: UrlProblem | undefined, context: z.core.$RefinementCtx<string>): void {
  if (problem) context.addIssue({ code: 'custom', message: problem.message, params: { polyfeedCode: problem.code, polyfeedHint: problem.hint } });
}
