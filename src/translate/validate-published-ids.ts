// Pure: the published versions against the published-ids manifest → a problem for each published id changed or dropped, and the manifest's next rows.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { emptyPublishedIdColumns, formatFirstPublished, type PublishedIdColumns } from '../model/published-ids.js';
import type { ParsedPublishedIds } from './parse-published-ids.js';
import type { PublishedEntries, PublishedIdsOfLanguage } from './published-entry.js';

/** Problems of one kind listed one by one; the rest are counted in one more problem. */
const LISTED_AT_MOST = 20;

export interface ValidatePublishedIdsInput {
  /** The manifest as read, or undefined when there is none yet (the first build writes it, and nothing is checked). */
  readonly manifest: ParsedPublishedIds | undefined;
  /** Its path in the site folder, for the problems. */
  readonly file: string;
  /** What the feeds publish: the manifest lists the same versions. */
  readonly published: Pick<PublishedEntries, 'idsOf'>;
  /** The configured languages. */
  readonly languages: readonly string[];
  /** --accept-id-changes: changed and dropped ids are taken as meant, not reported. */
  readonly accept: boolean;
}

/** What a build does to the manifest: its next rows, and what changed. */
export interface PublishedIdsUpdate {
  /** Every published version with its first publication date and id, sorted as the manifest is. */
  readonly next: PublishedIdColumns;
  /** False when the manifest's text would be the same bytes: it is then not written. */
  readonly changed: boolean;
  /** True when there was no manifest. */
  readonly created: boolean;
  /** Versions listed for the first time (not counting those whose id changed). */
  readonly added: number;
  /** Ids now published under another article key (a renamed folder with its id pinned): listed under the new key, with their date. */
  readonly moved: number;
  /** With --accept-id-changes: ids changed and ids dropped on purpose. */
  readonly acceptedChanges: number;
  readonly acceptedDrops: number;
}

/** ID_CHANGED, ID_DROPPED and PUBLISHED_IDS_INVALID (an id listed twice), at most LISTED_AT_MOST of each code one by one. */
class IdProblems {
  readonly errors: BuildError[] = [];
  private changed = 0;
  private dropped = 0;

  constructor(private readonly file: string) {}

  changedId(lang: string, key: string, oldId: string, newId: string): void {
    if (this.changed++ < LISTED_AT_MOST) this.errors.push(makeError('ID_CHANGED', { kind: 'one', oldId, newId }, { file: `articles/${key}/${lang}.md`, path: ['id'] }));
  }

  /** `newKey`: the one article new in this language, when one id of it was dropped: most likely the same article, its folder renamed. */
  droppedId(lang: string, key: string, oldId: string, line: number, newKey: string | undefined): void {
    const params = { kind: 'one' as const, key, lang, oldId, ...(newKey === undefined ? {} : { newFile: `articles/${newKey}/${lang}.md` }) };
    if (this.dropped++ < LISTED_AT_MOST) this.errors.push(makeError('ID_DROPPED', params, { file: this.file, line }));
  }

  droppedLanguage(lang: string, count: number, line: number): void {
    this.errors.push(makeError('ID_DROPPED', { kind: 'language', lang, count }, { file: this.file, line }));
  }

  listedTwice(lang: string, id: string, line: number, otherLine: number): void {
    this.errors.push(makeError('PUBLISHED_IDS_INVALID', { kind: 'duplicate-id', lang, id, otherLine }, { file: this.file, line }));
  }

  /** The problems, with one for those not listed. */
  all(): BuildError[] {
    const more = (count: number) => ({ kind: 'more' as const, count: count - LISTED_AT_MOST, listed: LISTED_AT_MOST });
    if (this.changed > LISTED_AT_MOST) this.errors.push(makeError('ID_CHANGED', more(this.changed), { file: this.file }));
    if (this.dropped > LISTED_AT_MOST) this.errors.push(makeError('ID_DROPPED', more(this.dropped), { file: this.file }));
    return this.errors;
  }
}

/** The rows of the manifest in one language: `[start, end)`. */
function languageRanges(langs: readonly string[]): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (let row = 0; row < langs.length; ) {
    const start = row;
    while (row < langs.length && langs[row] === langs[start]) row++;
    ranges.set(langs[start]!, [start, row]);
  }
  return ranges;
}

/** Tallies of one walk. */
interface Tally {
  changed: boolean;
  added: number;
  moved: number;
  acceptedChanges: number;
  acceptedDrops: number;
}

/**
 * One language: its manifest rows `[start, end)` and its published versions, both by article
 * key, walked side by side. A row whose key is published with the same id keeps its date (the
 * usual case: nothing else is done). The rest are looked at by id: an id published under another
 * key moved there (a renamed folder with the old id pinned); otherwise it changed (the key is
 * still published) or was dropped. Returns each published version's first publication date.
 */
