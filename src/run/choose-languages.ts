// Pure: the tags given with --languages, checked against the config's languages → the languages to build, or a usage message.
/** The languages a run builds (as the config spells them), or why the tags given cannot be used. */
export type ChosenLanguages = { readonly languages: readonly string[] | undefined } | { readonly problem: string };

/**
 * Each tag given must be one of the config's (BCP 47 tags compare without regard to case), and is
 * taken as the config spells it; repeats count once. Undefined (no --languages) chooses every language.
 */
export function chooseLanguages(given: readonly string[] | undefined, configured: readonly string[]): ChosenLanguages {
  if (given === undefined) return { languages: undefined };
  const byLowerCase = new Map(configured.map((lang) => [lang.toLowerCase(), lang]));
  const unknown = given.filter((tag) => !byLowerCase.has(tag.toLowerCase()));
  if (unknown.length > 0) {
    const list = unknown.map((tag) => `"${tag}"`).join(', ');
    return { problem: `--languages: ${list} ${unknown.length === 1 ? 'is not a language' : 'are not languages'} of polyfeed.config.yaml, whose languages are ${configured.join(', ')}.` };
  }
  return { languages: [...new Set(given.map((tag) => byLowerCase.get(tag.toLowerCase())!))] };
}
