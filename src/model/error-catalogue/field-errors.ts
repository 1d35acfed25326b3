// Pure: the codes of a field of the front matter or the config: missing, unknown, of the wrong type or value.
import { entry, variants } from './catalogue-entry.js';
import { describeField, describeType, describeValue, fieldAtStart, listValues, type FieldName } from './wording.js';

const TYPE_HINT = 'Give the field a value of the expected type.';
const EMPTY_HINT = 'Give the field a non-empty value, or remove it if it is optional.';
const ALLOWED_HINT = 'Use one of the allowed values.';

function bound(p: { minimum: number | bigint; inclusive: boolean }): string {
  return p.inclusive ? `at least ${String(p.minimum)}` : `more than ${String(p.minimum)}`;
}

export const fieldErrors = {
  REQUIRED_FIELD: entry({
    /** `options`: the values the field may take, when it picks a variant (a video's "provider"). */
    message: (p: { name: string; parent: FieldName; options?: readonly unknown[] }) => `Required field "${p.name}" is missing from ${describeField(p.parent)}.`,
    hint: (p) => (p.options ? `Add it: one of ${listValues(p.options)}.` : 'Add the field.'),
  }),
  UNKNOWN_FIELD: entry({
    /** `suggestion`: the known field the key is closest to, if any is close. */
    message: (p: { key: string; parent: FieldName; suggestion: string | undefined; known: readonly string[] }) =>
      `Unknown field "${p.key}" in ${describeField(p.parent)}.`,
    hint: (p) => (p.suggestion ? `Did you mean "${p.suggestion}"?` : `Known fields here: ${p.known.join(', ')}.`),
  }),
  INVALID_TYPE: variants({
    /** `expected`: the type the schema names ("string", "array", …). */
    'wrong-type': entry({
      message: (p: { field: FieldName; expected: string; value: unknown }) =>
        `${fieldAtStart(p.field)} must be ${describeType(p.expected)}, got ${describeValue(p.value)}.`,
      hint: TYPE_HINT,
    }),
    /** A value that fits none of the forms the field takes. */
    'wrong-shape': entry({
      message: (p: { field: FieldName; value: unknown }) => `${fieldAtStart(p.field)} has the wrong shape: ${describeValue(p.value)}.`,
      hint: TYPE_HINT,
    }),
    /** `key`: the label's dotted key, e.g. item.readMore. */
    'label-not-text': entry({
      message: (p: { key: string; value: unknown }) => `The label "${p.key}" must be text, got ${Array.isArray(p.value) ? 'a list' : JSON.stringify(p.value)}.`,
      hint: 'Write the label as a JSON string in quotes.',
    }),
  }),
  EMPTY_VALUE: variants({
    empty: entry({ message: (p: { field: FieldName }) => `${fieldAtStart(p.field)} is empty.`, hint: EMPTY_HINT }),
    'empty-list': entry({ message: (p: { field: FieldName }) => `${fieldAtStart(p.field)} is an empty list.`, hint: EMPTY_HINT }),
  }),
  INVALID_VALUE: variants({
    'number-too-small': entry({
      message: (p: { field: FieldName; value: unknown; minimum: number | bigint; inclusive: boolean }) =>
        `${fieldAtStart(p.field)} is ${describeValue(p.value)}; it must be ${bound(p)}.`,
      hint: (p) => `Change it to a number that is ${bound(p)}.`,
    }),
    'not-email': entry({
      message: (p: { field: FieldName; value: unknown }) => `${fieldAtStart(p.field)} is not an e-mail address: ${describeValue(p.value)}.`,
      hint: 'Write an address like name@example.org.',
    }),
    /** `detail`: the schema's own words for the format (a pattern the value does not match). */
    'wrong-format': entry({
      message: (p: { field: FieldName; detail: string }) => `${fieldAtStart(p.field)}: ${p.detail}`,
      hint: 'Write it in the form the field table in README.md gives.',
    }),
    'not-allowed': entry({
      /** `suggestion`: the allowed value nearest to a mistyped one, when one is near. */
      message: (p: { field: FieldName; value: unknown; allowed: readonly unknown[]; suggestion?: string | undefined }) =>
        `${fieldAtStart(p.field)} is ${describeValue(p.value)}, which is not one of the allowed values.`,
      hint: (p) => `${p.suggestion === undefined ? '' : `Did you mean "${p.suggestion}"? `}Use one of: ${listValues(p.allowed)}.`,
    }),
    /** Any other rule of the schema, in its own words. */
    'not-accepted': entry({ message: (p: { field: FieldName; detail: string }) => `${fieldAtStart(p.field)}: ${p.detail}`, hint: ALLOWED_HINT }),
    'permalink-without': entry({
      message: () => 'The permalink pattern must contain {key} or {slug}: without one, every article of a language would have the same URL.',
      hint: 'Write a pattern such as "{lang}/{key}/" or "{lang}/{slug}/".',
    }),
    'feed-text-language-not-listed': entry({
      message: (p: { lang: string; field: string }) => `"${p.field}" has a text for "${p.lang}", which is not one of "languages".`,
      hint: 'Name only languages of "languages", or give one text for every language.',
    }),
    'translation-of-itself': entry({
      message: (p: { lang: string }) => `"translationOf" is "${p.lang}", this version's own language: a version is not its own source.`,
      hint: (p: { lang: string }) => `Name the language this ${p.lang} version was translated from, or remove translationOf (a version of the default language without it is an original).`,
    }),
    'setting-language-not-listed': entry({
      message: (p: { lang: string; field: string }) => `"${p.field}" names "${p.lang}", which is not one of "languages".`,
      hint: 'Name only languages of "languages".',
    }),
    'fallback-language-not-listed': entry({
      message: (p: { field: string; lang: string }) => `"${p.field}" has a chain for "${p.lang}", which is not one of "languages".`,
      hint: 'Name only languages of "languages" (spelt as there), or add the language to "languages".',
    }),
    'fallback-to-unlisted': entry({
      message: (p: { field: string; lang: string; other: string }) => `"${p.field}" lets "${p.lang}" fall back to "${p.other}", which is not one of "languages".`,
      hint: 'A fallback chain may only name languages the site publishes: add it to "languages", or take it out of the chain.',
    }),
    'fallback-to-itself': entry({
      message: (p: { field: string; lang: string }) => `"${p.field}" lets "${p.lang}" fall back to itself.`,
      hint: 'Name the other languages to try, in order, e.g. "pt-BR: [pt-PT, en]".',
    }),
    'fallback-twice': entry({
      message: (p: { field: string; lang: string; other: string }) => `"${p.field}" names "${p.other}" twice in the chain of "${p.lang}".`,
      hint: 'Name each language once: the first one with a version is taken.',
    }),
    'permalink-language-not-listed': entry({
      message: (p: { lang: string }) => `"permalink" has a pattern for "${p.lang}", which is not one of "languages".`,
      hint: 'Name a language of "languages", or "default" for the pattern of every language not named.',
    }),
    /** `languages` and `patterns`: the two languages, and the pattern each one takes. */
    'permalinks-clash': entry({
      message: (p: { languages: readonly [string, string]; patterns: readonly [string, string] }) =>
        `The permalink patterns of "${p.languages[0]}" ("${p.patterns[0]}") and "${p.languages[1]}" ("${p.patterns[1]}") can make the same URL, so two articles could be published at one address.`,
      hint: 'Give all languages but one a part of their own: {lang} in the pattern ("{lang}/{key}/"), or a fixed folder; one language, the default, may live at the root ("{key}/").',
    }),
    /** `problem`: see staticDirProblem. */
    'static-dir': entry({
      message: (p: { folder: string; problem: 'absolute' | 'site-folder' | 'backslash' }) =>
        p.problem === 'absolute'
          ? `staticDir "${p.folder}" is an absolute path; it is relative to the site folder, so the config works on every machine.`
          : p.problem === 'backslash'
            ? `staticDir "${p.folder}" holds a backslash; folders are separated by "/" on every system.`
            : `staticDir "${p.folder}" is the site folder itself, which holds articles/ and the output.`,
      hint: 'Write the folder the site serves its static files from, relative to the site folder, e.g. "../static" or "../public".',
    }),
    /** `character`: the first character a slug may not hold. */
    'slug-character': entry({
      message: (p: { slug: string; character: string }) =>
        `The slug "${p.slug}" holds ${p.character === '/' ? '"/"' : /\s/u.test(p.character) ? 'a space' : `"${p.character}"`}; a slug is one segment of a URL path.`,
      hint: 'Write the slug with letters (of any script), digits, "-", "_", "." and "~" only, e.g. "river-flood" or "فيضان-النهر".',
    }),
    'slug-dots': entry({
      message: (p: { slug: string }) => `The slug "${p.slug}" is only dots, which a URL reads as the current or the parent folder.`,
      hint: 'Write a slug with letters or digits, e.g. "river-flood".',
    }),
    'slug-not-nfc': entry({
      message: (p: { slug: string }) => `The slug "${p.slug}" is not in Unicode NFC form, so the same word could make two URLs.`,
      hint: (p) => `Write it in NFC form: "${p.slug.normalize('NFC')}".`,
    }),
    'archives-need-max-items': entry({
      message: () => 'archivePageSize is set, but maxItems is 0: the current feed already holds every item, so nothing is left to archive.',
      hint: 'Set maxItems to the number of newest items the current feed keeps (50, say), or remove archivePageSize.',
    }),
    'unknown-timezone': entry({
      message: (p: { zone: string }) => `"${p.zone}" is not an IANA time zone this system knows.`,
      hint: 'Write a zone name such as Europe/Berlin, America/New_York or UTC.',
    }),
    'fields-need-foreign-layout': entry({
      message: () => 'content.fields renames front-matter fields, but the polyfeed layout uses polyfeed\'s own names.',
      hint: 'Remove content.fields, or set content.layout to hugo, jekyll, eleventy, astro or docusaurus.',
    }),
    'polyfeed-layout-dir': entry({
      message: (p: { dir: string }) => `The polyfeed layout reads articles/, not "${p.dir}".`,
      hint: 'Move the articles to articles/<key>/<lang>.md, or set content.layout to the generator the folder was written for.',
    }),
    'combined-feed-folder-taken': entry({
      message: () => 'combinedFeed is set, and "mul" is one of the languages: the combined feed is written to mul/ and tagged "mul" (multiple languages), so a language "mul" would share its folder.',
      hint: 'Remove "mul" from languages, or set combinedFeed to [] (no combined feed).',
    }),
    'language-twice': entry({ message: (p: { lang: string }) => `"${p.lang}" is listed twice in "languages".`, hint: 'List each language once.' }),
    'default-language-not-listed': entry({
      message: (p: { lang: string }) => `The default language "${p.lang}" is not listed in "languages".`,
      hint: ALLOWED_HINT,
    }),
  }),
  DUPLICATE_ID: entry({
    /**
     * `earlier`: the file that uses the id first, in path order. `sameVersion`: in another
     * generator's layout, both files are one key's version in one language (`post.md` and
     * `post/index.md`), so they make the same default id.
     */
    message: (p: { id: string; earlier: string; sameVersion?: { key: string; lang: string } }) => `The item id "${p.id}" is already used by ${p.earlier}.`,
    hint: (p) =>
      p.sameVersion
        ? `Both files are the "${p.sameVersion.lang}" version of the article "${p.sameVersion.key}": remove one of them, or move it to another name.`
        : 'Give each article version its own id, or remove the explicit id to use the default.',
  }),
  DUPLICATE_URL: entry({
    /** `earlier`: the file that has the URL first, in path order. */
    message: (p: { url: string; earlier: string }) => `The URL ${p.url} is also the URL of ${p.earlier}: two articles cannot be published at one address.`,
    hint: 'Give one of them another "slug", or change the permalink pattern so that their URLs differ.',
  }),
  IMAGE_NOT_FOUND: entry({
    /** `local`: the image's path below the static folders; `folders`: the folders looked in (static/, and staticDir when set). */
    message: (p: { src: string; local: string; folders: readonly string[] }) =>
      `The image "${p.src}" is on this site, but ${p.folders.map((folder) => `${folder}/${p.local}`).join(' and ')} ${p.folders.length > 1 ? 'do' : 'does'} not exist.`,
    hint: 'Put the file there or correct the path. If the site serves its own files, set "staticDir" to their folder; if the image is served from where polyfeed cannot see, list that path in "remoteImages".',
  }),
  IMAGE_NOT_ALLOWED: entry({
    /** `url`: the image's absolute URL. */
    message: (p: { src: string; url: string }) => `The image "${p.src}" is on another host (${new URL(p.url).origin}), which "remoteImages" does not list.`,
    hint: (p) => `Add "${new URL(p.url).origin}/" (or a narrower prefix) to "remoteImages" in polyfeed.config.yaml, or host the image on the site.`,
  }),
};
