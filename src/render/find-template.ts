// Pure: a site's template files and polyfeed's packaged ones → the file each template name is read from.
import { sitePathOf } from '../load/read-packaged-defaults.js';

/** The folder templates are named from: `templates/item.hbs` is the template `item`, `templates/partials/byline.hbs` is `partials/byline`. */
const TEMPLATES_FOLDER = 'templates/';
const EXTENSION = '.hbs';

/** A template's name from its file's path, the site's (`templates/partials/byline.hbs`) or a packaged one (`<polyfeed>/templates/…`): `partials/byline`. */
export function templateNameOf(path: string): string {
  const sitePath = sitePathOf(path);
  return sitePath.slice(TEMPLATES_FOLDER.length, sitePath.endsWith(EXTENSION) ? -EXTENSION.length : undefined);
}

/** The path a site gives the template `name`: `partials/byline` → `templates/partials/byline.hbs`. */
export function templatePathOf(name: string): string {
  return `${TEMPLATES_FOLDER}${name}${EXTENSION}`;
}

/**
 * The file the template `name` is read from: the site's own when it has one, else polyfeed's
 * packaged one, else undefined. The one lookup rule for every template and partial, those polyfeed
 * ships now and any it ships later.
 */
export function findTemplate<File extends { readonly path: string }>(name: string, siteFiles: readonly File[], packagedFiles: readonly File[]): File | undefined {
  return siteFiles.find((file) => templateNameOf(file.path) === name) ?? packagedFiles.find((file) => templateNameOf(file.path) === name);
}

/** Every template a site renders with, once each, found by findTemplate: its own files, and the packaged ones it does not replace; in name order. */
export function templateFilesOf<File extends { readonly path: string }>(siteFiles: readonly File[], packagedFiles: readonly File[]): File[] {
  const names = [...new Set([...siteFiles, ...packagedFiles].map((file) => templateNameOf(file.path)))].sort();
  return names.map((name) => findTemplate(name, siteFiles, packagedFiles)!);
}
