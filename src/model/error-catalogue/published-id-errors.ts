// Pure: the codes of the published-ids manifest (published-ids.tsv): an item id changed or dropped since it was published, a manifest that does not read.
import { entry, variants } from './catalogue-entry.js';

/** The manifest's file name, as the messages name it. */
const MANIFEST = 'published-ids.tsv';

/** How to accept changes on purpose, said in every hint that allows it. */
const ACCEPT = `run "polyfeed build --accept-id-changes" (it rewrites ${MANIFEST}; commit it)`;

/** `listed`: how many of the same problem were reported one by one before this summary. */
type More = { count: number; listed: number };

export const publishedIdErrors = {
  ID_CHANGED: variants({
    /** `oldId`: the id the manifest lists for this version; `newId`: the id it has now. */
    one: entry({
      message: (p: { oldId: string; newId: string }) =>
        `This article version was published with the item id "${p.oldId}"; its id would now be "${p.newId}", so readers would show it twice.`,
      hint: (p) => `To keep the old id, add "id: ${p.oldId}" to the front matter. To publish the new id on purpose, ${ACCEPT}.`,
    }),
    /** More ids would change than are listed: a moved baseUrl or a new permalink pattern changes every default id. */
    more: entry({
      message: (p: More) => `${p.count} more published item ids would change (${p.count + p.listed} in all; the first ${p.listed} are listed).`,
      hint: `If baseUrl or permalink changed in polyfeed.config.yaml, every default id (the article's URL) changes with it: change it back, or pin each old id with "id:" in the front matter. To publish the new ids on purpose, ${ACCEPT}.`,
    }),
  }),
  ID_DROPPED: variants({
    /**
     * `key`: the article folder the manifest line names; `lang`: its language; `newFile`: the one
     * version new in that language, when it is the only one and this the only id dropped there.
     */
    one: entry({
      message: (p: { key: string; lang: string; oldId: string; newFile?: string }) =>
        `The item id "${p.oldId}" of articles/${p.key}/${p.lang}.md was published, and no published article version has it now (the file was deleted, its folder renamed, or it became a draft).`,
      hint: (p) =>
        p.newFile === undefined
          ? `If the folder was renamed, add "id: ${p.oldId}" to the front matter of ${p.lang}.md in the renamed folder. To drop the id on purpose, ${ACCEPT}.`
          : `If ${p.newFile} (new in this build) is this article in a renamed folder, add "id: ${p.oldId}" to its front matter. To drop the id on purpose, ${ACCEPT}.`,
    }),
    /** A language the manifest lists that the config no longer has: `count` ids. */
    language: entry({
      message: (p: { lang: string; count: number }) =>
        `${p.count} published item ${p.count === 1 ? 'id is' : 'ids are'} listed in the language "${p.lang}", which is not one of the configured languages: ${p.count === 1 ? 'it' : 'they'} would be dropped.`,
      hint: (p) => `Add "${p.lang}" back to "languages" in polyfeed.config.yaml. To drop the language's ids on purpose, ${ACCEPT}.`,
    }),
    more: entry({
      message: (p: More) => `${p.count} more published item ids would be dropped (${p.count + p.listed} in all; the first ${p.listed} are listed).`,
      hint: `If article folders were renamed, pin each old id with "id:" in the renamed articles. To drop the ids on purpose, ${ACCEPT}.`,
    }),
  }),
  PUBLISHED_IDS_INVALID: variants({
    /** `fields`: how many tab-separated fields the line has. */
    fields: entry({
      message: (p: { fields: number }) =>
        `The line has ${p.fields} tab-separated ${p.fields === 1 ? 'field' : 'fields'}; a line of ${MANIFEST} has 4: language, article key, first publication date, item id.`,
      hint: `Write the line as <language><TAB><article key><TAB><date><TAB><item id>, or delete ${MANIFEST} and build again to list every published id afresh (first publication dates are then taken from the articles).`,
    }),
    'empty-field': entry({
      message: (p: { field: 'language' | 'article key' | 'date' | 'item id' }) => `The line's ${p.field} is empty.`,
      hint: `Fill it in, or delete ${MANIFEST} and build again to list every published id afresh.`,
    }),
    date: entry({
      message: (p: { text: string }) => `"${p.text}" is not a first publication date as ${MANIFEST} writes it (ISO 8601 in UTC, e.g. 2025-03-14T08:30:00Z).`,
      hint: 'Write the date as 2025-03-14T08:30:00Z (UTC, seconds, a "Z" at the end).',
    }),
    /** `earlierLine`: the line that lists the same language and article key. */
    'duplicate-key': entry({
      message: (p: { lang: string; key: string; earlierLine: number }) => `The language "${p.lang}" and article key "${p.key}" are listed already, on line ${p.earlierLine}.`,
      hint: 'Keep one of the two lines: each published article version is listed once.',
    }),
    /** `otherLine`: the line that lists the same id in that language for the article version that has it now. */
    'duplicate-id': entry({
      message: (p: { lang: string; id: string; otherLine: number }) => `The item id "${p.id}" is listed twice in the language "${p.lang}": on line ${p.otherLine} too.`,
      hint: 'Keep the line of the article version that has this id: an id belongs to one item.',
    }),
  }),
  PUBLISHED_IDS_UNWRITABLE: entry({
    /** The feeds were published before the manifest is written. */
    message: (p: { systemCode: string; reason: string }) =>
      `The feeds were published, but ${MANIFEST} could not be written (${p.systemCode}: ${p.reason}); it still lists the ids of the build before.`,
    hint: `Make the site folder and ${MANIFEST} writable, then build again: the next build writes it.`,
  }),
};
