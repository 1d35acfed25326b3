// Pure: the config's fallback chains (`fallbacks`, `labelFallbacks`): their schema and the rules that tie them to `languages`.
import { z } from 'zod';
import { addProblem } from './schema-problem.js';

/** One language, or a list tried in order: `en`, `[pt-PT, en]`. Read as a list either way. */
const FallbackChainSchema = z.union([z.string().trim().min(1).transform((lang) => [lang]), z.array(z.string().trim().min(1)).min(1)]);

/** Per language, the languages tried in order for what it lacks: `{ pt-BR: [pt-PT, en] }`. */
export const FallbackChainsSchema = z.record(z.string(), FallbackChainSchema);

/** Fallback chains by language, as the schema gives them (every chain a list). */
export type FallbackChains = Readonly<Record<string, readonly string[]>>;

/** The chain of `lang` (empty when it has none): the languages tried, in order, for what it lacks. */
export function fallbackChainOf(chains: FallbackChains | undefined, lang: string): readonly string[] {
  return (chains && Object.hasOwn(chains, lang) ? chains[lang] : undefined) ?? [];
}

/**
 * A chain's problems, each at its place in the config: a language not in `languages` (as the
 * chain's owner or in the chain), a language falling back to itself, or one named twice in a
 * chain. A chain is a list, so there is no cycle to look for: only its own languages are tried.
 */
export function addFallbackProblems(
  context: z.core.$RefinementCtx<unknown>,
  field: 'fallbacks' | 'labelFallbacks',
  chains: unknown,
  languages: readonly string[],
): void {
  if (chains === null || typeof chains !== 'object') return;
  for (const [lang, chain] of Object.entries(chains)) {
    if (!languages.includes(lang)) {
      addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'fallback-language-not-listed', field, lang } }, [field, lang]);
      continue;
    }
    if (!Array.isArray(chain)) continue;
    chain.forEach((other: unknown, index) => {
      if (typeof other !== 'string') return;
      // A chain of one may have been written as the language alone (`pt-BR: en`): it is pointed at as a whole.
      const path = chain.length === 1 ? [field, lang] : [field, lang, index];
      if (!languages.includes(other)) {
        addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'fallback-to-unlisted', field, lang, other } }, path);
      } else if (other === lang) {
        addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'fallback-to-itself', field, lang } }, path);
      } else if (chain.indexOf(other) !== index) {
        addProblem(context, { code: 'INVALID_VALUE', params: { kind: 'fallback-twice', field, lang, other } }, path);
      }
    });
  }
}
