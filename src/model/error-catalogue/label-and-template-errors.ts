// Pure: the codes of the label files (locales/) and the templates (templates/).
import { entry, variants } from './catalogue-entry.js';

const RENDER_HINT = 'Templates receive the fields listed in README.md ("Templates"); correct the name, or guard an optional part with {{#if …}}.';
const RECURSION_HINT = 'A partial may not include itself, directly or through other partials: remove the call that closes the loop.';

/** Says where the key is wanted from, and never that the default language has a key it lacks. */
function missingKeyHint(p: { key: string; lang: string; defaultLanguage: string; inDefault: boolean }): string {
  // The feed's own texts can be set in the config too.
  const field = /^feed\.(title|description|copyright)$/.exec(p.key)?.[1];
  const orConfig = field ? ` Or set "${field}" in polyfeed.config.yaml (one text, or one per language).` : '';
  if (p.inDefault) return `Add "${p.key}" translated into ${p.lang}; ${p.defaultLanguage} has it.${orConfig}`;
  const neededBy = 'polyfeed or a template uses it';
  if (p.lang === p.defaultLanguage) return `Add "${p.key}" to ${p.lang}; ${neededBy}.${orConfig}`;
  return `Add "${p.key}" translated into ${p.lang}; ${neededBy}, and ${p.defaultLanguage} lacks it too.${orConfig}`;
}

function placeholders(names: readonly string[]): string {
  return names.length > 0 ? names.map((name) => `{{${name}}}`).join(', ') : 'none';
}

/** `article`: the article file being rendered when the template failed. */
type Rendering = { article: string };

