// Pure: the codes of the output folder (where feeds are published) and of the build cache (.polyfeed-cache/).
import { entry, variants } from './catalogue-entry.js';

/** Why publishing into a folder could overwrite or delete sources: what the folder is to the site. */
export type UnsafeOutputFolder =
  | { readonly kind: 'file-system-root' | 'site' | 'ancestor-of-site' }
  | { readonly kind: 'read-folder' | 'inside-read-folder' | 'contains-read-folder'; readonly folder: string };

function describeUnsafe(problem: UnsafeOutputFolder): string {
  switch (problem.kind) {
    case 'file-system-root':
      return 'is the root of the file system';
    case 'site':
      return 'is the site folder itself';
    case 'ancestor-of-site':
      return 'holds the site folder';
    case 'read-folder':
      return `is ${problem.folder}/, which polyfeed reads`;
    case 'inside-read-folder':
      return `lies inside ${problem.folder}/, which polyfeed reads`;
    case 'contains-read-folder':
      return `holds ${problem.folder}/, which polyfeed reads`;
  }
}

function why(problem: UnsafeOutputFolder): string {
  return `${describeUnsafe(problem)}: publishing feeds there could overwrite or delete sources.`;
}

/** Where a symbolic link led is worth saying; the same path twice is not. */
function followed(p: { resolvedPath: string; realPath: string }): string {
  return p.realPath === p.resolvedPath ? '' : ` (${p.realPath} once symbolic links are followed)`;
}

/** What a failed write left of the previous output, said after the system's reason. */
const WRITE_OUTCOMES = {
  'nothing-published': 'Nothing was published; the previous output is unchanged.',
  restored: 'Nothing was published: every output is as the previous build left it.',
  'backups-kept': 'The previous outputs could not all be put back yet: their backups are kept, and the next build restores them before it writes anything.',
  'not-locked': 'The output folder could not be locked; nothing was written.',
  'not-recovered': 'A publish a killed build left unfinished could not be undone; its backups are kept, and nothing was written.',
} as const;

