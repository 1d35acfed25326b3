// Pure: the last build's output records and this build's feeds → the recorded files the config no longer makes, and the next index's outputs.
import type { FeedsOutline } from '../feeds/language-feeds.js';
import { publishedPathsOf } from '../feeds/published-paths.js';
import type { BuildIndex, OutputRecord } from './build-index.js';

type Outputs = BuildIndex['outputs'];

/** The language of a recorded output: feeds/feedPaths puts each language's feeds in a folder named by its tag. */
export function feedLanguageOf(path: string): string {
  return path.slice(0, path.indexOf('/'));
}

/** The recorded output paths of these languages (every language when undefined). */
export function outputPathsOf(outputs: Outputs, languages: readonly string[] | undefined): string[] {
  return Object.keys(outputs).filter((path) => languages === undefined || languages.includes(feedLanguageOf(path)));
}

/**
 * The files the last build into the same folder recorded that no configured language and format
 * makes any more (a language or a format removed from the config), in path order. `configuredPaths`
 * are those of every configured language, chosen with `--languages` or not: a language merely left
 * out of a build is still the config's, and its feeds stay.
 */
export function staleOutputsOf(previous: Outputs | undefined, configuredPaths: Iterable<string>): string[] {
  const configured = new Set(configuredPaths);
  return Object.keys(previous ?? {})
    .filter((path) => !configured.has(path))
    .sort();
}

/** What the next index's outputs are made from. */
export interface NextOutputsInput {
  /** The last build's records, when it wrote into the same folder. */
  readonly previous: Outputs | undefined;
  /** Records of the feeds this build made (or left alone as unchanged). */
  readonly made: Readonly<Record<string, OutputRecord>>;
  /** The configured languages this build did not make (not chosen with `--languages`). */
  readonly skipped: readonly FeedsOutline[];
}

/**
 * The records of the next index: this build's, and the last build's for the languages it left out,
 * untouched (so that a later build of them still leaves unchanged feeds alone). Records of files the
 * config no longer makes are dropped. A left-out language whose records are missing or were made
 * from other inputs than this build's (its fingerprint differs) is pending: the no-op check never
 * skips a build of it while the index says its inputs are current.
 */
export function nextOutputsOf({ previous, made, skipped }: NextOutputsInput): { outputs: Record<string, OutputRecord>; pendingLanguages: string[] } {
  const outputs: Record<string, OutputRecord> = { ...made };
  const pendingLanguages: string[] = [];
  for (const feeds of skipped) {
    const paths = publishedPathsOf(feeds);
    for (const path of paths) {
      const record = previous?.[path];
      if (record) outputs[path] = record;
    }
    if (!paths.every((path) => previous?.[path]?.fingerprint === feeds.fingerprint)) pendingLanguages.push(feeds.lang);
  }
  return { outputs, pendingLanguages };
}
