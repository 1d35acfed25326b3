// Pure: an article's URL from the config's baseUrl and permalink pattern.
import type { SiteConfig } from '../model/config-schema.js';

/** Makes article URLs for one config: the pattern is looked at once, not for each of tens of thousands of articles. */
export function articleUrlMaker(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>): (key: string, lang: string) => string {
  return urlPatternOf(config).urlOf;
}

/** The absolute URL of one language version, from the config's permalink pattern. */
export function articleUrl(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>, key: string, lang: string): string {
  return articleUrlMaker(config)(key, lang);
}

interface UrlPattern {
  readonly urlOf: (key: string, lang: string) => string;
  /**
   * Whether two articles can never share a URL: "{lang}" comes first and a "/" right after it
   * begins what stands before "{key}" (neither a language tag nor a key holds a "/"), as in the
   * default {lang}/{key}/. Then only explicit ids can clash with other ids.
   */
  readonly distinct: boolean;
}

/** Patterns looked at already, by config: articleUrl is asked for once per file that has an image. */
const patternsByConfig = new WeakMap<Pick<SiteConfig, 'baseUrl' | 'permalink'>, UrlPattern>();

export function urlPatternOf(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>): UrlPattern {
  let pattern = patternsByConfig.get(config);
  if (!pattern) {
    pattern = newUrlPattern(config);
    patternsByConfig.set(config, pattern);
  }
  return pattern;
}

function newUrlPattern(config: Pick<SiteConfig, 'baseUrl' | 'permalink'>): UrlPattern {
  // The pattern is relative to baseUrl even when written with a leading "/".
  const pattern = config.permalink.replace(/^\/+/, '');
  const sample = pattern.replaceAll('{lang}', 'x').replaceAll('{key}', 'x');
  // Keys (letters, digits, "_", "-") and language tags are URL-safe once encoded, so with a
  // plain pattern the URL is the base plus the path: what new URL() would give, far cheaper.
  const plain = /^[A-Za-z0-9\-_~%/]*$/.test(sample.replaceAll('.', '-')) && !/(^|\/)\.\.?(\/|$)/.test(sample);
  const [beforeLang, afterLang] = pattern.split('{lang}') as [string, string | undefined];
  const simple = plain && afterLang !== undefined && pattern.split('{lang}').length === 2 && !beforeLang.includes('{key}');
  const keyParts = simple ? afterLang.split('{key}') : [];
  const urlOf = (key: string, lang: string) => {
    // Another generator's key may be a path (`2024/hello`): each of its parts is encoded.
    const encodedKey = key.includes('/') ? key.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(key);
    const safeKey = /^[A-Za-z0-9_%-]+$/.test(encodedKey);
    if (safeKey && simple && keyParts.length === 2) return `${config.baseUrl}${beforeLang}${encodeURIComponent(lang)}${keyParts[0]}${encodedKey}${keyParts[1]}`;
    const path = pattern.replaceAll('{lang}', encodeURIComponent(lang)).replaceAll('{key}', encodedKey);
    return safeKey && plain ? config.baseUrl + path : new URL(path, config.baseUrl).href;
  };
  return { urlOf, distinct: simple && keyParts.length === 2 && keyParts[0]!.startsWith('/') };
}
