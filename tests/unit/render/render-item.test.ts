import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { compileTemplates } from '../../../src/render/compile-templates.js';
import { renderItem } from '../../../src/render/render-item.js';
import { createMarkdownRenderer } from '../../../src/render/render-markdown.js';
import { createTranslator } from '../../../src/translate/create-translator.js';
import type { PublishedArticle } from '../../../src/translate/published-entry.js';
import { publishArticles } from '../../helpers/publish-articles.js';
import { ConfigSchema } from '../../../src/model/config-schema.js';
import { validateArticle } from '../../../src/validate/validate-article.js';
import { type Article } from '../../../src/model/article.js';
import { arabicPlurals, labels, sampleTemplates } from '../../helpers/site-fixture.js';

const LANGUAGES = ['en', 'ar', 'fr'];
const config = () => ConfigSchema.parse({ baseUrl: 'https://example.org/news/', languages: LANGUAGES, defaultLanguage: 'en', authors: ['Desk'] });

function article(key: string, lang: string, frontMatter: string, body = 'Body text.\n'): Article {
  const file = `articles/${key}/${lang}.md`;
  const result = validateArticle({ file, key, lang, text: `---\n${frontMatter}\n---\n${body}` });
  // Warnings (raw <script> that will be removed) are expected in some bodies here.
  expect(result.errors.filter((error) => error.severity === 'error')).toEqual([]);
  return result.value!;
}

function setup() {
  const templates = compileTemplates(Object.entries(sampleTemplates()).map(([path, text]) => ({ path, text })));
  expect(templates.errors).toEqual([]);
  const resources = {
    en: { feed: JSON.parse(labels()) },
    ar: { feed: JSON.parse(labels({ item: { readMore: 'اقرأ المزيد', translations: 'متوفر أيضا باللغات:' } }, arabicPlurals)) },
    fr: { feed: JSON.parse(labels({}, { one: '{{count}} minute', many: '{{count}} minutes', other: '{{count}} minutes' })) },
  };
  const translatorFor = createTranslator(resources, LANGUAGES);
  const renderMarkdown = createMarkdownRenderer();
  return (entry: PublishedArticle) =>
    renderItem({ entry, siteUrl: config().baseUrl, template: templates.value!.item, renderMarkdown, t: translatorFor(entry.article.lang) });
}

function publish(...articles: Article[]): PublishedArticle[] {
  const result = publishArticles(articles, config());
  expect(result.errors).toEqual([]);
  return result.value;
}

const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');

