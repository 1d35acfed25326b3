// Pure: locale files (the site's and polyfeed's packaged ones) → i18next resources per language, checked for completeness against the default language.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { parseYamlWithPositions, type ParsedYaml } from '../load/parse-yaml-with-positions.js';
import { PACKAGED_PREFIX } from '../load/read-packaged-defaults.js';
import { labelsOfLanguage, withLabelFallbacks, type LabelTree } from './labels-of-language.js';
import { fallbackChainOf, type FallbackChains } from '../model/fallback-chains.js';
import { collectPlaceholders } from './collect-placeholders.js';
import { flattenKeys } from './flatten-keys.js';

/** The label namespace every language needs: `locales/<lang>/feed.json`. */
export const LABEL_NAMESPACE = 'feed';

/** Labels per language, as i18next takes them: `{ en: { feed: {...} } }`. */
export type LocaleResources = Record<string, Record<string, unknown>>;

/**
 * Beside a language's labels in its resources: the keys it takes from another language by
 * `labelFallbacks`, each with that language (`{ "item.readMore": "en" }`), so an item can mark
 * them as that language. Not a namespace i18next reads.
 */
export const BORROWED_LABELS = 'polyfeed-borrowed';

export interface LocaleFileText {
  readonly path: string;
  readonly text: string;
}

export interface ValidateLocalesInput {
  /** The site's label files (`locales/<lang>/feed.json`). */
  readonly files: readonly LocaleFileText[];
  /** polyfeed's packaged label files (`<polyfeed>/locales/<lang>/feed.json`): the site's labels are laid over them. */
  readonly packagedFiles?: readonly LocaleFileText[];
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** Keys the code and the templates use; each must exist in every language. */
  readonly requiredKeys: readonly string[];
  /** Label files that exist but could not be read as text (already reported). */
  readonly unreadable?: ReadonlySet<string>;
  /** Labels the config gives a language (its feed texts: `title`, …), between the packaged ones and the site's. */
  readonly configLabels?: (lang: string) => LabelTree | undefined;
  /** Keys the default language has that no language needs unless `requiredKeys` names them (a label polyfeed ships for a setting the site may not use). */
  readonly optionalKeys?: readonly string[];
  /** Per language, the languages whose labels fill the ones it lacks (config `labelFallbacks`); none by default. */
  readonly labelFallbacks?: FallbackChains;
  /** Keys only some languages must have, besides `requiredKeys` (the fallback note, in the languages with a fallback chain). */
  readonly languageKeys?: (lang: string) => readonly string[];
}

/** Where JSON.parse stopped, from its message ("at position 103" on Node 20, "line 5 column 3" later). */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /position (\d+)/.exec(message);
  if (!offset) return { line: 1, column: 1 };
  const before = text.slice(0, Number(offset[1])).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Every label is text; a number or a list where text belongs is reported at its place. */
function findNonTextLabels(node: unknown, path: string[], report: (path: string[], value: unknown) => void): void {
  if (typeof node === 'string') return;
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [name, value] of Object.entries(node)) findNonTextLabels(value, [...path, name], report);
    return;
  }
  report(path, node);
}

