// Generates a deterministic synthetic site for the benchmark: N articles in five languages, ~80 % translated.
import { mkdirSync, writeFileSync, existsSync, rmSync, renameSync, cpSync } from 'node:fs';
import { join } from 'node:path';

const LANGUAGES = ['en', 'ar', 'fr', 'ja', 'de'];
const TRANSLATION_SHARE = 0.8;

/** mulberry32: a small seeded PRNG, so every run generates the same site. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  en: 'the city council flood river report market science data people school election water energy health court storm rain budget climate minister',
  ar: 'المدينة المجلس الفيضان النهر التقرير السوق العلم البيانات الناس المدرسة الانتخابات الماء الطاقة الصحة المحكمة العاصفة المطر الميزانية المناخ الوزير',
  fr: 'la ville conseil inondation rivière rapport marché science données gens école élection eau énergie santé tribunal tempête pluie budget climat ministre',
  ja: '市 議会 洪水 川 報告 市場 科学 データ 人々 学校 選挙 水 エネルギー 健康 裁判所 嵐 雨 予算 気候 大臣',
  de: 'die Stadt Rat Hochwasser Fluss Bericht Markt Wissenschaft Daten Menschen Schule Wahl Wasser Energie Gesundheit Gericht Sturm Regen Haushalt Klima',
};

function sentence(random, lang, words) {
  const vocabulary = WORDS[lang].split(' ');
  const picked = Array.from({ length: words }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
  return lang === 'ja' ? `${picked.join('')}。` : `${picked.join(' ')}.`;
}

function paragraph(random, lang) {
  return Array.from({ length: 5 }, () => sentence(random, lang, 10 + Math.floor(random() * 8))).join(' ');
}

/** About 3.5 KB of Markdown: headings, paragraphs, a link, a list, a quote and an image. */
function body(random, lang, index) {
  return [
    paragraph(random, lang),
    `## ${sentence(random, lang, 4)}`,
    `${paragraph(random, lang)} [${sentence(random, lang, 2)}](/${lang}/story-${(index * 7) % 1000}/)`,
    `- ${sentence(random, lang, 6)}\n- ${sentence(random, lang, 6)}\n- ${sentence(random, lang, 6)}`,
    `> ${paragraph(random, lang)}`,
    `![${sentence(random, lang, 3)}](https://cdn.example.org/media/${index}.jpg)`,
    `## ${sentence(random, lang, 4)}`,
    paragraph(random, lang),
    paragraph(random, lang),
  ].join('\n\n');
}

function article(random, lang, index) {
  const day = new Date(Date.UTC(2015, 0, 1) + index * 3_600_000 * 5);
  const tags = Array.from({ length: 3 }, () => sentence(random, lang, 1).replace(/[.。]$/, ''));
  return `---
title: "${sentence(random, lang, 7).replace(/"/g, '')}"
date: ${day.toISOString().replace('.000Z', '+00:00')}
summary: "${sentence(random, lang, 18).replace(/"/g, '')}"
authors:
  - name: Reporter ${index % 97}
    url: https://news.example.org/authors/${index % 97}/
tags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]
dateline: ${sentence(random, lang, 1).replace(/[.。]$/, '')}
image:
  src: https://cdn.example.org/media/${index}.jpg
  alt: ${sentence(random, lang, 5)}
  caption: ${sentence(random, lang, 6)}
  credit: Agency ${index % 13}
---
${body(random, lang, index)}
`;
}

/** Writes the site to `folder` (replacing it) with polyfeed's packaged templates as its own and the sample site's feed titles (item labels are polyfeed's packaged ones). */
export function generateSite({ folder, articles, repoRoot, seed = 20261125 }) {
  const random = createRandom(seed + articles);
  const staging = `${folder}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'articles'), { recursive: true });
  writeFileSync(
    join(staging, 'polyfeed.config.yaml'),
    `baseUrl: https://news.example.org/\nlanguages: [${LANGUAGES.join(', ')}]\ndefaultLanguage: en\nmaxItems: 50\nauthors: [Bench Desk]\n`,
  );
  cpSync(join(repoRoot, 'defaults/templates'), join(staging, 'templates'), { recursive: true });
  for (const lang of LANGUAGES) {
    const source = existsSync(join(repoRoot, 'locales', lang)) ? lang : 'en';
    cpSync(join(repoRoot, 'locales', source), join(staging, 'locales', lang), { recursive: true });
  }
  let files = 0;
  for (let index = 0; index < articles; index++) {
    const folderPath = join(staging, 'articles', `story-${String(index).padStart(6, '0')}`);
    mkdirSync(folderPath);
    for (const lang of LANGUAGES) {
      if (lang !== 'en' && random() > TRANSLATION_SHARE) continue;
      writeFileSync(join(folderPath, `${lang}.md`), article(random, lang, index));
      files += 1;
    }
  }
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
  return files;
}
