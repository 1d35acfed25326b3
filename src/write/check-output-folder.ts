// I/O: is an output folder (from --out or the config's outDir) safe to publish into? Resolves real paths, then asks the pure rule.
import { dirname, join, resolve } from 'node:path';
import type { BuildError } from '../errors/build-error.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import { readOutputFolderPaths, readRealPath } from '../load/read-output-folder-paths.js';
import { findOutputFolderProblem, outputFolderError } from '../validate/find-output-folder-problem.js';

/** `--out`, as given and as resolved from the working directory. */
export function checkOutOption(root: string, given: string, outDir: string): BuildError | undefined {
  const paths = readOutputFolderPaths(root, outDir);
  const problem = findOutputFolderProblem(paths);
  return problem && outputFolderError(problem, { option: given, resolvedPath: outDir, realPath: paths.outDir });
}

/** `outDir` of the config (relative to the site folder), reported at its line in the config's text. */
export function checkConfigOutDir(input: { root: string; outDir: string; configFile: string; configText: string | undefined }): BuildError | undefined {
  const resolvedPath = resolve(input.root, input.outDir);
  const paths = readOutputFolderPaths(input.root, resolvedPath);
  const problem = findOutputFolderProblem(paths);
  if (!problem) return undefined;
  const parsed = input.configText === undefined ? undefined : parseYamlWithPositions(input.configText, { file: input.configFile, firstLine: 1 }).value;
  const position = parsed?.positionOf(['outDir']);
  return outputFolderError(problem, { setting: input.outDir, resolvedPath, realPath: paths.outDir, file: input.configFile, position });
}

/**
 * The folders inside the output folder that feeds go to (one per language): a symbolic link there
 * (public/en → locales/en) would publish through it. `paths` are the output files, relative to it.
 */
export function checkFeedFolders(root: string, outDir: string, paths: readonly string[]): BuildError | undefined {
  const site = readOutputFolderPaths(root, outDir);
  for (const folder of new Set(paths.map((path) => dirname(path)).filter((folder) => folder !== '.'))) {
    const realPath = readRealPath(join(outDir, folder));
    const problem = findOutputFolderProblem({ ...site, outDir: realPath });
    if (problem) return outputFolderError(problem, { feedFolder: folder, realPath });
  }
  return undefined;
}
