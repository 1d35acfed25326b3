// Pure: a file's site-relative path, read by another generator's conventions → its article key, language, and what its name says (Jekyll's date, a draft), or undefined when it is no article.
import type { ContentSource } from './content-schema.js';
import { canonicalLanguageTag } from './language-tag.js';
import { docusaurusI18nFolderOf } from './content-folders.js';

/** What a foreign layout's path says about the file. */
export interface SourcePath {
  /** The path without its language part, relative to the content folder: shared by the translations. */
  readonly key: string;
  readonly lang: string;
  /** Jekyll: the `YYYY-MM-DD` of a `_posts/` file name. */
  readonly fileDate?: string;
  /** Jekyll: the slug after the date of a `_posts/` file name. */
  readonly fileSlug?: string;
  /** Jekyll: a file under `_drafts/`. */
  readonly draft?: boolean;
}

/** What reading paths depends on: the layout and its folder, and the site's languages. */
export interface SourcePathRules {
  readonly content: ContentSource;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
}

const JEKYLL_POST = /^(\d{4}-\d{2}-\d{2})-(.+)$/;
/** A Docusaurus post's date and slug: `2021-08-26-welcome`, also `2021/08/26/welcome`, after any folders. */
const DOCUSAURUS_POST = /^(?:(.+)\/)?(\d{4})[-/](\d{2})[-/](\d{2})[-/](.+)$/;
/** The folder of the blog plugin's translations in `i18n/<lang>/`. */
const DOCUSAURUS_BLOG_PLUGIN = 'docusaurus-plugin-content-blog';
const LANGUAGE_SUFFIX = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)$/;

/** The configured language `name` stands for (`de`, `pt-br` → `pt-BR`), if any. */
function languageNamed(name: string, languages: readonly string[]): string | undefined {
  const canonical = canonicalLanguageTag(name.replace(/_/g, '-'));
  return canonical !== undefined && languages.includes(canonical) ? canonical : undefined;
}

/** The path below the content folder, or undefined when the file is not below it. */
export function pathInContent(path: string, dir: string): string | undefined {
  if (dir === '.') return path;
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : undefined;
}

/**
 * Hugo, Astro, Eleventy and Jekyll each say the language in one of two places: a folder named
 * after it (`de/…`, the first folder below the content folder, or next to Jekyll's `_posts`) or
 * a suffix of the file name (`index.de.md`). A file with neither is in the default language.
 * Names starting with `_` are the generators' own (Hugo's `_index.md` list pages, Eleventy's
 * `_data`), never articles; Jekyll reads `_posts/` and `_drafts/` only.
 */
export function parseSourcePath(path: string, rules: SourcePathRules): SourcePath | undefined {
  const { layout, dir } = rules.content;
  if (layout === 'docusaurus') return parseDocusaurusPath(path, rules);
  const relative = pathInContent(path, dir);
  if (relative === undefined || !relative.endsWith('.md')) return undefined;
  const folders = relative.split('/');
  let name = folders.pop()!.slice(0, -'.md'.length);
  let lang: string | undefined;
  const suffix = LANGUAGE_SUFFIX.exec(name);
  const suffixLang = suffix ? languageNamed(suffix[2]!, rules.languages) : undefined;
  if (suffixLang) {
    lang = suffixLang;
    name = suffix![1]!;
  }
  const firstLang = folders.length > 0 ? languageNamed(folders[0]!, rules.languages) : undefined;
  if (layout === 'jekyll') return parseJekyllPath(folders, name, lang, rules);
  if (firstLang) {
    lang ??= firstLang;
    folders.shift();
  }
  if (name.startsWith('_') || folders.some((folder) => folder.startsWith('_') || folder.startsWith('.'))) return undefined;
  // A page bundle (Hugo, Astro: `post/index.md`; Eleventy also `post/post.md`) is named by its folder.
  const namedByFolder = name === 'index' || (layout === 'eleventy' && name === folders.at(-1));
  const parts = namedByFolder ? folders : [...folders, name];
  if (parts.length === 0) return undefined;
  return { key: parts.join('/'), lang: lang ?? rules.defaultLanguage };
}

