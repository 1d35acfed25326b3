// Pure: the real paths of the output folder, the site and the folders polyfeed reads → why the output folder is unsafe, or nothing.
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { UnsafeOutputFolder } from '../model/error-catalogue.js';
import type { SourcePosition } from '../load/parse-yaml-with-positions.js';

/** Real paths (symbolic links resolved), all absolute. */
export interface OutputFolderPaths {
  readonly outDir: string;
  /** The site folder (which holds polyfeed.config.yaml). */
  readonly root: string;
  /** Each folder polyfeed reads, by its name in the site ("articles", ".polyfeed-cache", …). */
  readonly readFolders: ReadonlyArray<{ readonly name: string; readonly path: string }>;
}

/** What the output folder is to the site, when that makes it unsafe (the catalogue words it). */
export type OutputFolderProblem = UnsafeOutputFolder;

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

/** Where the output folder was named: the --out option, or outDir in the config (with its position). */
export type OutputFolderSource =
  | { readonly option: string; readonly resolvedPath: string; readonly realPath: string }
  /** A folder inside the output folder that feeds are written into (a language's), by its path there. */
  | { readonly feedFolder: string; readonly realPath: string }
  | { readonly setting: string; readonly resolvedPath: string; readonly realPath: string; readonly file: string; readonly position: SourcePosition | undefined };

/** The problem as a BuildError: OUTPUT_FOLDER_UNSAFE, at the config's outDir line when it came from there. */
export function outputFolderError(problem: OutputFolderProblem, source: OutputFolderSource): BuildError {
  if ('feedFolder' in source) return makeError('OUTPUT_FOLDER_UNSAFE', { kind: 'feed-folder', problem, feedFolder: source.feedFolder, realPath: source.realPath });
  const { resolvedPath, realPath } = source;
  if ('option' in source) return makeError('OUTPUT_FOLDER_UNSAFE', { kind: 'option', problem, option: source.option, resolvedPath, realPath });
  return makeError('OUTPUT_FOLDER_UNSAFE', { kind: 'setting', problem, setting: source.setting, resolvedPath, realPath }, { file: source.file, ...source.position, path: ['outDir'] });
}
