// Pure: an article's image references → errors for those that point into the site at no file under static/.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { localStaticPath } from '../urls/local-static-path.js';
import type { UrlBases } from '../urls/resolve-site-url.js';
import { findBodyImages } from './find-body-images.js';
import type { Article } from '../model/article.js';

export interface CheckArticleImagesInput {
  readonly article: Article;
  readonly bases: UrlBases;
  readonly staticFiles: ReadonlyMap<string, number>;
}

export function checkArticleImages({ article, bases, staticFiles }: CheckArticleImagesInput): BuildError[] {
  const errors: BuildError[] = [];
  const check = (src: string, position: { line?: number; column?: number }, path: (string | number)[]) => {
    const local = localStaticPath(src, bases);
    if (local !== undefined && !staticFiles.has(local)) {
      errors.push(makeError('IMAGE_NOT_FOUND', { src, local }, { file: article.file, path, ...position }));
    }
  };
  const image = article.frontMatter.image;
  // The field's line is filled in by the caller, which can parse the file again for it.
  if (image) check(image.src, {}, ['image', 'src']);
  for (const reference of findBodyImages(article.body)) {
    check(reference.src, { line: article.bodyStartLine + reference.lineOffset }, []);
  }
  return errors;
}
