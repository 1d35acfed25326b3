// The facts behind each report docs/errors.md prints, code by code and in the order the page shows them:
// tests/unit/docs-errors.test.ts checks that the catalogue makes exactly the message and hint printed.
// A code added to the catalogue needs its entry here (the type asks for one), and a section in the page.
import type { ErrorCode, FieldName, MessageParams } from '../../src/model/error-catalogue.js';

const frontMatter = (...path: (string | number)[]): FieldName => ({ path, subject: 'front matter' });

export const documentedProblems: { readonly [C in ErrorCode]: readonly MessageParams<C>[] } = {
  CONFIG_NOT_FOUND: [{ file: 'polyfeed.config.yaml' }],
  NOT_UTF8: [{ kind: 'invalid-byte', byte: 0xe9, offset: 14 }],
  FRONT_MATTER_MISSING: [{ kind: 'no-opening-line' }],
  FRONT_MATTER_UNCLOSED: [{}],
  YAML_SYNTAX: [{ kind: 'unparsable', reason: 'Nested mappings are not allowed in compact mappings' }],
  JSON_SYNTAX: [{ kind: 'unparsable', reason: 'Expected double-quoted property name in JSON at position 79' }],
  REQUIRED_FIELD: [{ name: 'date', parent: frontMatter() }],
  UNKNOWN_FIELD: [{ key: 'datelin', parent: frontMatter(), suggestion: 'dateline', known: ['dateline'] }],
  INVALID_TYPE: [{ kind: 'wrong-type', field: frontMatter('tags'), expected: 'array', value: 3 }],
  EMPTY_VALUE: [{ kind: 'empty', field: frontMatter('title') }],
  INVALID_DATE: [{ kind: 'no-offset', text: '2025-03-14T09:30:00' }],
  INVALID_URL: [{ kind: 'scheme-not-published', scheme: 'file' }],
  INVALID_VALUE: [
    { kind: 'not-email', field: frontMatter('authors', 0, 'email'), value: 'jane-at-example.org' },
    { kind: 'unknown-timezone', zone: 'Europe/Berlinn' },
    { kind: 'polyfeed-layout-dir', dir: 'posts' },
    { kind: 'fields-need-foreign-layout' },
  ],
  EMPTY_BODY: [{}],
  INVALID_ARTICLE_KEY: [{ kind: 'not-url-safe', key: 'river flood' }],
  INVALID_LANGUAGE_TAG: [{ kind: 'file-spelling', folder: 'articles/2025-03-flood', name: 'pt-br', canonical: 'pt-BR' }],
  LANGUAGE_NOT_CONFIGURED: [{ lang: 'de', languages: ['en', 'ar'] }],
  DUPLICATE_ID: [
    { id: 'tag:news.example.org,2025:flood', earlier: 'articles/2025-03-flood-update/en.md' },
    { id: 'https://news.example.org/en/posts/flood/', earlier: 'content/posts/flood.md', sameVersion: { key: 'posts/flood', lang: 'en' } },
  ],
  DUPLICATE_URL: [{ url: 'https://news.example.org/flood/', earlier: 'articles/2025-03-flood-update/en.md' }],
  CONTROL_CHARACTER: [
    { kind: 'in-field', character: '\u000B' },
    { kind: 'in-text', character: '\u000B' },
  ],
  FILE_TOO_LARGE: [{ bytes: 3000, limitKiB: 1 }],
  ARTICLE_FOLDER_EMPTY: [{ folder: 'articles/2025-04-drought' }],
  MISSING_DEFAULT_LANGUAGE: [
    { folder: 'articles/2025-04-drought', defaultLanguage: 'en', languages: ['ar'], setting: 'warning' },
    { folder: 'posts/drought', defaultLanguage: 'en', languages: ['ar'], setting: 'warning', fileToAdd: 'content/posts/drought.md' },
  ],
  TRANSLATION_OUTDATED: [{ lang: 'ja', updated: '2024-12-12T11:00:00Z', sourceFile: 'articles/2024-12-geminids-meteor-shower-explained/en.md', sourceUpdated: '2024-12-14T08:00:00Z' }],
  IMAGE_NOT_FOUND: [{ src: '/media/2025/03/flood.jpg', local: 'media/2025/03/flood.jpg', folders: ['static'] }],
  IMAGE_NOT_ALLOWED: [{ src: 'https://img.example.net/flood.jpg', url: 'https://img.example.net/flood.jpg' }],
  LOCALE_PLACEHOLDER_MISMATCH: [{ key: 'item.byline', lang: 'ar', names: ['author'], defaultLanguage: 'en', wanted: ['authors'] }],
  UNSAFE_HTML_REMOVED: [{ tag: 'iframe' }],
  FILE_UNREADABLE: [{ systemCode: 'EACCES' }],
  FILE_CHANGED_DURING_BUILD: [{ kind: 'no-longer-valid' }],
  OUTPUT_FOLDER_UNSAFE: [
    { kind: 'setting', problem: { kind: 'read-folder', folder: 'locales' }, setting: 'locales', resolvedPath: '/srv/site/locales', realPath: '/srv/site/locales' },
    { kind: 'option', problem: { kind: 'inside-read-folder', folder: 'articles' }, option: 'feeds', resolvedPath: '/srv/site/feeds', realPath: '/srv/site/articles/first' },
  ],
  OUTPUT_WRITE_FAILED: [{ systemCode: 'EPERM', reason: 'operation not permitted', syscall: 'rename', outcome: 'restored', outputFolder: 'public' }],
  OUTPUT_LOCKED: [{ pid: 4242, outDir: './public', waitSeconds: 0, lockPath: './.public.polyfeed-lock' }],
  LOCALE_MISSING: [{ lang: 'ko', file: 'locales/ko/feed.json', packaged: ['ar', 'de', 'en', 'es', 'fr', 'ja', 'pt-BR', 'zh-Hans'] }],
  LOCALE_MISSING_KEY: [
    { kind: 'plural-forms', key: 'item.readingTime', lang: 'ar', missing: ['few', 'many', 'two', 'zero'], forms: ['few', 'many', 'one', 'two', 'zero', 'other'] },
  ],
  TEMPLATE_MISSING: [{ kind: 'partial', name: 'author-box' }],
  HELPERS_INVALID: [{ kind: 'not-a-function', module: 'feed-helpers.mjs', name: 'prefix' }],
  TEMPLATE_SYNTAX: [{ reason: "if doesn't match each - 3:3" }],
  TEMPLATE_RENDER: [
    { kind: 'unknown-helper', name: 'uppercase', helpers: ['t', 'isolate', 'if', 'unless', 'each', 'with', 'lookup', 'log'] },
    { kind: 'missing-field', field: 'subtitle', article: 'articles/2025-03-flood/en.md' },
    { kind: 'helper-failed', helper: 'initials', detail: 'names.split is not a function', article: 'articles/2025-03-flood/en.md' },
  ],
  TEMPLATE_RECURSION: [{ kind: 'self', partial: 'byline' }],
  MARKDOWN_TOO_DEEP: [{ maxNesting: 100 }],
  NO_ARTICLES: [{ folder: 'articles', hasFolders: false }],
  LINK_OUTSIDE_SITE: [{ link: 'articles/2025-03-flood/fr.md', target: '/srv/drafts/fr.md', realPath: '/srv/drafts/fr.md' }],
  NOT_A_REGULAR_FILE: [{ path: 'articles/2025-03-flood/en.md', expected: 'article-file', found: { kind: 'entry', type: 'named-pipe' } }],
  CACHE_DAMAGED: [{ kind: 'index-seal' }],
  CACHE_UNAVAILABLE: [{ access: 'read', systemCode: 'ENOTDIR', detail: 'Error: ENOTDIR: not a directory' }],
  ID_CHANGED: [{ kind: 'one', oldId: 'https://news.example.org/en/2025-03-flood/', newId: 'tag:news.example.org,2025:flood' }],
  ID_DROPPED: [{ kind: 'one', key: '2025-03-flood', lang: 'en', oldId: 'https://news.example.org/en/2025-03-flood/', newFile: 'articles/2025-03-river-flood/en.md' }],
  PUBLISHED_IDS_INVALID: [{ kind: 'date', text: '14/03/2025' }],
  PUBLISHED_IDS_UNWRITABLE: [{ systemCode: 'EACCES', reason: 'permission denied' }],
  PING_FAILED: [
    {
      hub: 'https://hub.example.org/',
      failed: [
        { url: 'https://news.example.org/ar/atom.xml', reason: '503 Service Unavailable', attempts: 3 },
        { url: 'https://news.example.org/en/atom.xml', reason: '503 Service Unavailable', attempts: 3 },
      ],
    },
  ],
};
