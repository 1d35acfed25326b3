// I/O (reads only): the published-ids guard of a build or a check: the manifest read and compared with what the site publishes; its problems join the run's.
import { hasFatalErrors, type BuildError } from '../model/build-error.js';
import { decodeText } from '../load/decode-text.js';
import { PUBLISHED_IDS_FILE, readPublishedIds } from '../load/read-published-ids.js';
import type { SiteSources } from '../load/read-sources.js';
import { createFieldLocator, locateFields } from '../validate/locate-field.js';
import { parsePublishedIds, type ParsedPublishedIds } from '../translate/parse-published-ids.js';
import { validatePublishedIds, type PublishedIdsUpdate } from '../translate/validate-published-ids.js';
import type { ReadSiteResult } from './read-site.js';

/** A site read, with the guard's problems added to its own; the manifest's update when the site is valid. */
export interface GuardedSite {
  readonly read: ReadSiteResult;
  readonly publishedIds: PublishedIdsUpdate | undefined;
}

/** The manifest's bytes as text, parsed; undefined when there is none. Bytes that decodeText changes (a byte order mark, CRLF) are not canonical. */
function readManifest(root: string, errors: BuildError[]): ParsedPublishedIds | undefined {
  const source = readPublishedIds(root);
  errors.push(...source.errors);
  if (!source.file) return undefined;
  const decoded = decodeText(source.file);
  errors.push(...decoded.errors);
  if (decoded.value === undefined) return undefined;
  const parsed = parsePublishedIds(decoded.value, PUBLISHED_IDS_FILE);
  errors.push(...parsed.errors);
  const { bytes } = source.file;
  const asDecoded = bytes.indexOf(13) === -1 && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  return asDecoded ? parsed : { ...parsed, canonical: false };
}

/**
 * Reads published-ids.tsv and checks the site's published versions against it. A manifest that
 * cannot be read is a problem whatever else is wrong; ids are compared only on a valid site (an
 * article with a problem is not published, and would look dropped). The site is dropped from
 * the result when the guard finds an error, so nothing is built from it.
 */
export function guardPublishedIds(root: string, read: ReadSiteResult, accept: boolean): GuardedSite {
  const errors: BuildError[] = [];
  const manifest = readManifest(root, errors);
  const { site } = read.validated;
  const unreadable = errors.length > 0 && manifest === undefined;
  if (!site || unreadable) return { read: withProblems(read, errors), publishedIds: undefined };
  const checked = validatePublishedIds({ manifest, file: PUBLISHED_IDS_FILE, published: site.published, languages: site.config.languages, accept });
  const readArticleBytes = (read.sources as SiteSources).readArticleBytes;
  const locate = createFieldLocator((path) => {
    const bytes = readArticleBytes(path);
    return bytes === undefined ? undefined : decodeText({ path, bytes }).value;
  });
  errors.push(...locateFields(checked.errors, locate));
  return { read: withProblems(read, errors), publishedIds: checked.value };
}

function withProblems(read: ReadSiteResult, errors: readonly BuildError[]): ReadSiteResult {
  if (errors.length === 0) return read;
  const validated = { ...read.validated, errors: [...read.validated.errors, ...errors] };
  return { ...read, validated: hasFatalErrors(errors) ? { ...validated, site: undefined } : validated };
}
