// Pure: text from sources → the same text with every character a terminal or log viewer would act on instead of show, escaped.

/**
 * Characters that reorder or rewrite what is shown rather than showing: DEL, the C1 controls
 * (U+009B is CSI on its own), the bidirectional controls (U+202E, U+2066–U+2069, …) and the
 * line and paragraph separators. JSON.stringify leaves these raw.
 */
const ACTIVE_ABOVE_C0 = '\\u007F-\\u009F\\u061C\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';

/** The C0 controls too: ESC starts colour, title and screen sequences; NUL, BEL, BS, CR and LF rewrite lines. */
const UNSAFE = new RegExp(`[\\u0000-\\u001F${ACTIVE_ABOVE_C0}]`, 'g');
const UNSAFE_IN_JSON = new RegExp(`[${ACTIVE_ABOVE_C0}]`, 'g');

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `\x1b` for controls up to U+00FF, `\u202e` above (`\t`, `\n`, `\r` by name). */
export function escapeCharacter(character: string): string {
  const named = NAMED[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with those characters shown as escapes: safe to print on a terminal, and it says what was there. */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/** JSON text with the characters JSON.stringify leaves raw written as \u escapes: the parsed value is the same. */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
