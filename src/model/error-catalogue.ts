// Every error code polyfeed reports, with its default hint. Codes are permanent: add, never rename.

interface CatalogueEntry {
  /** What to do, when the call site has nothing more specific. */
  readonly hint: string;
}

const catalogue = {
  CONFIG_NOT_FOUND: { hint: 'Run polyfeed in a site folder, or pass --root DIR pointing at one that holds polyfeed.config.yaml.' },
  NOT_UTF8: { hint: 'Save the file as UTF-8 (most editors offer "Save with encoding").' },
  FRONT_MATTER_MISSING: { hint: 'Start the file with a line "---", the YAML fields, then another "---" line.' },
  FRONT_MATTER_UNCLOSED: { hint: 'Add a line "---" after the last front-matter field.' },
  YAML_SYNTAX: { hint: 'Fix the YAML syntax; quote values that contain ": " or start with a special character.' },
  JSON_SYNTAX: { hint: 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).' },
  REQUIRED_FIELD: { hint: 'Add the field.' },
  UNKNOWN_FIELD: { hint: 'Remove the field or correct its spelling; README.md lists every field.' },
  INVALID_TYPE: { hint: 'Give the field a value of the expected type.' },
  EMPTY_VALUE: { hint: 'Give the field a non-empty value, or remove it if it is optional.' },
  INVALID_DATE: { hint: 'Write an ISO 8601 date-time with an offset, e.g. 2025-03-14T09:30:00+01:00.' },
  INVALID_URL: { hint: 'Write an absolute URL such as https://example.org/path.' },
  INVALID_VALUE: { hint: 'Use one of the allowed values.' },
  EMPTY_BODY: { hint: 'Write the article text below the closing "---" line.' },
  INVALID_ARTICLE_KEY: { hint: 'Name article folders with letters, digits, "-" and "_" only.' },
  INVALID_LANGUAGE_TAG: { hint: 'Name the file after a BCP 47 language tag, e.g. en.md, pt-BR.md.' },
  LANGUAGE_NOT_CONFIGURED: { hint: 'Add the language to "languages" in polyfeed.config.yaml, or remove the file.' },
  DUPLICATE_ID: { hint: 'Give each article version its own id, or remove the explicit id to use the default.' },
  CONTROL_CHARACTER: { hint: 'Delete the invisible control character (often pasted from a word processor or CMS); feeds cannot carry it.' },
  FILE_TOO_LARGE: { hint: 'Split the article, or move embedded data (base64 images, tables) out of it; raise maxFileSizeKb in the config if it is meant to be this large.' },
  ARTICLE_FOLDER_EMPTY: { hint: 'Add a <lang>.md file to the folder, or delete the folder.' },
  MISSING_DEFAULT_LANGUAGE: { hint: 'Add the default-language version, or set missingDefaultLanguage in polyfeed.config.yaml to "warning" or "allow".' },
  IMAGE_NOT_FOUND: { hint: 'Put the file under static/ at that path, correct the path, or use an absolute URL for images hosted elsewhere.' },
  LOCALE_PLACEHOLDER_MISMATCH: { hint: 'Use exactly the same {{placeholders}} as the default language; translate the words around them, never the names inside.' },
  UNSAFE_HTML_REMOVED: { hint: 'Remove the element, or put it in a code span or block if the text is meant to be shown; an unclosed element also takes the rest of the article with it.' },
  FILE_UNREADABLE: { hint: 'Give the user that runs polyfeed permission to read the file (or remove it if it is not an article).' },
  FILE_CHANGED_DURING_BUILD: { hint: 'Something edited or removed the file while polyfeed was building; run the build again once the edit is saved.' },
  OUTPUT_FOLDER_UNSAFE: { hint: 'Write the feeds to a folder of their own, such as public in the site folder or a folder outside the site.' },
  OUTPUT_WRITE_FAILED: { hint: 'Make the output folder writable and give it free space, then build again; the previous feeds are kept as they were.' },
  OUTPUT_LOCKED: { hint: 'Another polyfeed build is writing this output folder; wait for it, or delete the lock file if no build is running.' },
  LOCALE_MISSING: { hint: 'Create locales/<lang>/feed.json with the labels of the default language, translated.' },
  LOCALE_MISSING_KEY: { hint: 'Add the key, translated, to this locale file.' },
  TEMPLATE_MISSING: { hint: 'Create the template file, or restore it from the polyfeed sample site.' },
  TEMPLATE_SYNTAX: { hint: 'Fix the Handlebars syntax in the template.' },
  TEMPLATE_RENDER: { hint: 'The template uses a field or helper that does not exist; see README.md for the fields templates receive.' },
  TEMPLATE_RECURSION: { hint: 'A partial may not include itself, directly or through other partials: remove the call that closes the loop.' },
  MARKDOWN_TOO_DEEP: { hint: 'Nest lists and block quotes less deeply; past this depth the Markdown parser drops the rest of the text.' },
  NO_ARTICLES: { hint: 'Check --root: the site folder holds polyfeed.config.yaml and articles/<key>/<lang>.md files.' },
  LINK_OUTSIDE_SITE: { hint: 'Copy the file or folder into the site folder, or point the link at a place inside it.' },
  NOT_A_REGULAR_FILE: { hint: 'An article file must be a regular file (or a link to one inside the site folder): replace the entry with the article file, or remove it.' },
  CACHE_DAMAGED: { hint: 'Nothing to do for this build. If it comes back, find what writes .polyfeed-cache/ (a CI cache shared with other branches?); deleting the folder is always safe.' },
  CACHE_UNAVAILABLE: { hint: 'Make .polyfeed-cache/ a folder the build can read and write (or delete it), so that the next builds can skip unchanged work.' },
} as const satisfies Record<string, CatalogueEntry>;

/** Every code polyfeed can report. */
export type ErrorCode = keyof typeof catalogue;

/** The hint a code gets when the place that reports it has no more specific one. */
export function defaultHint(code: ErrorCode): string {
  return catalogue[code].hint;
}

/** All codes, for documentation and tests. */
export const errorCodes = Object.keys(catalogue) as ErrorCode[];
