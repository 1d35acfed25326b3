// Property: whatever the shared URL rule accepts, a browser's URL parser (WHATWG URL) reads as http(s), resolved against the site.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { urlProblem, type UrlKind } from '../../src/model/url-rule.js';

const PIECES = [
  'javascript:', 'JaVaScRiPt:', 'java', 'script:', 'file:', 'data:', 'vbscript:', 'http:', 'https:', '//', '/', '\\', ':', 'alert(1)',
  'example.org', '%01', '%0A', '&#1;', '\u0000', '\u0001', '\t', '\n', '\r', ' ', '\u00A0', '\u0085', '\u007F', '\u200B', '\uFEFF', 'é', '?', '#', '@',
];
const urlLike = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const SITE = 'https://site.example/news/en/story/';

describe('the shared URL rule', () => {
  test.prop([urlLike, fc.constantFrom<UrlKind>('absolute', 'reference', 'path')], { numRuns: 5000 })(
    'accepts only what a browser reads as an http(s) URL, and never a control character',
    (text, kind) => {
      if (urlProblem(text, kind) !== undefined) return;
      expect(text).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
      expect(new URL(text, SITE).protocol).toMatch(/^https?:$/);
      if (kind === 'path') expect(new URL(text, SITE).origin).toBe('https://site.example');
    },
  );
});
