// Pure: i18next resources → one fixed `t` per language; a key missing at render time is a bug, not a fallback.
import i18next, { type TOptions } from 'i18next';
import { errorMessage } from '../model/error-catalogue.js';
import { LABEL_NAMESPACE, type LocaleResources } from './validate-locales.js';

/** Translates a label key for one language, e.g. `t('item.readingTime', { count: 3 })`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Thrown when a template asks for a key the locale check did not see (a key built at run time). */
export class MissingLabelError extends Error {
  constructor(
    readonly key: string,
    readonly lang: string,
  ) {
    super(errorMessage('LOCALE_MISSING_KEY', { kind: 'unknown-at-render', key, lang }));
    this.name = 'MissingLabelError';
  }
}

/** Texts remembered per language, at most. */
const MEMO_LIMIT = 4096;

/** One i18next instance per build; languages never fall back to another one. */
export function createTranslator(resources: LocaleResources, languages: readonly string[]): (lang: string) => Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: languages[0],
    supportedLngs: [...languages],
    fallbackLng: false,
    // Without this, "en-GB" would resolve through ["en-GB", "en"]: a silent fallback.
    load: 'currentOnly',
    ns: [LABEL_NAMESPACE],
    defaultNS: LABEL_NAMESPACE,
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
    // Handlebars escapes what helpers return; escaping here too would double-escape.
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  const cache = new Map<string, Translate>();
  return (lang) => {
    let translate = cache.get(lang);
    if (!translate) {
      const fixed = instance.getFixedT(lang, LABEL_NAMESPACE);
      // The same label with the same values is asked for by item after item (a byline, a
      // reading time): i18next's lookup and interpolation cost more than remembering the text.
      const texts = new Map<string, string>();
      translate = (key, options) => {
        const memoKey = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
        const known = texts.get(memoKey);
        if (known !== undefined) return known;
        if (!instance.exists(key, { lng: lang, ns: LABEL_NAMESPACE, ...options })) throw new MissingLabelError(key, lang);
        const text = fixed(key, options as TOptions) as string;
        if (texts.size >= MEMO_LIMIT) texts.clear(); // bounded, whatever the number of items
        texts.set(memoKey, text);
        return text;
      };
      cache.set(lang, translate);
    }
    return translate;
  };
}
