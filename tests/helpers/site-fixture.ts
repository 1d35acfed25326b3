// Test helper: builds SiteSources in memory or a site folder on disk from an object map of files.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources, type SiteSources } from '../../src/load/read-sources.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** polyfeed's packaged templates (defaults/templates/) as a site's own file map (`templates/…`), so fixtures render like the real site and can edit or remove one. */
export function sampleTemplates(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(readTree(join(repoRoot, 'defaults/templates')))) files[`templates/${path}`] = bytes.toString('utf8');
  return files;
}

export const minimalConfig = `baseUrl: https://example.org/
languages: [en, ar]
defaultLanguage: en
authors: [Example Desk]
`;

export function labels(overrides: Record<string, unknown> = {}, pluralForms: Record<string, string> = { one: '{{count}} minute', other: '{{count}} minutes' }) {
  const readingTime = Object.fromEntries(Object.entries(pluralForms).map(([category, text]) => [`readingTime_${category}`, text]));
  return JSON.stringify({
    feed: { title: 'Example', description: 'Example feed', copyright: '© Example', ...(overrides.feed as object) },
    item: {
      byline: 'By {{authors}}',
      publishedOn: 'Published {{date}}',
      updatedOn: 'Updated {{date}}',
      readMore: 'Read more',
      photoCredit: 'Photo: {{credit}}',
      watchVideo: 'Watch the video',
      translations: 'Also in:',
      ...readingTime,
      ...(overrides.item as object),
    },
  });
}

export const arabicPlurals = { zero: '{{count}} دقيقة', one: 'دقيقة واحدة', two: 'دقيقتان', few: '{{count}} دقائق', many: '{{count}} دقيقة', other: '{{count}} دقيقة' };

/** A small valid two-language site; pass files to add or replace (undefined removes). */
export function siteFiles(files: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    'polyfeed.config.yaml': minimalConfig,
    'locales/en/feed.json': labels(),
    'locales/ar/feed.json': labels({}, arabicPlurals),
    'articles/first/en.md': '---\ntitle: First\ndate: 2025-03-14T09:30:00+01:00\n---\nHello **world**.\n',
    ...sampleTemplates(),
    ...files,
  };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Writes a file map into a new temporary folder and returns its path. */
export function writeSite(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'polyfeed-test-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** SiteSources for a file map, read back through the real loader. */
export function sourcesOf(files: Record<string, string | Uint8Array>): SiteSources {
  return readSources(writeSite(files));
}

/**
 * The sample site's own files (its config, articles, labels, templates and static files) as a file
 * map: nothing else of the repository, whose node_modules may be a link to a folder (in a git worktree).
 */
export function sampleSiteFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = { 'polyfeed.config.yaml': readFileSync(join(repoRoot, 'polyfeed.config.yaml')) };
  for (const folder of ['articles', 'locales', 'templates', 'static']) {
    if (!existsSync(join(repoRoot, folder))) continue; // the sample site takes its templates from polyfeed's defaults
    for (const [path, bytes] of Object.entries(readTree(join(repoRoot, folder)))) files[`${folder}/${path}`] = bytes;
  }
  return files;
}

/** Every file under a folder, as a map of relative path → bytes. */
export function readTree(root: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  visit(root);
  return out;
}

/** Every file under a folder with its bytes and mtime: what "nothing was written" is checked against. */
export function folderState(root: string): Record<string, string> {
  const tree = readTree(root);
  return Object.fromEntries(Object.entries(tree).map(([path, bytes]) => [path, `${bytes.toString('base64')} ${statSync(join(root, path)).mtimeMs}`]));
}