/**
 * Docusaurus: `blog/2021-08-26-welcome.md` or `blog/2021-08-26-welcome/index.md` (the date and
 * slug from the name, as Jekyll's), in the default language; a translation at the same path
 * below `i18n/<lang>/docusaurus-plugin-content-blog/`. Any tag is taken from `i18n/` (one the config
 * does not list is reported); the name carries no language. Names starting with `_` are left out,
 * as Docusaurus leaves them out.
 */
function parseDocusaurusPath(path: string, rules: SourcePathRules): SourcePath | undefined {
  const { dir } = rules.content;
  const i18n = pathInContent(path, docusaurusI18nFolderOf(dir));
  let relative = i18n === undefined ? pathInContent(path, dir) : undefined;
  let lang = rules.defaultLanguage;
  if (i18n !== undefined) {
    const [folder, plugin, ...rest] = i18n.split('/');
    const tag = canonicalLanguageTag(folder!.replace(/_/g, '-'));
    if (tag === undefined || plugin !== DOCUSAURUS_BLOG_PLUGIN || rest.length === 0) return undefined;
    lang = tag;
    relative = rest.join('/');
  }
  if (relative === undefined || !relative.endsWith('.md')) return undefined;
  const parts = relative.slice(0, -'.md'.length).split('/');
  if (parts.some((part) => part.startsWith('_') || part.startsWith('.'))) return undefined;
  if (parts.at(-1) === 'index') parts.pop();
  if (parts.length === 0) return undefined;
  const name = parts.join('/');
  const post = DOCUSAURUS_POST.exec(name);
  if (!post) return { key: name, lang };
  const [, folders, year, month, day, slug] = post;
  return { key: folders ? `${folders}/${slug!}` : slug!, lang, fileDate: `${year!}-${month!}-${day!}`, fileSlug: slug! };
}

function parseJekyllPath(folders: string[], name: string, suffixLang: string | undefined, rules: SourcePathRules): SourcePath | undefined {
  const at = folders.findIndex((folder) => folder === '_posts' || folder === '_drafts');
  if (at === -1) return undefined;
  const draft = folders[at] === '_drafts';
  const around = [...folders.slice(0, at), ...folders.slice(at + 1)];
  let lang = suffixLang;
  const rest: string[] = [];
  for (const folder of around) {
    const named = lang === undefined ? languageNamed(folder, rules.languages) : undefined;
    if (named) lang = named;
    else rest.push(folder);
  }
  if (rest.some((folder) => folder.startsWith('_') || folder.startsWith('.'))) return undefined;
  const post = JEKYLL_POST.exec(name);
  // Jekyll leaves out a _posts/ file whose name has no date; a draft's name needs none.
  if (!post && !draft) return undefined;
  const slug = post ? post[2]! : name;
  return {
    key: [...rest, slug].join('/'),
    lang: lang ?? rules.defaultLanguage,
    ...(post ? { fileDate: post[1]!, fileSlug: slug } : { fileSlug: slug }),
    ...(draft ? { draft: true } : {}),
  };
}

/**
 * Where the default-language version of the file at `path` (in language `lang`) would be: the
 * same path without its language part, a suffix (`index.fr.md` → `index.md`) or else the first
 * folder named after the language (`fr/posts/a.md` → `posts/a.md`, Jekyll's `_posts/fr/`).
 */
export function defaultLanguagePathOf(path: string, lang: string, rules: SourcePathRules): string {
  if (rules.content.layout === 'docusaurus') {
    const i18n = pathInContent(path, docusaurusI18nFolderOf(rules.content.dir));
    const rest = i18n?.split('/').slice(2).join('/');
    return rest ? (rules.content.dir === '.' ? rest : `${rules.content.dir}/${rest}`) : path;
  }
  const relative = pathInContent(path, rules.content.dir);
  if (relative === undefined) return path;
  const prefix = path.slice(0, path.length - relative.length);
  const folders = relative.split('/');
  const name = folders.pop()!.slice(0, -'.md'.length);
  const suffix = LANGUAGE_SUFFIX.exec(name);
  if (suffix && languageNamed(suffix[2]!, rules.languages) === lang) return `${prefix}${[...folders, `${suffix[1]!}.md`].join('/')}`;
  const at = folders.findIndex((folder) => languageNamed(folder, rules.languages) === lang);
  if (at === -1) return path;
  return `${prefix}${[...folders.slice(0, at), ...folders.slice(at + 1), `${name}.md`].join('/')}`;
}
