// I/O: `polyfeed new <key> --lang xx`: reads the config, then writes articles/<key>/<lang>.md dated now in the site's time zone, never over a file.
import { CONFIG_FILE_NAME } from '../load/read-sources.js';
import { readConfigOnly } from './read-config-only.js';
import { parseArticlePath } from '../validate/parse-article-path.js';
import { formatZonedDateTime } from '../model/format-zoned-date-time.js';
import { writeNewFiles } from '../write/write-new-files.js';
import { ExitCode, type RunOutcome } from './run-outcome.js';
import { newArticleFile, titleFromKey } from './new-article-file.js';

export interface NewOptions {
  readonly root: string;
  readonly key: string;
  readonly lang: string;
  readonly title?: string | undefined;
  readonly draft: boolean;
  /** "Now" (from --now, SOURCE_DATE_EPOCH or the clock), the article's date. */
  readonly nowMs: number;
}

/** The time zone the config names (`timezone:`, an IANA name), if it names one. */
function timeZoneOf(config: object): string | undefined {
  const zone = (config as { timezone?: unknown }).timezone;
  return typeof zone === 'string' ? zone : undefined;
}

export function runNew(options: NewOptions): RunOutcome {
  const { root, key, lang } = options;
  const read = readConfigOnly(root);
  if ('outcome' in read) return read.outcome;
  const config = { value: read.config };
  // The key and language follow the rules of an article file's path (INVALID_ARTICLE_KEY, INVALID_LANGUAGE_TAG).
  const path = parseArticlePath(`articles/${key}/${lang}.md`);
  if (path.errors.length > 0) return { kind: 'report', exitCode: ExitCode.usage, problems: path.errors, ok: false };
  const { languages } = config.value;
  if (!languages.includes(lang)) {
    return {
      kind: 'usage',
      message: `"${lang}" is not one of the languages of ${CONFIG_FILE_NAME} (${languages.join(', ')}).\nhint: pick one of them, or add "${lang}" to "languages" first (see README, "Adding a language").`,
    };
  }
  let date: string;
  try {
    date = formatZonedDateTime(options.nowMs, timeZoneOf(config.value));
  } catch {
    return { kind: 'usage', message: `The time zone "${timeZoneOf(config.value)}" of ${CONFIG_FILE_NAME} is not one this Node.js knows.` };
  }
  const file = newArticleFile({ key, lang, title: options.title ?? titleFromKey(key), date, draft: options.draft });
  const written = writeNewFiles(root, [file], false);
  if ('existing' in written) return { kind: 'usage', message: `${file.path} exists already; polyfeed new never overwrites an article.` };
  return { kind: 'report', exitCode: ExitCode.ok, problems: [], ok: true, summary: [`Wrote ${file.path} (dated ${date}). Write the article, then run polyfeed build.`] };
}
