// Pure: the codes of a date-time or a URL that cannot be published as written.
import { entry, variants } from './catalogue-entry.js';
import { describeValue, fieldAtStart, type FieldName } from './wording.js';

const DATE_HINT = 'Write an ISO 8601 date-time with an offset, e.g. 2025-03-14T09:30:00+01:00.';
const ABSOLUTE_HINT = 'Write an absolute URL such as https://example.org/path.';
const WEB_HINT = 'Only http: and https: addresses are published; write https://… or a path on the site such as /media/photo.jpg.';
const PATH_HINT = 'Write a path such as "{lang}/{key}/".';

/** `text`: the date-time as written. */
type Written = { text: string };

export const dateAndUrlErrors = {
  INVALID_DATE: variants({
    'not-iso': entry({ message: (p: Written) => `Expected an ISO 8601 date-time with an offset, got "${p.text}".`, hint: DATE_HINT }),
    'date-only': entry({ message: (p: Written) => `"${p.text}" has a date but no time and offset.`, hint: DATE_HINT }),
    'no-offset': entry({ message: (p: Written) => `"${p.text}" has no UTC offset, so the instant it means is ambiguous.`, hint: DATE_HINT }),
    /** `yearMonth`: as written ("2025-02"); `days`: the month's days, undefined when there is no such month. */
    /** Another generator's date without an offset, and no `timezone` in the config to read it in. */
    'needs-timezone': entry({
      message: (p: Written) => `"${p.text}" has no UTC offset, and the config names no timezone to read it in.`,
      hint: 'Add `timezone: Europe/Berlin` (your IANA zone) to polyfeed.config.yaml, or write the offset, e.g. 2024-01-02T10:00:00+01:00.',
    }),
    /** Another generator's date in none of the forms polyfeed reads. */
    'not-a-known-form': entry({
      message: (p: Written) => `"${p.text}" is not a date in a form polyfeed reads.`,
      hint: 'Write 2024-01-02, 2024-01-02 10:00:00 +0100, 2024-01-02T10:00:00+01:00 or Jan 02 2024.',
    }),
    'no-such-date': entry({
      message: (p: Written & { yearMonth: string; days: number | undefined }) =>
        `"${p.text}" is not a date that exists (${p.yearMonth} has ${p.days ?? 'no such month with'} days).`,
      hint: DATE_HINT,
    }),
    'no-such-time': entry({ message: (p: Written) => `"${p.text}" has a time of day that does not exist.`, hint: DATE_HINT }),
    'no-such-offset': entry({ message: (p: Written) => `"${p.text}" has an offset that does not exist.`, hint: DATE_HINT }),
    'updated-before-date': entry({
      message: (p: { updated: string; date: string }) => `"updated" (${p.updated}) is before "date" (${p.date}).`,
      hint: 'An update comes after first publication: correct one of the two dates.',
    }),
  }),
  INVALID_URL: variants({
    'field-not-absolute': entry({
      message: (p: { field: FieldName; value: unknown }) => `${fieldAtStart(p.field)} is not an absolute http(s) URL: ${describeValue(p.value)}.`,
      hint: ABSOLUTE_HINT,
    }),
    /** `character`: a white-space character, or one of < > " \ . */
    'raw-character': entry({
      message: (p: { character: string }) => `The URL holds ${/\s/u.test(p.character) ? 'a space' : `"${p.character}"`}, which no address holds raw.`,
      hint: 'Percent-encode it (a space is %20), or correct the address.',
    }),
    'pattern-with-scheme': entry({ message: (p: { scheme: string }) => `The pattern starts with "${p.scheme}:"; it must be a path on the site.`, hint: PATH_HINT }),
    'scheme-not-published': entry({ message: (p: { scheme: string }) => `"${p.scheme}:" addresses are not published; only http: and https: are.`, hint: WEB_HINT }),
    unparsable: entry({ message: () => 'The URL cannot be parsed.', hint: ABSOLUTE_HINT }),
    'no-host': entry({ message: () => 'The URL names no host.', hint: ABSOLUTE_HINT }),
    'not-absolute': entry({ message: () => 'Expected an absolute http(s) URL.', hint: ABSOLUTE_HINT }),
    unresolvable: entry({ message: () => 'The reference cannot be resolved to a URL.', hint: WEB_HINT }),
    /** The permalink pattern, filled in, resolves to another origin. */
    'leaves-site': entry({ message: () => 'The pattern leads to another site.', hint: PATH_HINT }),
    'id-not-uri': entry({
      message: () => 'An id is an absolute URI without spaces or control characters, e.g. tag:example.org,2025:flood or urn:uuid:….',
      hint: ABSOLUTE_HINT,
    }),
    'id-scheme': entry({
      message: (p: { scheme: string }) => `"${p.scheme}:" ids are not published; an id is an http(s) URL, a tag: URI or a urn:.`,
      hint: "Write an id such as tag:example.org,2025:flood, or remove it to use the article's URL.",
    }),
    'base-url-with-query': entry({
      message: () => 'The base URL cannot have a query (?…) or a fragment (#…): article paths are appended to it.',
      hint: ABSOLUTE_HINT,
    }),
  }),
};
