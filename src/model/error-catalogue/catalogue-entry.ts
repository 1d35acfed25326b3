// Pure: the shape of one catalogue entry: how a code's message and hint are made from the facts of one occurrence.

/** What a message that needs nothing is made from: `{}` (and nothing else, not even a string). */
export type NoParams = { readonly [key: string]: never };

/** One code: its message, and its hint, both made from the same parameters. */
export interface CatalogueEntry<P> {
  /** What happened and why, in one sentence (a position is never written into it: it is data). */
  readonly message: (params: P) => string;
  /** What to do: the same for every occurrence, or made from its parameters. */
  readonly hint: string | ((params: P) => string);
}

/** An entry; its parameters are the ones its message names (none when it takes no argument). */
export function entry<P extends object = NoParams>(definition: CatalogueEntry<P>): CatalogueEntry<NoInfer<P>> {
  return definition;
}

/** The parameters of an entry made by `variants`: the variant's name as `kind`, plus what its message names. */
export type VariantParams<V> = { [K in keyof V]: { readonly kind: K } & (V[K] extends CatalogueEntry<infer P> ? (P extends NoParams ? unknown : P) : never) }[keyof V];

/**
 * A code reported in several situations, each with its own wording and hint: `{ kind: 'utf16', … }`
 * picks the situation, the rest are its facts.
 */
export function variants<V extends Record<string, CatalogueEntry<never>>>(table: V): CatalogueEntry<VariantParams<V>> {
  const pick = (params: VariantParams<V>) => table[params.kind as keyof V] as unknown as CatalogueEntry<VariantParams<V>>;
  return {
    message: (params) => pick(params).message(params),
    hint: (params) => hintOf(pick(params), params),
  };
}

/** An entry's hint for one occurrence. */
export function hintOf<P>(definition: CatalogueEntry<P>, params: P): string {
  return typeof definition.hint === 'string' ? definition.hint : definition.hint(params);
}
