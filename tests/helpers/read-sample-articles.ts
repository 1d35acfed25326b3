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
