// I/O: `polyfeed init [DIR]`: writes a new site that builds at once (config, labels, one article per language, a GitHub Actions workflow), never over a file unless forced.
import { basename } from 'node:path';
import { canonicalLanguageTag } from '../model/language-tag.js';
import { formatZonedDateTime } from '../model/format-zoned-date-time.js';
import { readPackagedDefaults } from '../load/read-packaged-defaults.js';
import { writeNewFiles } from '../write/write-new-files.js';
import { ExitCode, type RunOutcome } from './run-outcome.js';
import { newSiteFiles, starterLanguages } from './new-site-files.js';

export interface InitOptions {
  /** The new site's folder, absolute (made if missing). */
  readonly dir: string;
  /** BCP 47 tags; the first is the default language. */
  readonly languages: readonly string[];
  /** Write over files that exist. */
  readonly force: boolean;
  /** Copy polyfeed's templates and labels into the site, to be edited. */
  readonly eject: boolean;
  /** "Now", the first article's date. */
  readonly nowMs: number;
}

/** Why the languages asked for cannot start a site, or undefined. */
function languageProblem(languages: readonly string[], available: readonly string[]): string | undefined {
  for (const lang of languages) {
    const canonical = canonicalLanguageTag(lang);
    if (canonical === undefined) return `"${lang}" is not a BCP 47 language tag.`;
    if (canonical !== lang) return `Write the language "${lang}" as "${canonical}".`;
    if (!available.includes(lang)) {
      return `polyfeed ships labels for ${available.join(', ')}, not for "${lang}".\nhint: start the site in those, then add "${lang}" with its labels (see README, "Adding a language").`;
    }
  }
  if (new Set(languages).size !== languages.length) return 'A language is listed twice in --languages.';
  return undefined;
}

export function runInit(options: InitOptions): RunOutcome {
  const packaged = readPackagedDefaults();
  const problem = languageProblem(options.languages, starterLanguages(packaged));
  if (problem) return { kind: 'usage', message: problem };
  const files = newSiteFiles({
    name: basename(options.dir),
    languages: options.languages,
    date: formatZonedDateTime(options.nowMs),
    packaged,
    eject: options.eject,
  });
  const result = writeNewFiles(options.dir, files, options.force);
  if ('existing' in result) {
    return {
      kind: 'usage',
      message: `${options.dir} holds files polyfeed init would write:\n${result.existing.map((path) => `  ${path}`).join('\n')}\nNothing was written. Run it in another folder, or with --force to write over them.`,
    };
  }
  return {
    kind: 'report',
    exitCode: ExitCode.ok,
    problems: [],
    ok: true,
    summary: [
      `Wrote a new polyfeed site in ${options.dir}:`,
      ...result.written.map((path) => `  ${path}`),
      `Next: set baseUrl in polyfeed.config.yaml, then run "polyfeed build" there.`,
    ],
  };
}
