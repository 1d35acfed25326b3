// Pure: what `polyfeed init` writes: a site that builds at once, in the languages asked for, with polyfeed's packaged templates and labels.
import { STARTER_TEXTS } from './starter-texts.js';
import { CONFIG_FILE_NAME } from '../load/read-sources.js';
import { sitePathOf, type PackagedDefaults } from '../load/read-packaged-defaults.js';
import { labelsOfLanguage, type LabelTree } from '../translate/labels-of-language.js';
import { decodeText } from '../load/decode-text.js';

export interface NewSiteInput {
  /** The site's name, for its feed titles (the folder's name). */
  readonly name: string;
  /** BCP 47 tags, each with packaged labels; the first is the default language. */
  readonly languages: readonly string[];
  /** The first article's date (ISO 8601 with an offset). */
  readonly date: string;
  /** polyfeed's packaged templates and labels, copied into the site with `eject`. */
  readonly packaged: PackagedDefaults;
  /** Copy the packaged templates and labels into the site, to be edited. */
  readonly eject: boolean;
}

/** A file to write: its path in the site and its text. */
export interface NewFile {
  readonly path: string;
  readonly text: string;
}

/** The name of the GitHub Actions workflow a new site gets. */
export const WORKFLOW_PATH = '.github/workflows/polyfeed.yml';

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function configText({ name, languages }: NewSiteInput): string {
  return `# polyfeed site settings: every field is described in polyfeed's README ("Configuration").
# Set baseUrl to the address the output folder (outDir) is published at.
baseUrl: https://example.org/
languages: [${languages.join(', ')}]
defaultLanguage: ${languages[0]}
outDir: public
authors:
  - name: ${yamlString(name)}
# index.html lists the feeds for people, and a feed opened in a browser reads as a page (README, "A page for people").
subscribePage: true
`;
}

function packagedLabels(packaged: PackagedDefaults, lang: string): LabelTree | undefined {
  const file = packaged.localeFiles.find((candidate) => sitePathOf(candidate.path) === `locales/${lang}/feed.json`);
  const text = file && decodeText(file).value;
  return text === undefined ? undefined : (JSON.parse(text) as LabelTree);
}

/** The site's own labels for a language: its feed's title, description and copyright; with `eject`, every packaged label too. */
function labelsText(input: NewSiteInput, lang: string): string {
  const texts = STARTER_TEXTS[lang]!;
  const own = { feed: { title: input.name, description: texts.description.replace('{name}', input.name), copyright: `© ${input.date.slice(0, 4)} ${input.name}` } };
  // The site's own labels first: they are what a new site edits.
  const labels = input.eject ? { ...own, ...labelsOfLanguage(packagedLabels(input.packaged, lang), own) } : own;
  return `${JSON.stringify(labels, null, 2)}\n`;
}

function articleText(input: NewSiteInput, lang: string): string {
  const texts = STARTER_TEXTS[lang]!;
  return `---\ntitle: ${yamlString(texts.articleTitle)}\ndate: ${input.date}\n---\n${texts.articleBody}\n`;
}

/** The workflow of examples/github-actions/polyfeed.yml, trimmed to what a new site needs. */
const WORKFLOW = `# Builds the feeds every 10 minutes (scheduled articles come out on time), on demand and on every
# push to main. The site's package.json must list polyfeed (npm install --save-exact polyfeed).
name: polyfeed

on:
  schedule:
    - cron: '*/10 * * * *'
  workflow_dispatch:
  push:
    branches: [main]

# The job pushes published-ids.tsv back to the branch it built.
permissions:
  contents: write

# One build of a branch at a time: two runs must not push the manifest over each other.
concurrency:
  group: polyfeed-\${{ github.ref }}
  cancel-in-progress: false

jobs:
  feeds:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm

      - run: npm ci

      - name: Restore the polyfeed cache
        uses: actions/cache@v4
        with:
          path: .polyfeed-cache
          key: polyfeed-\${{ runner.os }}-\${{ github.ref }}~\${{ github.run_id }}
          restore-keys: |
            polyfeed-\${{ runner.os }}-\${{ github.ref }}~

      # Every problem as an annotation on the file and line; nothing is built if one is an error.
      - name: Check the sources
        run: npx polyfeed check --format github

      - name: Build the feeds
        run: npx polyfeed build

      - name: Commit published-ids.tsv
        run: |
          if [ -f published-ids.tsv ] && [ -n "$(git status --porcelain -- published-ids.tsv)" ]; then
            git config user.name 'github-actions[bot]'
            git config user.email '41898282+github-actions[bot]@users.noreply.github.com'
            git add published-ids.tsv
            git commit -m 'polyfeed: update published-ids.tsv'
            git push
          fi

      # Deploying public/ is up to you: your host's action, rsync, an object store…
`;

/** Every file of the new site, in path order. */
export function newSiteFiles(input: NewSiteInput): NewFile[] {
  const files: NewFile[] = [
    { path: CONFIG_FILE_NAME, text: configText(input) },
    { path: WORKFLOW_PATH, text: WORKFLOW },
    ...input.languages.flatMap((lang) => [
      { path: `locales/${lang}/feed.json`, text: labelsText(input, lang) },
      { path: `articles/welcome/${lang}.md`, text: articleText(input, lang) },
    ]),
  ];
  if (input.eject) {
    for (const file of input.packaged.templateFiles) {
      const text = decodeText(file).value;
      if (text !== undefined) files.push({ path: sitePathOf(file.path), text });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The languages `init` can start a site in: those polyfeed ships labels and starter texts for. */
export function starterLanguages(packaged: PackagedDefaults): string[] {
  return packaged.localeFiles.map((file) => sitePathOf(file.path).split('/')[1]!).filter((lang) => lang in STARTER_TEXTS);
}
