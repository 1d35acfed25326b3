// Pure (constants): where the pages for people (config `subscribePage`) are written in the output folder, and the labels they take.

/** The subscribe page: every feed of the site, with autodiscovery links and how to subscribe. */
export const SUBSCRIBE_PAGE_PATH = 'index.html';

/** The autodiscovery links alone, for the site's own `<head>`. */
export const FEED_LINKS_PATH = 'feeds-head.html';

/** The stylesheet RSS and Atom feeds link to, so that a feed opened in a browser reads as a page. */
export const FEED_STYLESHEET_PATH = 'feed.css';

/** Every page, in path order. */
export const SITE_PAGE_PATHS: readonly string[] = [FEED_STYLESHEET_PATH, FEED_LINKS_PATH, SUBSCRIBE_PAGE_PATH];

/** The labels the code writes into each RSS and Atom feed with `subscribePage`: what a feed is, and the link to the subscribe page. */
export const FEED_NOTE_KEYS = ['subscribe.feedNote', 'subscribe.allFeeds'] as const;

/** The label the code names each feed with, in its autodiscovery link and on the page: "{{title}} ({{format}})". */
export const FEED_LINK_TITLE_KEY = 'subscribe.linkTitle';

/**
 * Every label polyfeed ships for the pages (`subscribe.*`, in every packaged language): needed in
 * every language only with `subscribePage`, and then only those the code and the page's template use.
 */
export const SUBSCRIBE_LABEL_KEYS: readonly string[] = ['subscribe.pageTitle', 'subscribe.howTo', 'subscribe.combined', ...FEED_NOTE_KEYS, FEED_LINK_TITLE_KEY];

/** The namespace of the XHTML elements a feed carries for people (its note): browsers render them as HTML inside the XML document. */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Where the subscribe page is read: the output folder's own address (hosts serve its `index.html` there). */
export function subscribePageUrl(baseUrl: string): string {
  return new URL('./', baseUrl).href;
}

/** The href a feed document at `documentPath` (`en/rss.xml`, `en/archive/2/atom.xml`) gives `feed.css`: relative, so it is found wherever the output folder is served (a preview, a copy). */
export function feedStylesheetHref(documentPath: string): string {
  return `${'../'.repeat(documentPath.split('/').length - 1)}${FEED_STYLESHEET_PATH}`;
}
