// Test helper: many articles, as a file map, with a marker in every title so two versions differ in every feed.
export function generateArticles(count: number, marker: string, languages: readonly string[] = ['en', 'ar']): Record<string, string> {
  const files: Record<string, string> = {};
  const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '.repeat(8);
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, '0');
    for (const lang of languages) {
      files[`articles/story-${index}/${lang}.md`] =
        `---\ntitle: Story ${index} ${marker}\ndate: 2024-${month}-${day}T${String(index % 24).padStart(2, '0')}:00:00Z\ntags: [news]\n---\n` +
        `## Part one\n\n${paragraph}\n\n## Part two\n\n${paragraph}\n`;
    }
  }
  return files;
}
