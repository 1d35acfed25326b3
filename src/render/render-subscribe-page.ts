// Pure: the subscribe page's context and templates → the page's HTML and the autodiscovery snippet's (config `subscribePage`).
import type Handlebars from 'handlebars';
import type { Translate } from '../translate/create-translator.js';
import type { PageTemplates } from './compile-templates.js';
import { isolateText, translateWithHtml } from './isolate-text.js';

/** One feed document as the page lists it and its `<link rel="alternate">` names it. */
export interface PageFeedLink {
  /** The feed's language (`mul` for the combined feed): the link's `hreflang`. */
  readonly hreflang: string;
  /** The language the link's title is written in. */
  readonly lang: string;
  readonly format: string;
  /** "RSS", "Atom", "JSON Feed". */
  readonly formatName: string;
  /** Its media type: the link's `type`. */
  readonly type: string;
  /** Its absolute URL. */
  readonly url: string;
  /** "Polyfeed Sample News (Atom)", in `lang`: the link's `title`. */
  readonly title: string;
}

/** A language's part of the page (or the combined feed's), in its own language and direction. */
export interface PageSection {
  /** The part's `id`, which the feeds' notes link to: the language tag, or `mul`. */
  readonly id: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The language's feed title (the combined feed's: every language's, joined). */
  readonly title: string;
  /** The language's feed description; null when empty, and for the combined feed. */
  readonly description: string | null;
  /** The language's own name for itself; null for the combined feed. */
  readonly languageName: string | null;
  /** Whether this is the combined feed's part. */
  readonly combined: boolean;
  readonly feeds: readonly PageFeedLink[];
}

/** What the subscribe page's template gets (documented in README, "A page for people"). */
export interface SubscribePageContext {
  /** The default language and its direction: the page's own. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The default language's feed title. */
  readonly title: string;
  /** Where the page is read. */
  readonly pageUrl: string;
  /** Every feed's autodiscovery link, in the order of the sections. */
  readonly links: readonly { readonly href: string; readonly type: string; readonly hreflang: string; readonly title: string }[];
  readonly sections: readonly PageSection[];
}

export interface RenderSubscribePageInput {
  readonly templates: PageTemplates;
  readonly context: SubscribePageContext;
  /** Labels of a language: `t` in the page translates in the language of the context it is called in (its `lang` field), the page's own outside a section. */
  readonly translatorFor: (lang: string) => Translate;
  /** The site's helpers (CompiledTemplates.helpers). */
  readonly siteHelpers?: Readonly<Record<string, Handlebars.HelperDelegate>>;
}

/**
 * The page and the snippet. The template is the site's code, not text from articles: its output is
 * a whole HTML document and is not sanitized as item HTML is (every field is escaped by `{{…}}`).
 * Throws TemplateRenderError or MissingLabelError (turned into problems by the caller).
 */
export function renderSubscribePage({ templates, context, translatorFor, siteHelpers }: RenderSubscribePageInput): { page: string; feedLinks: string } {
  const helpers = {
    ...siteHelpers,
    t(this: unknown, key: string, options: Handlebars.HelperOptions) {
      const own = (this as { lang?: unknown } | null)?.lang;
      return translateWithHtml(translatorFor(typeof own === 'string' ? own : context.lang), key, options.hash as Record<string, unknown>);
    },
    isolate: (text: unknown) => (typeof text === 'string' ? isolateText(text) : text),
  };
  return { page: templates.index(context, { helpers }), feedLinks: templates.feedLinks(context, { helpers }) };
}
