// Pure: how a command's summary counts the pages for people besides the feeds.

/** " and 3 pages", said only when the build makes pages (config `subscribePage`). */
export function pagesCount(pagePaths: readonly string[]): string {
  return pagePaths.length === 0 ? '' : ` and ${pagePaths.length} pages`;
}
