// Pure: a catalogue problem raised inside a zod schema, carried on the issue for zodIssuesToErrors to report.
import type { z } from 'zod';
import { errorMessage, type CodedProblem } from './error-catalogue.js';

/** The issue's params as a schema sets them: the problem, with its code and the facts of its message. */
interface ProblemParams {
  readonly polyfeedProblem: CodedProblem;
}

/** Adds the problem as a custom issue (at `path` below the value refined, if given); zod's message is the catalogue's. */
export function addProblem<T>(context: z.core.$RefinementCtx<T>, problem: CodedProblem, path?: PropertyKey[]): void {
  const params: ProblemParams = { polyfeedProblem: problem };
  context.addIssue({ code: 'custom', message: errorMessage(problem.code, problem.params), params, ...(path ? { path } : {}) });
}

/** The options of a `.refine` that fails with one fixed problem. */
export function problemRefinement(problem: CodedProblem): { error: string; params: ProblemParams } {
  return { error: errorMessage(problem.code, problem.params), params: { polyfeedProblem: problem } };
}

/** The problem a custom issue carries, if a schema raised it with addProblem or problemRefinement. */
export function problemOf(issue: { readonly params?: Record<string, unknown> | undefined }): CodedProblem | undefined {
  return (issue.params as Partial<ProblemParams> | undefined)?.polyfeedProblem;
}
