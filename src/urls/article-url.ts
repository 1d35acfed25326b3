// Pure: an article's URL from the config's baseUrl and its language's permalink pattern.
import type { SiteConfig } from '../model/config-schema.js';
import { firstClashingLanguages, permalinkPatternOf } from '../model/permalink-patterns.js';

/** The absolute URL of one language version: its key (the folder name), language, and slug (the front matter's; the key when undefined). */
export type ArticleUrlOf = (key: string, lang: string, slug?: string) => string;

type UrlConfig = Pick<SiteConfig, 'baseUrl' | 'permalink'>;

/** Makes article URLs for one config: each pattern is looked at once, not for each of tens of thousands of articles. */
export function articleUrlMaker(config: UrlConfig): ArticleUrlOf {
  let fills = fillsByConfig.get(config);
  if (!fills) {
    fills = new Map();
    fillsByConfig.set(config, fills);
  }
  const known = fills;
  return (key, lang, slug) => {
    let fill = known.get(lang);
    if (!fill) {
      fill = compilePattern(permalinkPatternOf(config.permalink, lang), config.baseUrl);
      known.set(lang, fill);
    }
    return fill.urlOf(key, lang, slug);
  };
}

/** The absolute URL of one language version, from its language's permalink pattern. */
export function articleUrl(config: UrlConfig, key: string, lang: string, slug?: string): string {
  return articleUrlMaker(config)(key, lang, slug);
}

interface UrlPattern {
  readonly urlOf: ArticleUrlOf;
  /**
   * Whether two articles can never share a URL: each language's pattern names the article by its
   * key (keys of one folder level are unique; a slug is not), and no two languages' patterns can
   * make the same URL (see patternsMayClash). Then only explicit ids can clash with other ids.
   */
  readonly distinct: boolean;
}

/** Patterns looked at already, by config: articleUrl is asked for once per file that has an image. */
const fillsByConfig = new WeakMap<UrlConfig, Map<string, CompiledPattern>>();
const patternsByConfig = new WeakMap<Pick<SiteConfig, 'baseUrl' | 'permalink' | 'languages'>, UrlPattern>();

export function urlPatternOf(config: Pick<SiteConfig, 'baseUrl' | 'permalink' | 'languages'>): UrlPattern {
  let pattern = patternsByConfig.get(config);
  if (!pattern) {
    const oneArticlePerUrl = config.languages.every((lang) => compilePattern(permalinkPatternOf(config.permalink, lang), config.baseUrl).keyOnly);
    pattern = { urlOf: articleUrlMaker(config), distinct: oneArticlePerUrl && firstClashingLanguages(config.permalink, config.languages) === undefined };
    patternsByConfig.set(config, pattern);
  }
  return pattern;
}

interface CompiledPattern {
  readonly urlOf: ArticleUrlOf;
  /** The pattern names the article by its key only (no {slug}) and its URLs need no normalizing. */
  readonly keyOnly: boolean;
}

/** Another generator's key may be a path (`2024/hello`): each of its parts is encoded. */
function encodePath(key: string): string {
  return key.includes('/') ? key.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(key);
}

type Token = { readonly text: string } | { readonly placeholder: 'lang' | 'key' | 'slug' };

const PLACEHOLDER = /\{(lang|key|slug)\}/g;
/** A value that stands in a URL as encoded: what new URL() would leave as it is. */
const SAFE_VALUE = /^[A-Za-z0-9_%-]+$/;

function compilePattern(written: string, baseUrl: string): CompiledPattern {
  // The pattern is relative to baseUrl even when written with a leading "/".
  const pattern = written.replace(/^\/+/, '');
  const sample = pattern.replace(PLACEHOLDER, 'x');
  // Keys (letters, digits, "_", "-") and language tags are URL-safe once encoded, so with a
  // plain pattern the URL is the base plus the path: what new URL() would give, far cheaper.
  const plain = /^[A-Za-z0-9\-_~%/]*$/.test(sample.replaceAll('.', '-')) && !/(^|\/)\.\.?(\/|$)/.test(sample);
  const tokens: Token[] = [];
  let last = 0;
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    if (match.index > last) tokens.push({ text: pattern.slice(last, match.index) });
    tokens.push({ placeholder: match[1] as 'lang' | 'key' | 'slug' });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) tokens.push({ text: pattern.slice(last) });
  const urlOf: ArticleUrlOf = (key, lang, slug) => {
    const encodedKey = encodePath(key);
    const values = { lang: encodeURIComponent(lang), key: encodedKey, slug: slug === undefined ? encodedKey : encodeURIComponent(slug) };
    let path = '';
    let safe = plain;
    for (const token of tokens) {
      if ('text' in token) {
        path += token.text;
      } else {
        const value = values[token.placeholder];
        if (safe && token.placeholder !== 'lang' && !SAFE_VALUE.test(value)) safe = false;
        path += value;
      }
    }
    return safe ? baseUrl + path : new URL(path, baseUrl).href;
  };
  const names = new Set(tokens.flatMap((token) => ('placeholder' in token ? [token.placeholder] : [])));
  return { urlOf, keyOnly: plain && names.has('key') && !names.has('slug') };
}
