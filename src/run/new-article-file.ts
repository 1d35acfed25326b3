// Pure: an article key, a language, a title and a date → the file `polyfeed new` writes.

/** `river-flood_2025` → `River flood 2025`: a title to start from when none is given. */
export function titleFromKey(key: string): string {
  const words = key.split(/[-_]+/).filter((word) => word !== '').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `articles/<key>/<lang>.md` with valid front matter (title, date, and `draft: true` when asked) and a line to replace. */
export function newArticleFile(input: { key: string; lang: string; title: string; date: string; draft: boolean }): { path: string; text: string } {
  const lines = ['---', `title: ${JSON.stringify(input.title)}`, `date: ${input.date}`, ...(input.draft ? ['draft: true'] : []), '---', 'Write the article here.', ''];
  return { path: `articles/${input.key}/${input.lang}.md`, text: lines.join('\n') };
}
