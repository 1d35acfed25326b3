// I/O: is the config's outDir safe to publish into? Resolves real paths, asks the pure rule, and places a problem at outDir's line.
import { resolve } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import { readOutputFolderPaths } from './read-output-folder-paths.js';
import { findOutputFolderProblem, outputFolderError } from './find-output-folder-problem.js';

/** `outDir` of the config (relative to the site folder), reported at its line in the config's text; `readFolders`: the config's content folders and `staticDir`, folders polyfeed reads too. */
export function checkConfigOutDir(input: { root: string; outDir: string; configFile: string; configText: string | undefined; readFolders?: readonly string[] }): BuildError | undefined {
  const resolvedPath = resolve(input.root, input.outDir);
  const paths = readOutputFolderPaths(input.root, resolvedPath, input.readFolders);
  const problem = findOutputFolderProblem(paths);
  if (!problem) return undefined;
  const parsed = input.configText === undefined ? undefined : parseYamlWithPositions(input.configText, { file: input.configFile, firstLine: 1 }).value;
  const position = parsed?.positionOf(['outDir']);
  return outputFolderError(problem, { setting: input.outDir, resolvedPath, realPath: paths.outDir, file: input.configFile, position });
}
