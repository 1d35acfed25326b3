// Pure: template texts → compiled Handlebars templates in an isolated environment, plus the label keys they use.
import Handlebars from 'handlebars';
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import { findPartialCycles, type ParsedTemplate } from './find-partial-cycles.js';
import { templateNameOf } from './find-template.js';

/** The helpers templates may call besides Handlebars' built-ins. */
export const TEMPLATE_HELPERS = ['t', 'isolate'] as const;

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/** Names a site's helpers may not take: polyfeed's own and Handlebars' built-ins. */
export const RESERVED_HELPER_NAMES: readonly string[] = [...TEMPLATE_HELPERS, ...BUILT_IN_HELPERS];

/** A helper of the site's helpers module, as it exported it. */
export type SiteHelperFunction = (...args: unknown[]) => unknown;

export interface TemplateFileText {
  readonly path: string;
  readonly text: string;
}

/** The templates of the pages for people (config `subscribePage`): the subscribe page, and its autodiscovery links alone. */
export interface PageTemplates {
  /** `index`: the subscribe page. */
  readonly index: Handlebars.TemplateDelegate;
  /** The partial `feed-links` alone: the snippet for a site's own `<head>`. */
  readonly feedLinks: Handlebars.TemplateDelegate;
}

export interface CompiledTemplates {
  /** Renders an item's HTML from its context; helpers are given per call. */
  readonly item: Handlebars.TemplateDelegate;
  /** Label keys named as string literals in `{{t "…"}}` calls, for the locale check (but those of the subscribe page). */
  readonly labelKeys: readonly string[];
  /** The subscribe page's templates; undefined when there is no `index` template (an installation without its defaults). */
  readonly page: PageTemplates | undefined;
  /** Label keys the subscribe page's template names: needed only with `subscribePage`. */
  readonly pageLabelKeys: readonly string[];
  /** The site's helpers, wrapped (see guardHelper), to be given with `t` to each render. */
  readonly helpers: Readonly<Record<string, Handlebars.HelperDelegate>>;
}

const ITEM_TEMPLATE = 'item';
/** The subscribe page's template (see PageTemplates). */
export const PAGE_TEMPLATE = 'index';
/** The partial of the autodiscovery links, which the subscribe page's head and the snippet share. */
export const FEED_LINKS_PARTIAL = 'feed-links';
const PARTIALS_FOLDER = 'partials/';

/** A partial's name as templates call it (`byline`), or undefined for a template outside partials/. */
function partialNameOf(path: string): string | undefined {
  const name = templateNameOf(path);
  return name.startsWith(PARTIALS_FOLDER) ? name.slice(PARTIALS_FOLDER.length) : undefined;
}

/**
 * `files`: one file per template name, the site's or polyfeed's packaged one (see templateFilesOf).
 * `unreadable`: template files that exist but could not be read as text (already reported).
 */
export function compileTemplates(
  files: readonly TemplateFileText[],
  unreadable: ReadonlySet<string> = new Set(),
  siteHelpers: Readonly<Record<string, SiteHelperFunction>> = {},
): { value?: CompiledTemplates; errors: BuildError[] } {
  const environment = Handlebars.create();
  const errors: BuildError[] = [];
  const labelKeys = new Set<string>();
  const pageLabelKeys = new Set<string>();
  const partialNames = new Set([...files.map((file) => file.path), ...unreadable].flatMap((path) => partialNameOf(path) ?? []));
  const helperNames = [...TEMPLATE_HELPERS, ...Object.keys(siteHelpers)];
  const knownHelpers = Object.fromEntries(helperNames.map((name) => [name, true]));
  let item: Handlebars.TemplateDelegate | undefined;
  let index: Handlebars.TemplateDelegate | undefined;
  const parsed: ParsedTemplate[] = [];

  for (const file of files) {
    let program: hbs.AST.Program;
    try {
      program = environment.parse(file.text);
    } catch (error) {
      errors.push(templateSyntaxError(file.path, error));
      continue;
    }
    const isPage = templateNameOf(file.path) === PAGE_TEMPLATE;
    errors.push(...checkReferences(program, file.path, partialNames, isPage ? pageLabelKeys : labelKeys, helperNames));
    const partial = partialNameOf(file.path);
    // Templates outside partials/ are named by their path: no partial call names them.
    parsed.push({ name: partial ?? file.path, file: file.path, program });
    const compile = () => tagErrors(environment.compile(program, { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: false }), file.path);
    if (templateNameOf(file.path) === ITEM_TEMPLATE) {
      item = compile();
    } else if (isPage) {
      index = compile();
    } else if (partial !== undefined) {
      environment.registerPartial(partial, compile());
    }
  }
  // A partial that includes itself would recurse until the process runs out of stack or memory (issue 11).
  errors.push(...findPartialCycles(parsed));
  if (!files.some((file) => templateNameOf(file.path) === ITEM_TEMPLATE) && ![...unreadable].some((path) => templateNameOf(path) === ITEM_TEMPLATE)) {
    // Only when polyfeed's own item template is gone too: an installation missing its defaults/ folder.
    const file = `templates/${ITEM_TEMPLATE}.hbs`;
    errors.push(makeError('TEMPLATE_MISSING', { kind: 'item-template', file }, { file }));
  }
  if (errors.length > 0 || !item) return { errors };
  const helpers = Object.fromEntries(Object.entries(siteHelpers).map(([name, helper]) => [name, guardHelper(name, helper)]));
  const feedLinksPath = `templates/${PARTIALS_FOLDER}${FEED_LINKS_PARTIAL}.hbs`;
  const page =
    index && partialNames.has(FEED_LINKS_PARTIAL)
      ? { index, feedLinks: tagErrors(environment.compile(`{{> ${FEED_LINKS_PARTIAL}}}`, { strict: true, knownHelpers, knownHelpersOnly: true }), feedLinksPath) }
      : undefined;
  return { value: { item, labelKeys: [...labelKeys].sort(), page, pageLabelKeys: [...pageLabelKeys].sort(), helpers }, errors };
}