describe('renderItem', () => {
  test('an Arabic item is marked lang="ar" dir="rtl" on its root element', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'ar', 'title: قمة هانوي\ndate: 2019-02-28T16:30:00+07:00', 'انتهت القمة.\n'));
    const { html } = render(entry!);
    expect(html).toMatch(/^<div lang="ar" dir="rtl">/);
    expect(html).toContain('انتهت القمة.');
  });

  test('an English item is lang="en" dir="ltr"', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: Summit\ndate: 2019-02-28T16:30:00+07:00'));
    expect(render(entry!).html).toMatch(/^<div lang="en" dir="ltr">/);
  });

  test('links to every other published language version, in its own language and direction', () => {
    const render = setup();
    const entries = publish(
      article('summit', 'en', 'title: Summit\ndate: 2019-02-28T16:30:00+07:00'),
      article('summit', 'ar', 'title: قمة\ndate: 2019-02-28T16:30:00+07:00'),
      article('summit', 'fr', 'title: Sommet\ndate: 2019-02-28T16:30:00+07:00'),
    );
    const { html } = render(entries.find((entry) => entry.article.lang === 'en')!);
    const links = [...html.matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)" dir="([^"]+)">([^<]+)<\/a>/g)].map((m) => m.slice(1));
    expect(links).toEqual([
      ['https://example.org/news/ar/summit/', 'ar', 'ar', 'rtl', 'العربية'],
      ['https://example.org/news/fr/summit/', 'fr', 'fr', 'ltr', 'français'],
    ]);
    expect(html).toContain('Also in:');
  });

  test('an item without translations has no translation links', () => {
    const render = setup();
    const [entry] = publish(article('solo', 'en', 'title: Solo\ndate: 2019-02-28T16:30:00+07:00'));
    const { html } = render(entry!);
    expect(html).not.toContain('class="translations"');
    expect(html).not.toContain('hreflang');
  });

  test('a draft translation is not linked', () => {
    const render = setup();
    const entries = publish(
      article('summit', 'en', 'title: Summit\ndate: 2019-02-28T16:30:00+07:00'),
      article('summit', 'fr', 'title: Sommet\ndate: 2019-02-28T16:30:00+07:00\ndraft: true'),
    );
    expect(render(entries[0]!).html).not.toContain('/fr/summit/');
  });

  test.each([
    [1, 'one', 'دقيقة واحدة'],
    [2, 'two', 'دقيقتان'],
    [3, 'few', '3 دقائق'],
    [11, 'many', '11 دقيقة'],
    [100, 'other', '100 دقيقة'],
  ])('an Arabic item read in %i minute(s) uses the %s plural form', (minutes, _category, expected) => {
    const render = setup();
    const [entry] = publish(article('long', 'ar', 'title: طويل\ndate: 2019-02-28T16:30:00+07:00', words(minutes * 200, 'كلمة')));
    expect(render(entry!).html).toContain(`<p class="reading-time">${expected}</p>`);
  });

  test('the t helper passes its hash to the translator: count=0 picks the Arabic zero form', () => {
    const template = compileTemplates([{ path: 'templates/item.hbs', text: '{{t "item.readingTime" count=0}}|{{t "item.readingTime" count=readingMinutes}}' }]);
    const translatorFor = createTranslator({ ar: { feed: JSON.parse(labels({}, arabicPlurals)) } }, ['ar']);
    const [entry] = publish(article('short', 'ar', 'title: قصير\ndate: 2019-02-28T16:30:00+07:00', 'نص.\n'));
    const { html } = renderItem({ entry: entry!, siteUrl: config().baseUrl, template: template.value!.item, renderMarkdown: createMarkdownRenderer(), t: translatorFor('ar') });
    expect(html).toBe('0 دقيقة|دقيقة واحدة');
  });

  test('the published date is shown in the written offset and language, with the ISO text as datetime', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: Summit\ndate: 2019-02-28T16:30:00+07:00'));
    const html = render(entry!).html.replace(/[\u202f\u00a0]/g, ' ');
    expect(html).toContain('<time datetime="2019-02-28T16:30:00+07:00">Published February 28, 2019 at 4:30 PM</time>');
  });

  test('authors are joined the way the language lists names; the dateline comes first', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00\nauthors: [Ann, Bob, Cy]\ndateline: Hanoi'));
    expect(render(entry!).html).toContain('<bdi class="dateline">Hanoi</bdi> — By <bdi>Ann</bdi>, <bdi>Bob</bdi>, and <bdi>Cy</bdi>');
  });

  test('the image is made absolute against the site URL and returned', () => {
    const render = setup();
    const [entry] = publish(
      article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00\nimage: { src: /media/hanoi.jpg, alt: "Two <leaders>", credit: Getty }'),
    );
    const { html, imageUrl } = render(entry!);
    expect(imageUrl).toBe('https://example.org/news/media/hanoi.jpg');
    expect(html).toContain('<img src="https://example.org/news/media/hanoi.jpg" alt="Two &lt;leaders&gt;" />');
    expect(html).toContain('Photo: <bdi>Getty');
  });

  test('no image gives no imageUrl', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00'));
    expect(render(entry!).imageUrl).toBeUndefined();
  });

  test('the body is sanitized HTML with absolute links; the item URL is the read-more link', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00', 'See [notes](notes/) <script>x()</script>\n'));
    const { html } = render(entry!);
    expect(html).toContain('<a href="https://example.org/news/en/summit/notes/">notes</a>');
    expect(html).not.toContain('<script');
    expect(html).toContain('<a href="https://example.org/news/en/summit/">Read more</a>');
  });

  test('front-matter text is escaped, not interpreted as HTML', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00\nauthors: [Ann]\ndateline: "<b>Hanoi</b> & co"'));
    expect(render(entry!).html).toContain('<bdi class="dateline">&lt;b&gt;Hanoi&lt;/b&gt; &amp; co</bdi>');
  });

  test('a video becomes a link to its player page', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00\nvideo: { provider: youtube, id: abc123, title: Talks }'));
    // Handlebars writes "=" in attributes as &#x3D;: compare what a browser reads.
    expect(decodeHTML(render(entry!).html)).toContain('<a href="https://www.youtube.com/watch?v=abc123">Watch the video: <bdi>Talks</bdi></a>');
  });

  test('an article without authors still shows its dateline', () => {
    const render = setup();
    const [entry] = publish(article('summit', 'en', 'title: S\ndate: 2019-02-28T16:30:00+07:00\ndateline: Hanoi'));
    expect(render(entry!).html).toContain('<bdi class="dateline">Hanoi</bdi>');
  });
});
