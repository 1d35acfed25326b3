// Pure: zod issues → BuildErrors with the position of each field in the source file.
import type { z } from 'zod';
import type { BuildError, FieldPath } from '../model/build-error.js';
import { makeError } from '../model/build-error.js';
import type { ErrorCode } from '../model/error-catalogue.js';
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
  const at = (code: ErrorCode, message: string, hint?: string, errorPath: FieldPath = path, key = false, positionPath: FieldPath = errorPath) =>
    makeError(code, message, {
      file: context.file,
      path: errorPath,
      hint,
      ...context.positionOf(positionPath, { key }),
    });
  const value = valueAt(input, path);
  const field = describeField(path, context.subject);

  switch (issue.code) {
    case 'unrecognized_keys': {
      return issue.keys.map((key) => {
        // A key of another variant (a Brightcove "player" on a YouTube video) is not suggested back.
        const known = knownKeysAt(context.schema, path, input).filter((candidate) => candidate !== key);
        const suggestion = closestMatch(key, known);
        const hint = suggestion
          ? `Did you mean "${suggestion}"?`
          : `Known fields here: ${known.join(', ')}.`;
        return at('UNKNOWN_FIELD', `Unknown field "${key}" in ${field}.`, hint, [...path, key], true);
      });
    }
    case 'invalid_type': {
      if (value === null && issue.expected === 'string') return [at('EMPTY_VALUE', `${capitalize(field)} is empty.`)];
      if (value === undefined) {
        const parent = path.slice(0, -1);
        // The field is not there to point at, so the position is its parent's key.
        return [at('REQUIRED_FIELD', `Required field "${String(path.at(-1))}" is missing from ${describeField(parent, context.subject)}.`, undefined, path, true, parent)];
      }
      return [at('INVALID_TYPE', `${capitalize(field)} must be ${article(issue.expected)}, got ${describeValue(value)}.`)];
    }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = issue.inclusive ? `at least ${String(issue.minimum)}` : `more than ${String(issue.minimum)}`;
        return [at('INVALID_VALUE', `${capitalize(field)} is ${describeValue(value)}; it must be ${bound}.`, `Change it to a number that is ${bound}.`)];
      }
      if (issue.origin === 'array') return [at('EMPTY_VALUE', `${capitalize(field)} is an empty list.`)];
      return [at('EMPTY_VALUE', `${capitalize(field)} is empty.`)];
    case 'invalid_format':
      if (issue.format === 'url') return [at('INVALID_URL', `${capitalize(field)} is not an absolute http(s) URL: ${describeValue(value)}.`)];
      if (issue.format === 'email') return [at('INVALID_VALUE', `${capitalize(field)} is not an e-mail address: ${describeValue(value)}.`, 'Write an address like name@example.org.')];
      return [at('INVALID_VALUE', `${capitalize(field)}: ${issue.message}`, 'Write it in the form the field table in README.md gives.')];
    case 'invalid_value':
      return [
        at(
          'INVALID_VALUE',
          `${capitalize(field)} is ${describeValue(value)}, which is not one of the allowed values.`,
          `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
        ),
      ];
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        // zod's path already ends in the discriminator ("video.provider").
        const options = ((issue as { options?: unknown[] }).options ?? []).map((option) => JSON.stringify(option)).join(', ');
        if (value === undefined) {
          const parent = path.slice(0, -1);
          return [at('REQUIRED_FIELD', `Required field "${String(path.at(-1))}" is missing from ${describeField(parent, context.subject)}.`, `Add it: one of ${options}.`, path, true, parent)];
        }
        return [at('INVALID_VALUE', `${capitalize(field)} is ${describeValue(value)}, which is not one of the allowed values.`, `Use one of: ${options}.`)];
      }
      // A value that fits no variant: report the problems of the variant meant for its type, so
      // "authors: [{ nmae: Jane }]" says "unknown nmae, did you mean name" and "authors: ["Jane\vDoe"]"
      // names the control character, rather than "wrong shape".
      const branchForType = issue.errors.find((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
      if (branchForType) {
        const nested = branchForType.map((inner) => ({ ...inner, path: [...path, ...inner.path] }) as Issue);
        return zodIssuesToErrors(nested, context, input);
      }
      return [at('INVALID_TYPE', `${capitalize(field)} has the wrong shape: ${describeValue(value)}.`)];
    }
    case 'custom': {
      const code = (issue.params?.polyfeedCode as ErrorCode | undefined) ?? 'INVALID_VALUE';
      return [at(code, issue.message, issue.params?.polyfeedHint as string | undefined)];
    }
    default:
      return [at('INVALID_VALUE', `${capitalize(field)}: ${issue.message}`)];
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

function describeField(path: FieldPath, subject: string): string {
  if (path.length === 0) return `the ${subject}`;
  return `"${path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('')}"`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    object: 'an object (key: value lines)',
    array: 'a list',
    boolean: 'true or false',
    number: 'a number',
    int: 'a whole number',
  };
  return names[expected] ?? `a ${expected}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
