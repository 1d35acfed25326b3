// Pure: a build's streamed feeds gathered into whole files, for callers that want them in memory.
import type { BuildResult, OutputFile } from './build.js';
import type { BuildError } from './errors/build-error.js';

/** Every output as a whole file (streams read to the end), and the problems the streams met. */
export function collectOutputFiles(result: Pick<BuildResult, 'files' | 'streams'>): { files: OutputFile[]; errors: BuildError[] } {
  const files = [...result.files];
  const errors: BuildError[] = [];
  for (const stream of result.streams) {
    const texts = stream.paths.map(() => [] as string[]);
    const chunks = stream.chunks();
    for (let step = chunks.next(); ; step = chunks.next()) {
      if (step.done) {
        errors.push(...step.value);
        break;
      }
      step.value.forEach((chunk, index) => texts[index]!.push(chunk));
    }
    stream.paths.forEach((path, index) => files.push({ path, contents: texts[index]!.join('') }));
  }
  return { files, errors };
}
