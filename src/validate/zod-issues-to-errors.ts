// Pure: zod issues → BuildErrors with the position of each field in the source file.
import type { z } from 'zod';
import type { BuildError, FieldPath } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { CodedProblem, FieldName } from '../model/error-catalogue.js';
import { problemOf } from '../model/schema-problem.js';
import type { PositionLookup } from '../load/parse-yaml-with-positions.js';
import { closestMatch } from './closest-match.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

interface MappingContext {
  readonly file: string;
  readonly positionOf: PositionLookup;
  readonly schema: AnySchema;
  /** Name used in messages for the root object, e.g. "front matter". */
  readonly subject: string;
}

/** Every issue becomes at least one BuildError; unknown keys become one error each. */
export function zodIssuesToErrors(issues: readonly Issue[], context: MappingContext, input: unknown): BuildError[] {
  return issues.flatMap((issue) => issueToErrors(issue, context, input));
}

function issueToErrors(issue: Issue, context: MappingContext, input: unknown): BuildError[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const at = (problem: CodedProblem, errorPath: FieldPath = path, key = false, positionPath: FieldPath = errorPath) =>
    makeError(problem.code, problem.params, {
      file: context.file,
      path: errorPath,
      ...context.positionOf(positionPath, { key }),
    });
  const value = valueAt(input, path);
  const field: FieldName = { path, subject: context.subject };
  const missing = (options?: readonly unknown[]) => {
    // The field is not there to point at, so the position is its parent's key.
    const parent = path.slice(0, -1);
    return at({ code: 'REQUIRED_FIELD', params: { name: String(path.at(-1)), parent: { path: parent, subject: context.subject }, options } }, path, true, parent);
  };

  switch (issue.code) {
    case 'unrecognized_keys': {
      return issue.keys.map((key) => {
        // A key of another variant (a Brightcove "player" on a YouTube video) is not suggested back.
        const known = knownKeysAt(context.schema, path, input).filter((candidate) => candidate !== key);
        return at({ code: 'UNKNOWN_FIELD', params: { key, parent: field, suggestion: closestMatch(key, known), known } }, [...path, key], true);
      });
    }
    case 'invalid_type': {
      if (value === null && issue.expected === 'string') return [at({ code: 'EMPTY_VALUE', params: { kind: 'empty', field } })];
      if (value === undefined) return [missing()];
      return [at({ code: 'INVALID_TYPE', params: { kind: 'wrong-type', field, expected: issue.expected, value } })];
    }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') {
        return [at({ code: 'INVALID_VALUE', params: { kind: 'number-too-small', field, value, minimum: issue.minimum, inclusive: issue.inclusive ?? false } })];
      }
      return [at({ code: 'EMPTY_VALUE', params: { kind: issue.origin === 'array' ? 'empty-list' : 'empty', field } })];
    case 'invalid_format':
      if (issue.format === 'url') return [at({ code: 'INVALID_URL', params: { kind: 'field-not-absolute', field, value } })];
      if (issue.format === 'email') return [at({ code: 'INVALID_VALUE', params: { kind: 'not-email', field, value } })];
      return [at({ code: 'INVALID_VALUE', params: { kind: 'wrong-format', field, detail: issue.message } })];
    case 'invalid_value': {
      const suggestion = typeof value === 'string' ? closestMatch(value, issue.values.filter((allowed): allowed is string => typeof allowed === 'string')) : undefined;
      return [at({ code: 'INVALID_VALUE', params: { kind: 'not-allowed', field, value, allowed: issue.values, suggestion } })];
    }
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        // zod's path already ends in the discriminator ("video.provider").
        const options = (issue as { options?: unknown[] }).options ?? [];
        if (value === undefined) return [missing(options)];
        return [at({ code: 'INVALID_VALUE', params: { kind: 'not-allowed', field, value, allowed: options } })];
      }
      // A value that fits no variant: report the problems of the variant meant for its type, so
      // "authors: [{ nmae: Jane }]" says "unknown nmae, did you mean name" and "authors: ["Jane\vDoe"]"
      // names the control character, rather than "wrong shape".
      const branchForType = issue.errors.find((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
      if (branchForType) {
        const nested = branchForType.map((inner) => ({ ...inner, path: [...path, ...inner.path] }) as Issue);
        return zodIssuesToErrors(nested, context, input);
      }
      return [at({ code: 'INVALID_TYPE', params: { kind: 'wrong-shape', field, value } })];
    }
    case 'custom': {
      const problem = problemOf(issue);
      // Every custom issue of our schemas carries its problem (see schema-problem.ts); one without is a bug.
      if (!problem) throw new Error(`A custom issue at ${JSON.stringify(path)} carries no catalogue problem: ${issue.message}`);
      return [at(problem)];
    }
    default:
      return [at({ code: 'INVALID_VALUE', params: { kind: 'not-accepted', field, detail: issue.message } })];
  }
}

function valueAt(input: unknown, path: FieldPath): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Whether a discriminated-union option accepts `value` (its discriminator literal matches). */
function optionMatches(option: AnySchema, discriminator: string, value: unknown): boolean {
  const shape = (option._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
  const literal = shape?.[discriminator]?._zod.def as unknown as { type: string; values?: unknown[] } | undefined;
  return literal?.type !== 'literal' || (literal.values ?? []).includes(value);
}

/**
 * The keys an object schema accepts at a path, for "did you mean" suggestions. `input` picks the
 * variant of a discriminated union (a YouTube video's fields, not a Brightcove one's).
 */
export function knownKeysAt(schema: AnySchema, path: FieldPath, input?: unknown): string[] {
  const keys = new Set<string>();
  const visit = (node: AnySchema | undefined, remaining: FieldPath, value: unknown): void => {
    if (!node) return;
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    const child = (segment: string | number) =>
      value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        return visit(def.innerType as AnySchema, remaining, value);
      case 'pipe':
        return visit(def.in as AnySchema, remaining, value);
      case 'union': {
        const discriminator = def.discriminator as string | undefined;
        const chosen = discriminator === undefined || remaining.length > 0 ? undefined : child(discriminator);
        const options = (def.options as AnySchema[]).filter(
          (option) => chosen === undefined || optionMatches(option, discriminator!, chosen),
        );
        for (const option of options) visit(option, remaining, value);
        return;
      }
      case 'array':
        return visit(def.element as AnySchema, remaining.slice(1), child(remaining[0]!));
      case 'object': {
        const shape = def.shape as Record<string, AnySchema>;
        if (remaining.length === 0) {
          for (const key of Object.keys(shape)) keys.add(key);
          return;
        }
        return visit(shape[String(remaining[0])], remaining.slice(1), child(remaining[0]!));
      }
      default:
        return;
    }
  };
  visit(schema, path, input);
  return [...keys];
}
