// Pure: parsed templates → a TEMPLATE_RECURSION problem for each loop of partials that include each other.
import type { BuildError } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';

/** A parsed template: the item template or a partial, under the name partial calls use. */
export interface ParsedTemplate {
  /** The partial's name ("byline"), or a name no call can use for the item template. */
  readonly name: string;
  readonly file: string;
  readonly program: hbs.AST.Program;
}

/** A `{{> name}}` (or `{{#> name}}`) call, where it stands. */
interface PartialCall {
  readonly callee: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/**
 * Calls of each template, by the name they are called under. An inline partial
 * (`{{#*inline "x"}}…{{/inline}}`) counts as the partial it is named after: its calls are
 * added to that name's, so a loop through it is found too (a loop it may not close is refused
 * as well, which errs on the safe side).
 */
function callsByName(templates: readonly ParsedTemplate[]): Map<string, PartialCall[]> {
  const calls = new Map<string, PartialCall[]>();
  const add = (name: string, call: PartialCall) => {
    const list = calls.get(name);
    if (list) list.push(call);
    else calls.set(name, [call]);
  };
  for (const template of templates) {
    calls.set(template.name, calls.get(template.name) ?? []);
    const visit = (node: unknown, owner: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const child of node) visit(child, owner);
        return;
      }
      const typed = node as { type?: string; loc?: hbs.AST.SourceLocation } & Record<string, unknown>;
      let inside = owner;
      if (typed.type === 'PartialStatement' || typed.type === 'PartialBlockStatement') {
        const name = (typed.name as { original?: unknown }).original;
        if (typeof name === 'string') add(owner, { callee: name, file: template.file, line: typed.loc?.start.line, column: typed.loc ? typed.loc.start.column + 1 : undefined });
      } else if (typed.type === 'DecoratorBlock' && (typed.path as { original?: unknown }).original === 'inline') {
        const name = ((typed.params as { value?: unknown }[] | undefined)?.[0])?.value;
        if (typeof name === 'string') inside = name;
      }
      for (const [key, value] of Object.entries(typed)) if (key !== 'loc') visit(value, inside);
    };
    visit(template.program, template.name);
  }
  return calls;
}

/** One problem for each call that closes a loop, at that call, naming the loop. */
export function findPartialCycles(templates: readonly ParsedTemplate[]): BuildError[] {
  const calls = callsByName(templates);
  const errors: BuildError[] = [];
  // 0: not visited, 1: on the current path, 2: done. Iterative, so a long chain cannot overflow the stack.
  const state = new Map<string, 1 | 2>();
  for (const start of calls.keys()) {
    if (state.has(start)) continue;
    const path: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 1);
    while (path.length > 0) {
      const top = path.at(-1)!;
      const call = calls.get(top.name)?.[top.next++];
      if (!call) {
        state.set(top.name, 2);
        path.pop();
        continue;
      }
      const seen = state.get(call.callee);
      if (seen === 1) {
        const loop = [...path.slice(path.findIndex((step) => step.name === call.callee)).map((step) => step.name), call.callee];
        const params = loop.length === 2 ? { kind: 'self', partial: call.callee } as const : { kind: 'loop', loop } as const;
        errors.push(makeError('TEMPLATE_RECURSION', params, { file: call.file, line: call.line, column: call.column }));
      } else if (seen === undefined && calls.has(call.callee)) {
        state.set(call.callee, 1);
        path.push({ name: call.callee, next: 0 });
      }
    }
  }
  return errors;
}