function writeHint(p: { systemCode: string; outputFolder: string }): string {
  switch (p.systemCode) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Free some space on the disk that holds ${p.outputFolder} (or raise the quota), then build again.`;
    case 'EROFS':
      return `${p.outputFolder} is on a read-only file system: mount it read-write, or choose another output folder with --out.`;
    case 'EPERM':
    case 'EACCES':
      return `Give the user that runs polyfeed permission to write ${p.outputFolder} and its files; a file marked immutable (chattr +i) must be made writable again (chattr -i).`;
    default:
      return `Check the disk and the permissions of ${p.outputFolder}, then build again.`;
  }
}

/** What the usual file system errors mean for the cache. */
const CACHE_REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where a file should be',
  EACCES: 'permission denied',
  EPERM: 'not permitted (immutable?)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

const DAMAGED_HINT = 'Nothing to do for this build. If it comes back, find what writes .polyfeed-cache/ (a CI cache shared with other branches?); deleting the folder is always safe.';

/** A damaged cache file: `what` is wrong with it, then what polyfeed did about it. */
function damaged(what: string): string {
  return `${what}. It was not used: what it held was worked out again from the sources.`;
}

export const outputAndCacheErrors = {
  OUTPUT_FOLDER_UNSAFE: variants({
    /** A language's folder inside the output folder is a link that leads to `realPath`. */
    'feed-folder': entry({
      message: (p: { problem: UnsafeOutputFolder; feedFolder: string; realPath: string }) =>
        `The folder ${p.feedFolder}/ of the output folder leads to ${p.realPath}, which ${why(p.problem)}`,
      hint: (p) => `Remove the symbolic link ${p.feedFolder} from the output folder: polyfeed creates the folder itself.`,
    }),
    /** Named by --out: `option` as given, `resolvedPath` made absolute, `realPath` with links followed. */
    option: entry({
      message: (p: { problem: UnsafeOutputFolder; option: string; resolvedPath: string; realPath: string }) =>
        `The output folder --out ${p.option}${followed(p)} ${why(p.problem)}`,
      hint: 'Pass --out a folder of its own, such as public in the site folder or a folder outside the site.',
    }),
    /** Named by outDir in the config. */
    setting: entry({
      message: (p: { problem: UnsafeOutputFolder; setting: string; resolvedPath: string; realPath: string }) =>
        `The output folder outDir: ${p.setting}${followed(p)} ${why(p.problem)}`,
      hint: 'Set outDir to a folder of its own, such as public, or a folder outside the site.',
    }),
  }),
  OUTPUT_WRITE_FAILED: entry({
    /** `systemCode`, `reason` and `syscall`: the failed call as the system reported it; `outputFolder`: for the hint. */
    message: (p: { systemCode: string; reason: string; syscall: string | undefined; outcome: keyof typeof WRITE_OUTCOMES; outputFolder: string }) =>
      `Could not write the output (${p.systemCode}: ${p.reason}, in ${p.syscall}). ${WRITE_OUTCOMES[p.outcome]}`,
    hint: writeHint,
  }),
  OUTPUT_LOCKED: entry({
    message: (p: { pid: number; outDir: string; waitSeconds: number; lockPath: string }) =>
      `Another build (process ${p.pid}) is still writing ${p.outDir} after ${p.waitSeconds} s.`,
    hint: (p) => `Wait for it, or delete ${p.lockPath} if no build is running.`,
  }),
  CACHE_DAMAGED: variants({
    'pings-shape': entry({
      message: () => 'The list of feeds waiting for a WebSub ping is not in the shape polyfeed writes. It was not used: the feeds it listed are not pinged until they change again.',
      hint: DAMAGED_HINT,
    }),
    'items-not-json': entry({ message: () => damaged('The cached item texts are not JSON'), hint: DAMAGED_HINT }),
    'items-shape': entry({ message: () => damaged('The cached item texts are not in the shape polyfeed writes'), hint: DAMAGED_HINT }),
    'items-keys': entry({
      message: (p: { count: number }) =>
        damaged(`${p.count} of the cached item texts ${p.count === 1 ? 'does' : 'do'} not match ${p.count === 1 ? 'its key' : 'their keys'}`),
      hint: DAMAGED_HINT,
    }),
    'index-not-json-lines': entry({ message: () => damaged('The build index is not JSON lines'), hint: DAMAGED_HINT }),
    'index-no-head': entry({ message: () => damaged('The build index does not start with its head'), hint: DAMAGED_HINT }),
    'index-cut-off': entry({ message: () => damaged('The build index is cut off or has lines added'), hint: DAMAGED_HINT }),
    'index-seal': entry({ message: () => damaged('The build index is not the one polyfeed wrote (its seal does not match)'), hint: DAMAGED_HINT }),
    /** `expected`: what the value should be, e.g. "a list of 12 rows". */
    'index-value': entry({ message: (p: { expected: string }) => damaged(`A value in the build index is not ${p.expected}`), hint: DAMAGED_HINT }),
  }),
  CACHE_UNAVAILABLE: entry({
    /** `systemCode`: the file system's code, if any; `detail`: the error as text, said when there is none. */
    message: (p: { access: 'read' | 'write'; systemCode: string | undefined; detail: string }) => {
      const reason = p.systemCode === undefined ? p.detail : `${p.systemCode}: ${CACHE_REASONS[p.systemCode] ?? 'the system refused'}`;
      return p.access === 'read'
        ? `The cache could not be read (${reason}). This build went on without it.`
        : `The cache could not be written (${reason}). The feeds were published all the same; the next build cannot skip unchanged work.`;
    },
    hint: 'Make .polyfeed-cache/ a folder the build can read and write (or delete it), so that the next builds can skip unchanged work.',
  }),
};
