// The config's fallback chains (`fallbacks`, `labelFallbacks`): read as lists, and every problem at its place.
import { describe, expect, test } from 'vitest';
import { validateConfig } from '../../../src/validate/validate-config.js';

const config = (extra: string) => `baseUrl: https://example.org/
languages: [en, pt-PT, pt-BR]
defaultLanguage: en
authors: [Desk]
${extra}`;

const problemsOf = (text: string) => validateConfig(text, 'polyfeed.config.yaml').errors.map(({ code, path, line }) => ({ code, path, line }));

describe('fallbacks and labelFallbacks in polyfeed.config.yaml', () => {
  test('a chain is a list, or one language written alone; unset, no language falls back', () => {
    const { value, errors } = validateConfig(config('fallbacks:\n  pt-BR: [pt-PT, en]\n  pt-PT: en\nlabelFallbacks: { pt-PT: pt-BR }\n'), 'polyfeed.config.yaml');
    expect(errors).toEqual([]);
    expect(value!.fallbacks).toEqual({ 'pt-BR': ['pt-PT', 'en'], 'pt-PT': ['en'] });
    expect(value!.labelFallbacks).toEqual({ 'pt-PT': ['pt-BR'] });
    expect(validateConfig(config(''), 'polyfeed.config.yaml').value).toMatchObject({ fallbacks: {}, labelFallbacks: {} });
  });

  test('a chain for a language not in "languages" is INVALID_VALUE at its key', () => {
    expect(problemsOf(config('fallbacks:\n  de: [en]\n'))).toEqual([{ code: 'INVALID_VALUE', path: ['fallbacks', 'de'], line: 6 }]);
  });

  test('a chain naming a language not in "languages", the language itself, or one language twice is INVALID_VALUE at that place', () => {
    expect(problemsOf(config('fallbacks:\n  pt-BR:\n    - pt-PT\n    - es\n    - pt-BR\n    - pt-PT\n'))).toEqual([
      { code: 'INVALID_VALUE', path: ['fallbacks', 'pt-BR', 1], line: 8 },
      { code: 'INVALID_VALUE', path: ['fallbacks', 'pt-BR', 2], line: 9 },
      { code: 'INVALID_VALUE', path: ['fallbacks', 'pt-BR', 3], line: 10 },
    ]);
  });

  test('labelFallbacks follows the same rules; a chain of one written alone is pointed at whole', () => {
    expect(problemsOf(config('labelFallbacks:\n  pt-PT: pt-PT\n'))).toEqual([{ code: 'INVALID_VALUE', path: ['labelFallbacks', 'pt-PT'], line: 6 }]);
  });

  test('an empty chain is refused', () => {
    expect(problemsOf(config('fallbacks: { pt-BR: [] }\n')).map(({ code, path }) => ({ code, path }))).toEqual([{ code: expect.any(String), path: ['fallbacks', 'pt-BR'] }]);
  });
});
