// Pure: a Markdown body → whether it has no text (EMPTY_BODY), and the quick path's test of the same on undecoded bytes.

/** The rule: a body of white space alone has nothing to publish. */
export function isEmptyBody(body: string): boolean {
  return body.trim() === '';
}

/** Some printable ASCII character: never white space, so a body holding one is not empty. */
const PRINTABLE_ASCII = /[\x21-\x7E]/;

/**
 * isEmptyBody for a body read one byte per character (its UTF-8 bytes as latin1): true whenever
 * isEmptyBody is, and also for a body without any ASCII letter, digit or sign, which the careful
 * path then decides.
 */
export function mayBeEmptyBody(latin1Body: string): boolean {
  return !PRINTABLE_ASCII.test(latin1Body);
}
