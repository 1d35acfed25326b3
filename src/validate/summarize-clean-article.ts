// Pure: an article file's bytes → its summary, cheaply, when nothing in it needs reporting; else undefined.
import { isUtf8 } from 'node:buffer';
import { parseYamlFast } from '../load/parse-yaml-fast.js';
import { splitFrontMatter } from '../load/split-front-matter.js';
import { articleUrl } from '../urls/article-url.js';
import { FrontMatterSchema } from '../model/article-schema.js';
import { detachedCopy, type ArticleSummary } from '../model/article-summary.js';
import { checkArticleImages } from './check-article-images.js';
import { mayHaveLocalImagesInBytes } from './find-body-images.js';
import { mayHoldUnsafeHtml } from './find-unsafe-html.js';
import { mayNestTooDeep } from './find-deep-nesting.js';
import { parseArticlePath } from './parse-article-path.js';
import type { ArticleFileInput } from './validate-article-file.js';

/**
 * The UTF-8 bytes of the characters findControlCharacters reports: C0 controls but tab, LF and
 * CR, and DEL (1); C1 controls, C2 80–C2 9F (2); U+FFFE and U+FFFF, EF BF BE/BF (3). In valid
 * UTF-8, C2 and EF only ever lead a sequence, so these find exactly those characters.
 */
const CONTROL_LEAD = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) CONTROL_LEAD[byte] = 1;
CONTROL_LEAD[0x7f] = 1;
CONTROL_LEAD[0xc2] = 2;
CONTROL_LEAD[0xef] = 3;

/** Whether valid UTF-8 `bytes` hold, from `start` on, a character findControlCharacters reports (a loop beats a regex here). */
function hasControlCharacter(bytes: Uint8Array, start: number): boolean {
  for (let index = start; index < bytes.length; index++) {
    const kind = CONTROL_LEAD[bytes[index]!];
    if (kind === 0) continue;
    if (kind === 1) return true;
    const next = bytes[index + 1]!;
    if (kind === 2 ? next >= 0x80 && next <= 0x9f : next === 0xbf && (bytes[index + 2] === 0xbe || bytes[index + 2] === 0xbf)) return true;
  }
  return false;
}

/** Some printable ASCII character: a body holding one is not empty, whatever else it holds. */
const PRINTABLE_ASCII = /[\x21-\x7E]/;

/**
 * Most of an archive is clean, and a clean file's body is only ever searched for ASCII patterns
 * (raw HTML, images, control characters), so it is not decoded: read one byte per character,
 * it is searched as it is. Only the front matter is decoded, parsed and validated. Whenever
 * anything might need reporting (or the file has a byte order mark or CR), undefined sends the
 * file down the careful path, validateArticleFile, which finds and places every problem.
 */
export function summarizeCleanArticle({ path, bytes, config, staticFiles }: ArticleFileInput): ArticleSummary | undefined {
  const location = parseArticlePath(path).value;
  if (!location || !config.languages.includes(location.lang)) return undefined;
  if (bytes.length > config.maxFileSizeKb * 1024 || !isUtf8(bytes)) return undefined;
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = raw.toString('latin1');
  if (text.startsWith('\xEF\xBB\xBF') || text.includes('\r')) return undefined;
  const split = splitFrontMatter(text, path).value;
  if (!split) return undefined;
  const { body } = split;
  if (hasControlCharacter(bytes, text.length - body.length) || !PRINTABLE_ASCII.test(body) || mayHoldUnsafeHtml(body) || mayHaveLocalImagesInBytes(body) || mayNestTooDeep(body)) return undefined;
  // The front matter starts on the second line; in this text a character's offset is its byte's.
  const yamlStart = text.indexOf('\n') + 1;
  const parsed = parseYamlFast(raw.toString('utf8', yamlStart, yamlStart + split.yamlText.length));
  if (parsed === undefined || parsed.data === null || typeof parsed.data !== 'object') return undefined;
  const result = FrontMatterSchema.safeParse(parsed.data);
  if (!result.success) return undefined;
  const fm = result.data;
  if (fm.updated && fm.updated.epochMs < fm.date.epochMs) return undefined;
  const { key, lang } = location;
  if (fm.image) {
    const bases = { siteUrl: config.baseUrl, pageUrl: articleUrl(config, key, lang) };
    const article = { key, lang, file: path, frontMatter: fm, body: '', bodyStartLine: 1 };
    if (checkArticleImages({ article, bases, staticFiles }).length > 0) return undefined;
  }
  const id = fm.id === undefined ? undefined : detachedCopy(fm.id);
  return { file: path, key, lang, title: detachedCopy(fm.title), dateMs: fm.date.epochMs, updatedMs: (fm.updated ?? fm.date).epochMs, id, draft: fm.draft === true };
}
