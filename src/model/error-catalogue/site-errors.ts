// Pure: the codes of the site's layout: article folders, their language files, and the languages configured.
import { entry, variants } from './catalogue-entry.js';
import { codePointName } from './wording.js';

/** How an accent is written apart from its letter, as some systems (macOS) store names. */
function describeDecomposed(name: string): string {
  const mark = /\p{M}/u.exec(name);
  if (!mark || mark.index === 0) return 'its accents are separate combining characters';
  return `"${name.slice(mark.index - 1, mark.index + mark[0].length).normalize('NFC')}" is written as "${name[mark.index - 1]}" followed by the combining character ${codePointName(mark[0])}`;
}

/** `folder`: the article folder, `articles/<key>`; `name`: the file name without `.md`. */
type ArticleFile = { folder: string; name: string };

export const siteErrors = {
  INVALID_ARTICLE_KEY: variants({
    /** `composedExists`: the folder of the same name in NFC form exists too, so renaming would merge two. */
    'not-nfc': entry({
      message: (p: { key: string; composedExists?: boolean }) =>
        `The article folder name "${p.key}" is not in Unicode NFC form (${describeDecomposed(p.key)}); the folder name is the article's URL.`,
      hint: (p) =>
        p.composedExists
          ? `The folder articles/${p.key.normalize('NFC')}/ exists too (the same name, composed): move the files worth keeping into it, then delete articles/${p.key}/.`
          : `Rename the folder to the NFC form of the same name, "${p.key.normalize('NFC')}" (the same letters, each accent composed with its letter).`,
    }),
    'not-url-safe': entry({
      message: (p: { key: string }) => `The article folder name "${p.key}" has characters that do not belong in a URL.`,
      hint: 'Name article folders with letters, digits, "-" and "_" only.',
    }),
    'not-one-folder-deep': entry({
      message: () => 'Article files live exactly one folder below articles/: articles/<article-key>/<lang>.md.',
      hint: 'Move the file into its own article folder, named after the article, e.g. articles/2025-03-flood/en.md.',
    }),
  }),
  INVALID_LANGUAGE_TAG: variants({
    'file-not-a-tag': entry({
      message: (p: ArticleFile) => `The file name "${p.name}.md" is not a BCP 47 language tag.`,
      hint: 'Name the file after a BCP 47 language tag, e.g. en.md, pt-BR.md.',
    }),
    /** `canonicalExists`: a file already has the right spelling, so renaming would overwrite it. */
    'file-spelling': entry({
      message: (p: ArticleFile & { canonical: string; canonicalExists?: boolean }) => `The file name "${p.name}.md" should be spelt "${p.canonical}.md".`,
      hint: (p) =>
        p.canonicalExists
          ? `${p.folder}/${p.canonical}.md exists too, so renaming would overwrite it: keep one version of the text in ${p.folder}/${p.canonical}.md, then delete ${p.folder}/${p.name}.md.`
          : `Rename the file to ${p.canonical}.md.`,
    }),
    'config-not-a-tag': entry({
      message: (p: { tag: string }) => `"${p.tag}" is not a BCP 47 language tag.`,
      hint: 'Use a BCP 47 language tag such as en, ar, ja or pt-BR.',
    }),
    'config-spelling': entry({
      message: (p: { tag: string; canonical: string }) => `"${p.tag}" is spelt "${p.canonical}" in BCP 47.`,
      hint: (p) => `Write "${p.canonical}".`,
    }),
  }),
  LANGUAGE_NOT_CONFIGURED: entry({
    message: (p: { lang: string; languages: readonly string[] }) => `The language "${p.lang}" is not one of the configured languages (${p.languages.join(', ')}).`,
    hint: 'Add the language to "languages" in polyfeed.config.yaml, or remove the file.',
  }),
  ARTICLE_FOLDER_EMPTY: entry({
    message: (p: { folder: string }) => `The article folder ${p.folder}/ has no language file.`,
    hint: 'Add a <lang>.md file to the folder, or delete the folder.',
  }),
  MISSING_DEFAULT_LANGUAGE: entry({
    /** `setting`: missingDefaultLanguage in the config, which also makes the problem an error or a warning. */
    /** `fileToAdd`: in another generator's layout, the default-language file the layout would read (else `<folder>/<defaultLanguage>.md`). */
    message: (p: { folder: string; defaultLanguage: string; languages: readonly string[]; setting: 'error' | 'warning'; fileToAdd?: string }) =>
      `The article has no version in the default language "${p.defaultLanguage}" (it has ${p.languages.join(', ')}).`,
    hint: (p) =>
      p.setting === 'warning'
        ? `Add ${p.fileToAdd ?? `${p.folder}/${p.defaultLanguage}.md`}, or set missingDefaultLanguage: allow in polyfeed.config.yaml if such articles are expected.`
        : `Add ${p.fileToAdd ?? `${p.folder}/${p.defaultLanguage}.md`}, or set missingDefaultLanguage to "warning" or "allow" in polyfeed.config.yaml.`,
  }),
  TRANSLATION_OUTDATED: entry({
    /** Times as ISO 8601 UTC; `sourceFile` is the version it was translated from (the default language's, or its `translationOf`). */
    message: (p: { lang: string; updated: string; sourceFile: string; sourceUpdated: string }) =>
      `This ${p.lang} translation was last updated at ${p.updated}; its source ${p.sourceFile} was updated after it, at ${p.sourceUpdated}.`,
    hint: 'Bring the translation up to date with its source and set its "updated" to the time you did; if it was translated from another version, name that language with translationOf.',
  }),
  NO_ARTICLES: entry({
    message: (p: { folder: string; hasFolders: boolean }) =>
      `No article was found: ${p.folder}/ ${p.hasFolders ? 'has folders but no <lang>.md file' : 'is missing or empty'} in the site folder.`,
    hint: 'Check --root: the site folder holds polyfeed.config.yaml and articles/<key>/<lang>.md files.',
  }),
};
