// Pure: an article file's bytes → its summary, cheaply, when nothing in it needs reporting; else undefined.
import { isUtf8 } from 'node:buffer';
import { splitFrontMatter } from '../load/split-front-matter.js';
import { articleUrl } from '../urls/article-url.js';
import { detachedCopy, type ArticleSummary } from '../model/article-summary.js';
import { BODY_RULES, type UndecodedBody } from './body-rules.js';
import { checkArticleImages } from './check-article-images.js';
import { mayHaveLocalImagesInBytes } from './find-body-images.js';
import { mayBeEmptyBody } from './is-empty-body.js';
import { parseArticlePath } from './parse-article-path.js';
import { validateFrontMatterFast } from './validate-front-matter-fast.js';
import { translationSourceProblem } from './translation-source-rule.js';
import { maxArticleBytes, type ArticleFileInput } from './validate-article-file.js';

/**
 * Most of an archive is clean, and a clean file's body is only ever searched for ASCII patterns
 * (raw HTML, images, control characters), so it is not decoded: read one byte per character,
 * it is searched as it is. Only the front matter is decoded, parsed and validated. Whenever
 * anything might need reporting (or the file has a byte order mark or CR), undefined sends the
 * file down the careful path, validateArticleFile, which finds and places every problem.
 */
export function summarizeCleanArticle({ path, bytes, config, staticFiles }: ArticleFileInput): ArticleSummary | undefined {
  // Another generator's layout takes the careful way (validateArticleFile), which reads its field names.
  if (config.content.layout !== 'polyfeed') return undefined;
  const location = parseArticlePath(path).value;
  if (!location || !config.languages.includes(location.lang)) return undefined;
  if (bytes.length > maxArticleBytes(config) || !isUtf8(bytes)) return undefined;
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = raw.toString('latin1');
  if (text.startsWith('\xEF\xBB\xBF') || text.includes('\r')) return undefined;
  const split = splitFrontMatter(text, path).value;
  if (!split) return undefined;
  const { body } = split;
  const undecoded: UndecodedBody = { bytes, start: text.length - body.length, latin1: body };
  if (BODY_RULES.some((rule) => rule.mayFind(undecoded)) || mayBeEmptyBody(body) || mayHaveLocalImagesInBytes(body)) return undefined;
  // With remoteImages set, an image on another host is checked too: the careful path finds them.
  if (config.remoteImages !== undefined && /!\[|<img/i.test(body)) return undefined;
  // The front matter starts on the second line; in this text a character's offset is its byte's.
  const yamlStart = text.indexOf('\n') + 1;
  const fm = validateFrontMatterFast(raw.toString('utf8', yamlStart, yamlStart + split.yamlText.length));
  if (!fm) return undefined;
  const { key, lang } = location;
  if (translationSourceProblem(fm, lang, config.languages)) return undefined;
  if (fm.image) {
    const bases = { siteUrl: config.baseUrl, pageUrl: articleUrl(config, key, lang, fm.slug) };
    const article = { key, lang, file: path, frontMatter: fm, body: '', bodyStartLine: 1 };
    if (checkArticleImages({ article, bases, staticFiles, config }).length > 0) return undefined;
  }
  const id = fm.id === undefined ? undefined : detachedCopy(fm.id);
  const slug = fm.slug === undefined ? undefined : detachedCopy(fm.slug);
  const translationOf = fm.translationOf === undefined ? undefined : detachedCopy(fm.translationOf);
  return { file: path, key, lang, title: detachedCopy(fm.title), dateMs: fm.date.epochMs, updatedMs: (fm.updated ?? fm.date).epochMs, id, draft: fm.draft === true, slug, translationOf };
}
