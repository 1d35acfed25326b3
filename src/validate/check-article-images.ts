// Pure: an article's image references → errors for those neither found in a static folder nor allowed by remoteImages.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { SiteConfig } from '../model/config-schema.js';
import { imagePlacesOf, isListedRemoteImage } from '../urls/image-places.js';
import { localStaticPath } from '../urls/local-static-path.js';
import { parseSiteUrl, type UrlBases } from '../urls/resolve-site-url.js';
import { findBodyImages } from './find-body-images.js';
import type { Article } from '../model/article.js';

export interface CheckArticleImagesInput {
  readonly article: Article;
  readonly bases: UrlBases;
  /** Sizes of the files of the static folders (static/, then staticDir), keyed by their path below it. */
  readonly staticFiles: ReadonlyMap<string, number>;
  readonly config: Pick<SiteConfig, 'baseUrl' | 'staticDir' | 'remoteImages'>;
}

/**
 * The rule, in order: an image on this site (a site path, a relative path, a URL on baseUrl) is a
 * file of a static folder, or under a remoteImages prefix (the site serves it from where polyfeed
 * cannot see), else IMAGE_NOT_FOUND. An image on another host is accepted when remoteImages is
 * not set (as before it existed), and when set, only under one of its prefixes (IMAGE_NOT_ALLOWED).
 */
export function checkArticleImages({ article, bases, staticFiles, config }: CheckArticleImagesInput): BuildError[] {
  const places = imagePlacesOf(config);
  const errors: BuildError[] = [];
  const check = (src: string, position: { line?: number; column?: number }, path: (string | number)[]) => {
    const local = localStaticPath(src, bases);
    if (local !== undefined) {
      if (staticFiles.has(local)) return;
      const url = parseSiteUrl(src, bases)!.href;
      if (!isListedRemoteImage(url, places)) errors.push(makeError('IMAGE_NOT_FOUND', { src, local, folders: places.folders }, { file: article.file, path, ...position }));
      return;
    }
    if (places.remotePrefixes === undefined) return;
    const url = parseSiteUrl(src, bases);
    // Only web addresses are images a reader fetches; the URL rule and the sanitizer deal with the rest.
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) return;
    if (!isListedRemoteImage(url.href, places)) errors.push(makeError('IMAGE_NOT_ALLOWED', { src, url: url.href }, { file: article.file, path, ...position }));
  };
  const image = article.frontMatter.image;
  // The field's line is filled in by the caller, which can parse the file again for it.
  if (image) check(image.src, {}, ['image', 'src']);
  for (const reference of findBodyImages(article.body, { everyImage: places.remotePrefixes !== undefined })) {
    check(reference.src, { line: article.bodyStartLine + reference.lineOffset }, []);
  }
  return errors;
}