/** What went wrong in a render: a field the template reads that is not there, a site helper that threw, or what Handlebars said (without its position). */
export type RenderFailure =
  | { readonly kind: 'missing-field'; readonly field: string }
  | { readonly kind: 'helper-failed'; readonly helper: string; readonly detail: string }
  | { readonly kind: 'render-failed'; readonly detail: string };

/** Thrown by a guarded site helper: which helper failed, where in the template it was called, and what it threw. */
class HelperError extends Error {
  constructor(
    readonly helper: string,
    readonly loc: hbs.AST.SourceLocation | undefined,
    options: { cause: unknown },
  ) {
    super(`The helper "${helper}" failed (see the cause)`, options);
    this.name = 'HelperError';
  }
}

/**
 * A site helper as templates get it: what it throws names the helper and the place of the call
 * (Handlebars gives each call its location), and it cannot mark its result as safe HTML: a
 * Handlebars SafeString becomes plain text, escaped by `{{…}}` like any field. Whatever a template
 * writes, `{{{…}}}` included, still goes through the sanitizer (renderSanitized).
 */
function guardHelper(name: string, helper: SiteHelperFunction): Handlebars.HelperDelegate {
  return function guarded(this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation };
    let result: unknown;
    try {
      result = helper.apply(this, args);
    } catch (error) {
      throw new HelperError(name, options?.loc, { cause: error });
    }
    if (result instanceof Promise) throw new HelperError(name, options?.loc, { cause: new Error('it returned a Promise; helpers must be synchronous') });
    return result instanceof Handlebars.SafeString ? result.toString() : result;
  };
}

/** A render failure inside a template, with the template that failed (the innermost one). */
export class TemplateRenderError extends Error {
  constructor(
    readonly template: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly failure: RenderFailure,
    options: { cause: unknown },
  ) {
    super(`${template} could not be rendered (see the cause)`, options);
    this.name = 'TemplateRenderError';
  }
}

/**
 * Handlebars says where in a template a strict-mode lookup failed ("… - 4:10") but not in which
 * template; each compiled template and partial names itself on the errors that pass through it.
 */
function tagErrors(template: Handlebars.TemplateDelegate, path: string): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      if (error instanceof HelperError) {
        const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
        const failure: RenderFailure = { kind: 'helper-failed', helper: error.helper, detail: cause };
        throw new TemplateRenderError(path, error.loc?.start.line, error.loc ? error.loc.start.column + 1 : undefined, failure, { cause: error });
      }
      const message = String((error as Error).message);
      const place = / - (\d+):(\d+)$/.exec(message);
      const missing = /^"([^"]+)" not defined in/.exec(message);
      const failure: RenderFailure = missing ? { kind: 'missing-field', field: missing[1]! } : { kind: 'render-failed', detail: message.replace(/ - \d+:\d+$/, '') };
      throw new TemplateRenderError(path, place ? Number(place[1]) : undefined, place ? Number(place[2]) + 1 : undefined, failure, { cause: error });
    }
  };
}

function templateSyntaxError(file: string, error: unknown): BuildError {
  const message = String((error as Error).message);
  // Parse errors name the line in the message; block mismatches carry it as lineNumber.
  const line = /on line (\d+)/.exec(message)?.[1] ?? (error as { lineNumber?: number }).lineNumber;
  return makeError('TEMPLATE_SYNTAX', { reason: message.split('\n').at(-1)?.trim() ?? message }, {
    file,
    line: line ? Number(line) : undefined,
    cause: error,
  });
}

/** Walks the template for partials that do not exist, unknown helpers and the label keys it uses. */
function checkReferences(program: hbs.AST.Program, file: string, partials: ReadonlySet<string>, labelKeys: Set<string>, helperNames: readonly string[]): BuildError[] {
  const errors: BuildError[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const typed = node as { type?: string; loc?: hbs.AST.SourceLocation } & Record<string, unknown>;
    const position = { file, line: typed.loc?.start.line, column: typed.loc ? typed.loc.start.column + 1 : undefined };
    if (typed.type === 'PartialStatement' || typed.type === 'PartialBlockStatement') {
      const name = (typed.name as hbs.AST.PathExpression).original;
      if (!partials.has(name)) {
        errors.push(makeError('TEMPLATE_MISSING', { kind: 'partial', name }, position));
      }
    }
    if (typed.type === 'MustacheStatement' || typed.type === 'BlockStatement' || typed.type === 'SubExpression') {
      const path = typed.path as hbs.AST.PathExpression;
      const params = (typed.params as hbs.AST.Expression[]) ?? [];
      const name = path.original;
      // A mustache or block without arguments ({{title}}, {{#image}}…{{/image}}) reads a field;
      // with arguments it calls a helper, which must exist.
      const isHelperCall = params.length > 0 || ((typed.hash as hbs.AST.Hash | undefined)?.pairs.length ?? 0) > 0;
      if (isHelperCall && !BUILT_IN_HELPERS.has(name) && !helperNames.includes(name)) {
        errors.push(makeError('TEMPLATE_RENDER', { kind: 'unknown-helper', name, helpers: [...helperNames, ...BUILT_IN_HELPERS] }, position));
      }
      if (name === 't') {
        const first = params[0];
        if (first?.type === 'StringLiteral') labelKeys.add((first as hbs.AST.StringLiteral).value);
      }
    }
    for (const [key, value] of Object.entries(typed)) if (key !== 'loc') visit(value);
  };
  visit(program);
  return errors;
}
