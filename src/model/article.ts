// Pure (types): one language version of an article, as validated.
import type { FrontMatter } from './article-schema.js';

/** One language version of an article, as validated. */
export interface Article {
  /** The article folder name, shared by all its language versions. */
  readonly key: string;
  /** BCP 47 tag, from the file name. */
  readonly lang: string;
  /** Site-relative path of the source file. */
  readonly file: string;
  readonly frontMatter: FrontMatter;
  /** Markdown text after the front matter. */
  readonly body: string;
  /** File line of the body's first line, for positions in body problems. */
  readonly bodyStartLine: number;
}
