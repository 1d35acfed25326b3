// Pure: a site's coverage → a TRANSLATION_OUTDATED warning for each version its source was updated after (what `coverage --strict` fails on).
import { makeError, type BuildError } from '../model/build-error.js';
import type { SiteCoverage } from './site-coverage.js';

const isoOf = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** One warning per outdated cell, at the translation's file, naming its source's file and both update times; in key, then language order. */
export function outdatedTranslationProblems(coverage: SiteCoverage): BuildError[] {
  const problems: BuildError[] = [];
  for (const row of coverage.articles) {
    for (const lang of coverage.languages) {
      const cell = row.cells[lang];
      if (cell?.kind !== 'outdated' || cell.sourceFile === null) continue;
      const params = { lang, updated: isoOf(cell.updatedMs!), sourceFile: cell.sourceFile, sourceUpdated: isoOf(cell.sourceUpdatedMs!) };
      problems.push(makeError('TRANSLATION_OUTDATED', params, { file: cell.file ?? undefined, severity: 'warning' }));
    }
  }
  return problems;
}
