// I/O (reads only): a folder of feeds (an output folder, or a copy of the published one) → the feed files in it and their texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { feedFormats } from '../serialize/feed-formats.js';

const FEED_FILE_NAMES = Object.values(feedFormats).map((format) => format.fileName);

/** Every `<folder>/rss.xml`, `<folder>/atom.xml` and `<folder>/feed.json` one level down, sorted; none when the folder does not exist. */
export function listFeedPaths(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const paths: string[] = [];
  for (const entry of entries) {
    // A language folder may be a symbolic link (to another copy of the feeds): statSync follows it.
    if (!statSync(join(dir, entry.name), { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const name of FEED_FILE_NAMES) {
      if (statSync(join(dir, entry.name, name), { throwIfNoEntry: false })?.isFile()) paths.push(`${entry.name}/${name}`);
    }
  }
  return paths.sort();
}

/** A feed file's text (UTF-8, as polyfeed writes it), or undefined when there is no such file. */
export function readFeedText(dir: string, path: string): string | undefined {
  if (!statSync(join(dir, path), { throwIfNoEntry: false })?.isFile()) return undefined;
  return readFileSync(join(dir, path), 'utf8');
}