function walkLanguage(lang: string, manifest: ParsedPublishedIds, range: [number, number], published: PublishedIdsOfLanguage, accept: boolean, problems: IdProblems, tally: Tally): string[] {
  const { keys, ids, dates } = manifest.columns;
  const count = published.keys.length;
  const firstDates = new Array<string | undefined>(count).fill(undefined);
  // The manifest row each published version is listed by, or -1.
  const listedBy = new Int32Array(count).fill(-1);
  const unmatched: number[] = [];
  const sameKey: number[] = [];
  // Versions whose id changed: new ids, but not counted as added.
  const changedId = new Uint8Array(count);
  // Manifest rows whose id no version has now, told once the new versions are known.
  const dropped: number[] = [];
  let row = range[0];
  let version = 0;
  while (row < range[1] || version < count) {
    if (version >= count || (row < range[1] && keys[row]! < published.keys[version]!)) {
      unmatched.push(row++);
      sameKey.push(-1);
    } else if (row >= range[1] || published.keys[version]! < keys[row]!) {
      version++;
    } else {
      if (ids[row] === published.ids[version]) {
        firstDates[version] = dates[row];
        listedBy[version] = row;
      } else {
        unmatched.push(row);
        sameKey.push(version);
      }
      row++;
      version++;
    }
  }
  if (unmatched.length > 0) {
    tally.changed = true;
    const versionById = new Map(published.ids.map((id, index) => [id, index]));
    unmatched.forEach((row, index) => {
      const other = versionById.get(ids[row]!);
      if (other !== undefined && listedBy[other] !== -1) {
        problems.listedTwice(lang, ids[row]!, manifest.lines[row]!, manifest.lines[listedBy[other]!]!);
      } else if (other !== undefined) {
        firstDates[other] = dates[row];
        listedBy[other] = row;
        tally.moved++;
      } else if (sameKey[index] !== -1) {
        changedId[sameKey[index]!] = 1;
        if (accept) tally.acceptedChanges++;
        else problems.changedId(lang, keys[row]!, ids[row]!, published.ids[sameKey[index]!]!);
      } else if (accept) {
        tally.acceptedDrops++;
      } else {
        dropped.push(row);
      }
    });
  }
  if (dropped.length > 0) {
    const newKeys = published.keys.filter((_, index) => firstDates[index] === undefined && changedId[index] === 0);
    const newKey = dropped.length === 1 && newKeys.length === 1 ? newKeys[0] : undefined;
    for (const row of dropped) problems.droppedId(lang, keys[row]!, ids[row]!, manifest.lines[row]!, newKey);
  }
  return firstDates.map((date, index) => {
    if (date !== undefined) return date;
    tally.changed = true;
    if (changedId[index] === 0) tally.added++;
    return formatFirstPublished(published.dateMs[index]!);
  });
}

/**
 * Compares what the site publishes with the manifest of what it published before. An id that
 * readers have seen must stay published: changed (ID_CHANGED, at the article's `id`) or gone
 * (ID_DROPPED, at the manifest's line) is a problem unless accepted. Linear in the number of
 * versions; ids are looked up only in a language where a row does not match.
 */
export function validatePublishedIds(input: ValidatePublishedIdsInput): { value: PublishedIdsUpdate; errors: BuildError[] } {
  const { manifest, published, accept } = input;
  const problems = new IdProblems(input.file);
  const tally: Tally = { changed: manifest === undefined || !manifest.canonical, added: 0, moved: 0, acceptedChanges: 0, acceptedDrops: 0 };
  const ranges = manifest ? languageRanges(manifest.columns.langs) : new Map<string, [number, number]>();
  const languages = [...input.languages].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [lang, [start, end]] of ranges) {
    if (languages.includes(lang)) continue;
    tally.changed = true;
    if (accept) tally.acceptedDrops += end - start;
    else problems.droppedLanguage(lang, end - start, manifest!.lines[start]!);
  }
  const next = emptyPublishedIdColumns();
  for (const lang of languages) {
    const ofLanguage = published.idsOf(lang);
    const dates = manifest ? walkLanguage(lang, manifest, ranges.get(lang) ?? [0, 0], ofLanguage, accept, problems, tally) : ofLanguage.dateMs.map(formatFirstPublished);
    if (!manifest) tally.added += dates.length;
    for (let index = 0; index < dates.length; index++) {
      next.langs.push(lang);
      next.keys.push(ofLanguage.keys[index]!);
      next.dates.push(dates[index]!);
      next.ids.push(ofLanguage.ids[index]!);
    }
  }
  const { changed, ...counts } = tally;
  return { value: { next, changed, created: manifest === undefined, ...counts }, errors: problems.all() };
}
