// Pure: a validated site → its pages for people (config `subscribePage`): the subscribe page, its autodiscovery snippet and the feeds' stylesheet, as output files.
import { createHash } from 'node:crypto';
import { makeError, type BuildError } from '../model/build-error.js';
import type { FeedFormat, SiteConfig } from '../model/config-schema.js';
import type { OutputFile } from '../model/output-file.js';
import { COMBINED_FEED_LANG, feedFormatsOf } from '../model/combined-feed.js';
import { textDirection } from '../model/language-tag.js';
import { FEED_LINK_TITLE_KEY, FEED_LINKS_PATH, FEED_STYLESHEET_PATH, SITE_PAGE_PATHS, SUBSCRIBE_PAGE_PATH, subscribePageUrl } from '../model/site-pages.js';
import { TemplateRenderError } from '../render/compile-templates.js';
import { nativeLanguageName } from '../render/render-item.js';
import { renderSubscribePage, type PageFeedLink, type PageSection, type SubscribePageContext } from '../render/render-subscribe-page.js';
import { feedUrl } from '../serialize/build-feed-model.js';
import { MissingLabelError, type Translate } from '../translate/create-translator.js';
import type { ValidSite } from './feed-site.js';
import type { RenderTools } from './render-entries.js';

/** Each format's name on the page and its media type (the `type` of its autodiscovery link). */
const FORMAT_NAMES: Readonly<Record<FeedFormat, { readonly name: string; readonly type: string }>> = {
  rss: { name: 'RSS', type: 'application/rss+xml' },
  atom: { name: 'Atom', type: 'application/atom+xml' },
  json: { name: 'JSON Feed', type: 'application/feed+json' },
};

/** The pages of a site, described before they are made: like a language's feeds, a writer that kept their fingerprint may leave them alone. */
export interface SitePages {
  /** Relative to the output folder. */
  readonly paths: readonly string[];
  /** None: the pages get no compressed copies (config `precompress` is for feeds). */
  readonly compressedPaths: readonly string[];
  /** A digest of everything they are made from: polyfeed's code, the config, templates, labels and the packaged stylesheet. They depend on no article. */
  readonly fingerprint: string;
  /** Renders them: every file, or the problems met (then no file). */
  readonly make: () => { readonly files: readonly OutputFile[]; readonly errors: readonly BuildError[] };
}

type PageSite = Pick<ValidSite, 'config' | 'templates' | 'locales' | 'digest' | 'feedStylesheet'>;

/** The site's pages with `subscribePage` (and the templates and stylesheet polyfeed ships); undefined without. */
export function sitePagesOf(site: PageSite, tools: Pick<RenderTools, 'translatorFor'>, cacheVersion: string): SitePages | undefined {
  const { config, templates, feedStylesheet } = site;
  if (!config.subscribePage || !templates.page || feedStylesheet === undefined) return undefined;
  // The site's own stylesheet replaces feed.css (the feeds link to it instead).
  const paths = SITE_PAGE_PATHS.filter((path) => path !== FEED_STYLESHEET_PATH || config.stylesheet === undefined);
  const fingerprint = createHash('sha256').update(JSON.stringify([cacheVersion, site.digest, site.locales, feedStylesheet, paths])).digest('hex');
  return {
    paths,
    compressedPaths: [],
    fingerprint,
    make() {
      try {
        const context = subscribePageContext(config, tools.translatorFor);
        const { page, feedLinks } = renderSubscribePage({ templates: templates.page!, context, translatorFor: tools.translatorFor, siteHelpers: templates.helpers });
        const bodies: Record<string, string> = { [SUBSCRIBE_PAGE_PATH]: page, [FEED_LINKS_PATH]: feedLinks, [FEED_STYLESHEET_PATH]: feedStylesheet };
        return { files: paths.map((path) => ({ path, body: bodies[path]! })), errors: [] };
      } catch (error) {
        return { files: [], errors: [pageError(error)] };
      }
    },
  };
}

/** The links of one feed (a language's, or the combined one) in every format it is written in, named in `lang`. */
function feedLinksOf(config: SiteConfig, feedLang: string, lang: string, title: string, t: Translate): PageFeedLink[] {
  return feedFormatsOf(config, feedLang).map((format) => {
    const { name, type } = FORMAT_NAMES[format];
    return { hreflang: feedLang, lang, format, formatName: name, type, url: feedUrl(config, feedLang, format), title: t(FEED_LINK_TITLE_KEY, { title, format: name }) };
  });
}

/** What the page's template gets: a part per language in the config's order, then the combined feed's (in the default language). */
export function subscribePageContext(config: SiteConfig, translatorFor: (lang: string) => Translate): SubscribePageContext {
  const sections: PageSection[] = config.languages.map((lang) => {
    const t = translatorFor(lang);
    const title = t('feed.title');
    const description = t('feed.description');
    return { id: lang, lang, dir: textDirection(lang), title, description: description === '' ? null : description, languageName: nativeLanguageName(lang), combined: false, feeds: feedLinksOf(config, lang, lang, title, t) };
  });
  const main = translatorFor(config.defaultLanguage);
  if (config.combinedFeed.length > 0) {
    const title = main('subscribe.combined');
    sections.push({ id: COMBINED_FEED_LANG, lang: config.defaultLanguage, dir: textDirection(config.defaultLanguage), title, description: null, languageName: null, combined: true, feeds: feedLinksOf(config, COMBINED_FEED_LANG, config.defaultLanguage, title, main) });
  }
  return {
    lang: config.defaultLanguage,
    dir: textDirection(config.defaultLanguage),
    title: main('feed.title'),
    pageUrl: subscribePageUrl(config.baseUrl),
    links: sections.flatMap((section) => section.feeds.map((feed) => ({ href: feed.url, type: feed.type, hreflang: feed.hreflang, title: feed.title }))),
    sections,
  };
}

/** A label or template problem met while the page was rendered; a bug is rethrown. */
function pageError(error: unknown): BuildError {
  if (error instanceof MissingLabelError) {
    return makeError('LOCALE_MISSING_KEY', { kind: 'unknown-at-render', key: error.key, lang: error.lang }, { file: `locales/${error.lang}/feed.json`, path: error.key.split('.'), cause: error });
  }
  if (error instanceof TemplateRenderError) {
    return makeError('TEMPLATE_RENDER', { ...error.failure, article: SUBSCRIBE_PAGE_PATH }, { file: error.template, line: error.line, column: error.column, cause: error });
  }
  throw error;
}
