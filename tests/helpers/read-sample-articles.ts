// Test helper: reads the sample site's article sources independently of polyfeed's loader, as the expected values.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ExpectedArticle {
  key: string;
  lang: string;
  title: string;
  date: string;
  updated: string | undefined;
  tags: string[];
  authors: string[];
  draft: boolean;
  url: string;
  /** The first paragraph of the body, with Markdown emphasis and links reduced to their text. */
  firstParagraphText: string;
}

export function readSampleArticles(root: string, baseUrl: string): ExpectedArticle[] {
  const out: ExpectedArticle[] = [];
  for (const key of readdirSync(join(root, 'articles')).sort()) {
    for (const file of readdirSync(join(root, 'articles', key)).sort()) {
      const text = readFileSync(join(root, 'articles', key, file), 'utf8');
      const [, frontMatter, ...rest] = text.split(/^---$/m);
      const data = parse(frontMatter!) as Record<string, unknown>;
      const firstParagraph = rest.join('---').trim().split(/\n\s*\n/)[0]!;
      const lang = file.replace(/\.md$/, '');
      out.push({
        key,
        lang,
        title: data.title as string,
        date: data.date as string,
        updated: data.updated as string | undefined,
        tags: (data.tags as string[] | undefined) ?? [],
        authors: ((data.authors as unknown[] | undefined) ?? []).map((a) => (typeof a === 'string' ? a : (a as { name: string }).name)),
        draft: data.draft === true,
        url: `${baseUrl}${lang}/${key}/`,
        firstParagraphText: firstParagraph.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' '),
      });
    }
  }
  return out;
}

/** The sample config's fallback chains (`fallbacks`), read with a YAML parser of their own. */
export function readSampleFallbacks(root: string): Record<string, string[]> {
  const config = parse(readFileSync(join(root, 'polyfeed.config.yaml'), 'utf8')) as { fallbacks?: Record<string, string | string[]> };
  return Object.fromEntries(Object.entries(config.fallbacks ?? {}).map(([lang, chain]) => [lang, typeof chain === 'string' ? [chain] : chain]));
}

/**
 * The items a language's feeds must carry, newest first: its published versions and, with a
 * fallback chain, for each article without one, the published version of the first language of
 * the chain that has one (issue 15).
 */
export function expectedFeedItems(articles: readonly ExpectedArticle[], lang: string, fallbacks: Record<string, string[]>): ExpectedArticle[] {
  const published = articles.filter((article) => !article.draft);
  const own = published.filter((article) => article.lang === lang);
  const covered = new Set(own.map((article) => article.key));
  const taken: ExpectedArticle[] = [];
  for (const other of fallbacks[lang] ?? []) {
    for (const article of published.filter((version) => version.lang === other && !covered.has(version.key))) {
      covered.add(article.key);
      taken.push(article);
    }
  }
  return [...own, ...taken].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}