export const labelAndTemplateErrors = {
  LOCALE_MISSING: entry({
    /** `packaged`: the languages polyfeed ships labels for. */
    message: (p: { lang: string; file: string; packaged: readonly string[] }) => `Language "${p.lang}" is configured but has no labels file ${p.file}, and polyfeed ships no labels for it.`,
    hint: (p) =>
      `Create ${p.file} with every label of the default language, translated${p.packaged.length > 0 ? ` (polyfeed ships labels for ${p.packaged.join(', ')} only)` : ''}.`,
  }),
  LOCALE_MISSING_KEY: variants({
    /** `inDefault`: the default language has the key (else polyfeed or a template asks for it). */
    missing: entry({
      message: (p: { key: string; lang: string; defaultLanguage: string; inDefault: boolean }) => `The label "${p.key}" is missing in ${p.lang}.`,
      hint: missingKeyHint,
    }),
    /** `forms`: the plural categories the language needs; `missing`: those the label lacks. */
    'plural-forms': entry({
      message: (p: { key: string; lang: string; missing: readonly string[]; forms: readonly string[] }) =>
        `The plural label "${p.key}" lacks the ${p.lang} form${p.missing.length > 1 ? 's' : ''} ${p.missing.join(', ')}.`,
      hint: (p) => `${p.lang} needs the plural forms ${p.forms.join(', ')}: add ${p.missing.map((form) => `"${p.key.split('.').at(-1)}_${form}"`).join(', ')}.`,
    }),
    /** A key a template builds while rendering, which the check of the label files could not see. */
    'unknown-at-render': entry({
      message: (p: { key: string; lang: string }) => `The label "${p.key}" does not exist in ${p.lang}.`,
      hint: 'Add the key, translated, to this locale file.',
    }),
  }),
  LOCALE_PLACEHOLDER_MISMATCH: entry({
    /** `names`: the placeholders the label uses in `lang`; `wanted`: those it uses in the default language. */
    message: (p: { key: string; lang: string; names: readonly string[]; defaultLanguage: string; wanted: readonly string[] }) =>
      `The label "${p.key}" uses ${placeholders(p.names)} in ${p.lang} but ${placeholders(p.wanted)} in ${p.defaultLanguage}.`,
    hint: 'Use exactly the same {{placeholders}} as the default language; translate the words around them, never the names inside.',
  }),
  TEMPLATE_MISSING: variants({
    'item-template': entry({
      message: (p: { file: string }) => `The item template ${p.file} does not exist, neither in the site nor in polyfeed's package.`,
      hint: "polyfeed's installation lacks its defaults/ folder: reinstall polyfeed, or create the template in the site.",
    }),
    partial: entry({
      message: (p: { name: string }) => `The partial "${p.name}" does not exist.`,
      hint: (p) => `Create templates/partials/${p.name}.hbs, or correct the name.`,
    }),
  }),
  TEMPLATE_SYNTAX: entry({
    /** `reason`: the last line of the Handlebars parser's message. */
    message: (p: { reason: string }) => `The template could not be parsed: ${p.reason}`,
    hint: 'Fix the Handlebars syntax in the template.',
  }),
  TEMPLATE_RENDER: variants({
    /** `helpers`: the helpers templates may call. */
    'unknown-helper': entry({
      message: (p: { name: string; helpers: readonly string[] }) => `The helper "${p.name}" does not exist.`,
      hint: (p) => `Templates may call ${p.helpers.join(', ')}, and the functions the module named by "helpers" in polyfeed.config.yaml exports.`,
    }),
    /** `detail`: what the helper threw. */
    'helper-failed': entry({
      message: (p: Rendering & { helper: string; detail: string }) => `The helper "${p.helper}" failed: ${p.detail} (while rendering ${p.article})`,
      hint: (p) => `"${p.helper}" comes from the module named by "helpers" in polyfeed.config.yaml: fix it there, or what the template passes it here.`,
    }),
    'missing-field': entry({
      message: (p: Rendering & { field: string }) => `The template reads "${p.field}", which does not exist here. (while rendering ${p.article})`,
      hint: RENDER_HINT,
    }),
    /** `detail`: what Handlebars said, without its position. */
    'render-failed': entry({ message: (p: Rendering & { detail: string }) => `${p.detail} (while rendering ${p.article})`, hint: RENDER_HINT }),
  }),
  HELPERS_INVALID: variants({
    'not-found': entry({
      message: (p: { module: string }) => `The helpers module ${p.module} does not exist.`,
      hint: 'Give "helpers" the path of a JavaScript module relative to the site folder (./feed-helpers.mjs), or remove the setting.',
    }),
    /** `reason`: what Node.js said when the module was loaded. */
    'not-loaded': entry({
      message: (p: { module: string; reason: string }) => `The helpers module ${p.module} could not be loaded: ${p.reason}`,
      hint: 'Fix the module; it is loaded synchronously, so it may not use top-level await.',
    }),
    'no-helpers': entry({
      message: (p: { module: string }) => `The helpers module ${p.module} exports no function.`,
      hint: 'Export each helper as a named function: export function shout(text) { … }.',
    }),
    /** `name`: an export that is not a function, or a name polyfeed or Handlebars has taken. */
    'not-a-function': entry({
      message: (p: { module: string; name: string }) => `The export "${p.name}" of ${p.module} is not a function.`,
      hint: 'Export only helper functions from the helpers module.',
    }),
    'reserved-name': entry({
      message: (p: { module: string; name: string }) => `The helper "${p.name}" of ${p.module} has the name of a helper polyfeed or Handlebars has already.`,
      hint: 'Rename it: t, isolate, if, unless, each, with, lookup and log are taken.',
    }),
  }),
  TEMPLATE_RECURSION: variants({
    self: entry({ message: (p: { partial: string }) => `The partial "${p.partial}" includes itself. Rendering it would never end.`, hint: RECURSION_HINT }),
    /** `loop`: the partials in call order, the first repeated at the end. */
    loop: entry({
      message: (p: { loop: readonly string[] }) => `The partials include each other in a loop: ${p.loop.join(' → ')}. Rendering it would never end.`,
      hint: RECURSION_HINT,
    }),
  }),
};
