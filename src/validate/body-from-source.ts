// Pure: an Article whose body is read again from its file's bytes when asked for, instead of being held.
import { decodeText } from '../load/decode-text.js';
import type { SourceFile } from '../load/read-sources.js';
import { splitFrontMatter } from '../load/split-front-matter.js';
import type { Article } from './validate-article.js';

/**
 * Only the few items that go into feeds are rendered, but every article is validated: holding
 * every decoded body (hundreds of MB for 50,000 files, twice that for Arabic or Japanese text)
 * would bound memory by the archive. The bytes are held anyway, so the body is derived again,
 * from them, by the renderer that needs it.
 */
export function withBodyFromSource(article: Article, file: SourceFile): Article {
  const { body: _body, ...rest } = article;
  return Object.defineProperty(rest, 'body', {
    enumerable: true,
    get: () => splitFrontMatter(decodeText(file).value ?? '', file.path).value?.body ?? '',
  }) as Article;
}
