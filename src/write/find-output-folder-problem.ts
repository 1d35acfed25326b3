// Pure: the real paths of the output folder, the site and the folders polyfeed reads → why the output folder is unsafe, or nothing.
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { SourcePosition } from '../load/parse-yaml-with-positions.js';

/** Real paths (symbolic links resolved), all absolute. */
export interface OutputFolderPaths {
  readonly outDir: string;
  /** The site folder (which holds polyfeed.config.yaml). */
  readonly root: string;
  /** Each folder polyfeed reads, by its name in the site ("articles", ".polyfeed-cache", …). */
  readonly readFolders: ReadonlyArray<{ readonly name: string; readonly path: string }>;
}

export type OutputFolderProblem =
  | { readonly kind: 'file-system-root' | 'site' | 'ancestor-of-site' }
  | { readonly kind: 'read-folder' | 'inside-read-folder' | 'contains-read-folder'; readonly folder: string };

/** True when `path` is `folder` or lies inside it. */
function isWithin(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/** Publishing replaces files in the output folder: it must share nothing with what a build reads. */
export function findOutputFolderProblem({ outDir, root, readFolders }: OutputFolderPaths): OutputFolderProblem | undefined {
  if (dirname(outDir) === outDir) return { kind: 'file-system-root' };
  if (relative(root, outDir) === '') return { kind: 'site' };
  if (isWithin(root, outDir)) return { kind: 'ancestor-of-site' };
  for (const folder of readFolders) {
    if (relative(folder.path, outDir) === '') return { kind: 'read-folder', folder: folder.name };
    if (isWithin(outDir, folder.path)) return { kind: 'inside-read-folder', folder: folder.name };
    if (isWithin(folder.path, outDir)) return { kind: 'contains-read-folder', folder: folder.name };
  }
  return undefined;
}

function describeProblem(problem: OutputFolderProblem): string {
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

/** Where the output folder was named: the --out option, or outDir in the config (with its position). */
export type OutputFolderSource =
  | { readonly option: string; readonly resolvedPath: string; readonly realPath: string }
  /** A folder inside the output folder that feeds are written into (a language's), by its path there. */
  | { readonly feedFolder: string; readonly realPath: string }
  | { readonly setting: string; readonly resolvedPath: string; readonly realPath: string; readonly file: string; readonly position: SourcePosition | undefined };

/** The problem as a BuildError: OUTPUT_FOLDER_UNSAFE, at the config's outDir line when it came from there. */
export function outputFolderError(problem: OutputFolderProblem, source: OutputFolderSource): BuildError {
  const why = `${describeProblem(problem)}: publishing feeds there could overwrite or delete sources.`;
  if ('feedFolder' in source) {
    return makeError('OUTPUT_FOLDER_UNSAFE', `The folder ${source.feedFolder}/ of the output folder leads to ${source.realPath}, which ${why}`, {
      hint: `Remove the symbolic link ${source.feedFolder} from the output folder: polyfeed creates the folder itself.`,
    });
  }
  // Where a symbolic link led is worth saying; the same path twice is not.
  const real = source.realPath === source.resolvedPath ? '' : ` (${source.realPath} once symbolic links are followed)`;
  if ('option' in source) {
    return makeError('OUTPUT_FOLDER_UNSAFE', `The output folder --out ${source.option}${real} ${why}`, {
      hint: 'Pass --out a folder of its own, such as public in the site folder or a folder outside the site.',
    });
  }
  return makeError('OUTPUT_FOLDER_UNSAFE', `The output folder outDir: ${source.setting}${real} ${why}`, {
    file: source.file,
    ...source.position,
    path: ['outDir'],
    hint: 'Set outDir to a folder of its own, such as public, or a folder outside the site.',
  });
}
