// Pure: the words `polyfeed init` writes into a new site, in each language polyfeed ships labels for.

/** What a new site says in one language: its feed's description, and its first article. */
export interface StarterTexts {
  /** `{name}` stands for the site's name. */
  readonly description: string;
  readonly articleTitle: string;
  readonly articleBody: string;
}

/** One entry per language of the packaged labels (defaults/locales/). */
export const STARTER_TEXTS: Readonly<Record<string, StarterTexts>> = {
  en: {
    description: 'The latest articles from {name}.',
    articleTitle: 'Welcome',
    articleBody: 'This is the first article of this site. Edit it or replace it, then run `polyfeed build` again.',
  },
  ar: {
    description: 'أحدث المقالات من {name}.',
    articleTitle: 'أهلًا وسهلًا',
    articleBody: 'هذه أول مقالة في هذا الموقع. عدّلها أو استبدل بها غيرها، ثم شغّل `polyfeed build` من جديد.',
  },
  de: {
    description: 'Die neuesten Artikel von {name}.',
    articleTitle: 'Willkommen',
    articleBody: 'Dies ist der erste Artikel dieser Website. Bearbeiten oder ersetzen Sie ihn und führen Sie dann erneut `polyfeed build` aus.',
  },
  es: {
    description: 'Los artículos más recientes de {name}.',
    articleTitle: 'Bienvenida',
    articleBody: 'Este es el primer artículo de este sitio. Edítalo o sustitúyelo y vuelve a ejecutar `polyfeed build`.',
  },
  fr: {
    description: 'Les derniers articles de {name}.',
    articleTitle: 'Bienvenue',
    articleBody: 'Voici le premier article de ce site. Modifiez-le ou remplacez-le, puis relancez `polyfeed build`.',
  },
  ja: {
    description: '{name}の最新記事。',
    articleTitle: 'ようこそ',
    articleBody: 'このサイトの最初の記事です。編集するか別の記事に置き換えてから、もう一度 `polyfeed build` を実行してください。',
  },
  'pt-BR': {
    description: 'Os artigos mais recentes de {name}.',
    articleTitle: 'Boas-vindas',
    articleBody: 'Este é o primeiro artigo deste site. Edite-o ou substitua-o e depois execute `polyfeed build` de novo.',
  },
  'zh-Hans': {
    description: '{name}的最新文章。',
    articleTitle: '欢迎',
    articleBody: '这是本网站的第一篇文章。修改或替换它，然后再次运行 `polyfeed build`。',
  },
};
