import { describe, expect, test } from 'vitest';
import { chooseLanguages } from '../../../src/run/choose-languages.js';

describe('chooseLanguages', () => {
  test('no --languages chooses every language', () => {
    expect(chooseLanguages(undefined, ['en', 'pt-BR'])).toEqual({ languages: undefined });
  });

  test('tags are taken as the config spells them, once each', () => {
    expect(chooseLanguages(['PT-br', 'en', 'pt-BR'], ['en', 'pt-BR'])).toEqual({ languages: ['pt-BR', 'en'] });
  });

  test('an unknown tag is a problem naming the configured languages', () => {
    expect(chooseLanguages(['en', 'fr'], ['en', 'ar'])).toEqual({ problem: '--languages: "fr" is not a language of polyfeed.config.yaml, whose languages are en, ar.' });
  });
});