/** One label file read: its labels and where each stands, or its problems (JSON syntax, a label that is not text). */
function parseLabelFile(file: LocaleFileText): { labels?: LabelTree; positions?: ParsedYaml | undefined; errors: BuildError[] } {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    const reason = (error as Error).message;
    return { errors: [makeError('JSON_SYNTAX', { kind: 'unparsable', reason }, { file: file.path, ...jsonErrorPosition(file.text, reason), cause: error })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { errors: [makeError('JSON_SYNTAX', { kind: 'not-an-object' }, { file: file.path, line: 1, column: 1 })] };
  }
  const located = parseYamlWithPositions(file.text, { file: file.path, firstLine: 1 }).value;
  const errors: BuildError[] = [];
  findNonTextLabels(data, [], (path, value) => {
    errors.push(
      makeError('INVALID_TYPE', { kind: 'label-not-text', key: path.join('.'), value }, {
        file: file.path,
        path,
        ...(located?.positionOf(path) ?? { line: 1, column: 1 }),
      }),
    );
  });
  return errors.length > 0 ? { errors } : { labels: data as LabelTree, positions: located, errors };
}

export function validateLocales(input: ValidateLocalesInput): { value?: LocaleResources; errors: BuildError[] } {
  const errors: BuildError[] = [];
  const resources: LocaleResources = {};
  const pathOf = (lang: string) => `locales/${lang}/${LABEL_NAMESPACE}.json`;
  const byPath = new Map([...input.files, ...(input.packagedFiles ?? [])].map((file) => [file.path, file]));
  const positions = new Map<string, ParsedYaml | undefined>();
  const packagedLanguages = (input.packagedFiles ?? []).map((file) => file.path.split('/').at(-2)!);

  for (const lang of input.languages) {
    const siteFile = byPath.get(pathOf(lang));
    const packagedFile = byPath.get(`${PACKAGED_PREFIX}${pathOf(lang)}`);
    // A site file that exists but did not decode is reported already; the packaged labels must not hide it.
    if (input.unreadable?.has(pathOf(lang))) continue;
    if (!siteFile && !packagedFile) {
      // A language whose labels all come from its fallbacks needs no file of its own.
      if (fallbackChainOf(input.labelFallbacks, lang).length > 0) continue;
      errors.push(makeError('LOCALE_MISSING', { lang, file: pathOf(lang), packaged: packagedLanguages }, { file: 'polyfeed.config.yaml' }));
      continue;
    }
    const site = siteFile ? parseLabelFile(siteFile) : undefined;
    const packaged = packagedFile ? parseLabelFile(packagedFile) : undefined;
    errors.push(...(packaged?.errors ?? []), ...(site?.errors ?? []));
    if ((site?.errors.length ?? 0) > 0 || (packaged?.errors.length ?? 0) > 0) continue;
    resources[lang] = { [LABEL_NAMESPACE]: labelsOfLanguage(labelsOfLanguage(packaged?.labels, input.configLabels?.(lang)), site?.labels)! };
    // Problems are placed in the site's file, where a label is added or corrected.
    positions.set(lang, site?.positions);
  }

  // Fallbacks are laid under a language's own labels, from the others' own labels (a chain is not followed further).
  const ownLabels = new Map(Object.entries(resources).map(([lang, labels]) => [lang, labels[LABEL_NAMESPACE] as LabelTree]));
  for (const lang of input.languages) {
    const chain = fallbackChainOf(input.labelFallbacks, lang);
    if (chain.length === 0 || input.unreadable?.has(pathOf(lang))) continue;
    const own = ownLabels.get(lang);
    const labels = withLabelFallbacks(own, chain.map((other) => ownLabels.get(other)));
    if (!labels) continue;
    const ownKeys = flattenKeys(own ?? {});
    const chainKeys = chain.map((other) => ({ other, keys: flattenKeys(ownLabels.get(other) ?? {}) }));
    const borrowed: Record<string, string> = {};
    for (const key of flattenKeys(labels).keys()) {
      if (ownKeys.has(key)) continue;
      const from = chainKeys.find(({ keys }) => keys.has(key))?.other;
      if (from !== undefined) borrowed[key] = from;
    }
    resources[lang] = { [LABEL_NAMESPACE]: labels, ...(Object.keys(borrowed).length > 0 ? { [BORROWED_LABELS]: borrowed } : {}) };
  }

  const reference = resources[input.defaultLanguage];
  if (!reference) return { errors };
  const referenceKeys = flattenKeys(reference[LABEL_NAMESPACE]);
  const referencePlaceholders = collectPlaceholders(reference[LABEL_NAMESPACE]);
  const optional = new Set((input.optionalKeys ?? []).filter((key) => !input.requiredKeys.includes(key)));
  const wanted = new Set([...[...referenceKeys.keys()].filter((key) => !optional.has(key)), ...input.requiredKeys]);

  for (const lang of input.languages) {
    const labels = resources[lang];
    if (!labels) continue;
    const keys = flattenKeys(labels[LABEL_NAMESPACE]);
    const file = pathOf(lang);
    const positionOf = positions.get(lang)?.positionOf;
    const pluralCategories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const placeholders = collectPlaceholders(labels[LABEL_NAMESPACE]);
    for (const key of [...new Set([...wanted, ...(input.languageKeys?.(lang) ?? [])])].sort()) {
      const found = keys.get(key);
      const parentPath = key.split('.').slice(0, -1);
      // No site file for the language (its labels are all packaged): the problem names the file to create, without a place in it.
      const position = positionOf ? positionOf(parentPath) : {};
      if (!found) {
        errors.push(
          makeError('LOCALE_MISSING_KEY', { kind: 'missing', key, lang, defaultLanguage: input.defaultLanguage, inDefault: referenceKeys.has(key) }, {
            file,
            path: key.split('.'),
            ...position,
          }),
        );
        continue;
      }
      if (lang !== input.defaultLanguage) {
        const wantedNames = [...(referencePlaceholders.get(key) ?? [])].sort();
        const names = [...(placeholders.get(key) ?? [])].sort();
        if (wantedNames.join() !== names.join()) {
          errors.push(
            makeError('LOCALE_PLACEHOLDER_MISMATCH', { key, lang, names, defaultLanguage: input.defaultLanguage, wanted: wantedNames }, {
              file,
              path: key.split('.'),
              ...(positionOf?.(key.split('.')) ?? position),
            }),
          );
        }
      }
      const isPlural = (referenceKeys.get(key)?.pluralCategories.size ?? 0) > 0 || found.pluralCategories.size > 0;
      if (!isPlural) continue;
      const missing = pluralCategories.filter((category) => !found.pluralCategories.has(category));
      if (missing.length > 0) {
        errors.push(
          makeError('LOCALE_MISSING_KEY', { kind: 'plural-forms', key, lang, missing, forms: pluralCategories }, {
            file,
            path: key.split('.'),
            ...position,
          }),
        );
      }
    }
  }
  return errors.length > 0 ? { errors } : { value: resources, errors };
}
