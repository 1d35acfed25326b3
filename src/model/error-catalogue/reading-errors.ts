// Pure: the codes of reading the site's files: the config, article files and links, their size and encoding.
import { entry, variants } from './catalogue-entry.js';

/** What a directory entry is, when it is not a regular file. */
export type EntryType = 'folder' | 'named-pipe' | 'socket' | 'device' | 'other';

/** What stands where an article file or folder is expected, and is not one. */
export type NonRegularEntry =
  | { readonly kind: 'entry'; readonly type: EntryType }
  | { readonly kind: 'link-to-nothing' | 'link-to-folder' | 'link-loop'; readonly target: string }
  | { readonly kind: 'link-to'; readonly target: string; readonly type: EntryType };

const ENTRY_TYPES: Readonly<Record<EntryType, string>> = {
  folder: 'a folder',
  'named-pipe': 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
  other: 'not a regular file',
};

function describeEntry(found: NonRegularEntry): string {
  switch (found.kind) {
    case 'entry':
      return ENTRY_TYPES[found.type];
    case 'link-to-nothing':
      return `a link to ${found.target}, which does not exist`;
    case 'link-to-folder':
      return `a link to the folder ${found.target}`;
    case 'link-loop':
      return `a link to ${found.target}, a folder that holds the link itself (a loop)`;
    case 'link-to':
      return `a link to ${found.target}, which is ${ENTRY_TYPES[found.type]}`;
  }
}

const CHANGED_HINT = 'Something edited or removed the file while polyfeed was building; run the build again once the edit is saved.';

export const readingErrors = {
  CONFIG_NOT_FOUND: entry({
    message: (p: { file: string }) => `No ${p.file} in the site folder.`,
    hint: 'Run polyfeed in a site folder, or pass --root DIR pointing at one that holds polyfeed.config.yaml.',
  }),
  NOT_UTF8: variants({
    /** `byte` is undefined when the text ends in the middle of a character. */
    'invalid-byte': entry({
      message: (p: { byte: number | undefined; offset: number }) =>
        `The file is not valid UTF-8 (byte 0x${p.byte?.toString(16).padStart(2, '0')} at offset ${p.offset}).`,
      hint: 'Save the file as UTF-8 (most editors offer "Save with encoding").',
    }),
    utf16: entry({
      message: (p: { byteOrder: 'little-endian' | 'big-endian'; bom: boolean }) =>
        `The file is UTF-16 (${p.byteOrder}${p.bom ? '' : ', without a byte order mark'}), not UTF-8.`,
      hint: 'Save the file as UTF-8: UTF-16 is what some Windows editors call "Unicode"; choose UTF-8 in "Save with encoding".',
    }),
  }),
  FILE_TOO_LARGE: entry({
    message: (p: { bytes: number; limitKiB: number }) => `The file has ${Math.ceil(p.bytes / 1024)} KiB; the limit is ${p.limitKiB} KiB.`,
    hint: 'Split the article, or move embedded data (base64 images, tables) out of it; raise maxFileSizeKb in the config if it is meant to be this large.',
  }),
  FILE_UNREADABLE: entry({
    /** `systemCode`: what the file system said, e.g. EACCES. */
    message: (p: { systemCode: string }) => `The file cannot be read (${p.systemCode}).`,
    hint: 'Give the user that runs polyfeed permission to read the file (or remove it if it is not an article).',
  }),
  FILE_CHANGED_DURING_BUILD: variants({
    removed: entry({ message: () => 'The file was removed while the build was running.', hint: CHANGED_HINT }),
    'no-longer-valid': entry({ message: () => 'The file changed while the build was running and is no longer valid.', hint: CHANGED_HINT }),
  }),
  LINK_OUTSIDE_SITE: entry({
    /** `link`: the link's path in the site; `target`: its text; `realPath`: where it leads. */
    message: (p: { link: string; target: string; realPath: string }) =>
      `${p.link} is a link to ${p.target === p.realPath ? p.target : `${p.target} (${p.realPath})`}, outside the site folder; polyfeed reads no file outside it.`,
    hint: 'Copy the file or folder into the site folder, or point the link at a place inside it.',
  }),
  NOT_A_REGULAR_FILE: entry({
    message: (p: { path: string; expected: 'article-file' | 'article-folder'; found: NonRegularEntry }) =>
      `${p.path} stands where ${p.expected === 'article-file' ? 'an article file' : 'an article folder'} is expected but is ${describeEntry(p.found)}; it is not read, so what it names would be missing from the feeds.`,
    hint: 'An article file must be a regular file (or a link to one inside the site folder): replace the entry with the article file, or remove it.',
  }),
};
