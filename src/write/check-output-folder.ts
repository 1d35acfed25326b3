// I/O: is an output folder from --out, or a feed folder inside it, safe to publish into? Resolves real paths, then asks the pure rule.
// (The config's outDir is checked in check-config-out-dir.ts, which parses YAML: the CLI loads this module before it knows whether anything changed.)
import { dirname, join } from 'node:path';
import type { BuildError } from '../model/build-error.js';
import { readOutputFolderPaths, readRealPath } from './read-output-folder-paths.js';
import { findOutputFolderProblem, outputFolderError } from './find-output-folder-problem.js';

/** `--out`, as given and as resolved from the working directory (`readFolders`: the config's content folders, and its staticDir once known). */
export function checkOutOption(root: string, given: string, outDir: string, readFolders: readonly string[] = []): BuildError | undefined {
  const paths = readOutputFolderPaths(root, outDir, readFolders);
  const problem = findOutputFolderProblem(paths);
  return problem && outputFolderError(problem, { option: given, resolvedPath: outDir, realPath: paths.outDir });
}

/**
 * The folders inside the output folder that feeds go to (one per language): a symbolic link there
 * (public/en → locales/en) would publish through it. `paths` are the output files, relative to it.
 */
export function checkFeedFolders(root: string, outDir: string, paths: readonly string[], readFolders: readonly string[] = []): BuildError | undefined {
  const site = readOutputFolderPaths(root, outDir, readFolders);
  for (const folder of new Set(paths.map((path) => dirname(path)).filter((folder) => folder !== '.'))) {
    const realPath = readRealPath(join(outDir, folder));
    const problem = findOutputFolderProblem({ ...site, outDir: realPath });
    if (problem) return outputFolderError(problem, { feedFolder: folder, realPath });
  }
  return undefined;
}
