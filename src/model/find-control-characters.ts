// Pure: text → the positions of control characters that no feed can carry.
import type { BuildError } from './build-error.js';
import { makeError } from './build-error.js';

// C0 controls except tab, LF and CR; DEL; C1 controls; the non-characters U+FFFE and U+FFFF.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** The first control character in `text`, if any (the same set findControlCharacters reports). */
export function firstControlCharacter(text: string): string | undefined {
  CONTROL.lastIndex = 0;
  const match = CONTROL.exec(text);
  CONTROL.lastIndex = 0;
  return match?.[0];
}

/** `\u000B` → `U+000B`. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * One error per line that holds such characters, at the first one. `firstLine` is the file line
 * the text starts on (the body's; front-matter fields are checked by the schema, escapes included).
 */
export function findControlCharacters(text: string, file: string, firstLine = 1): BuildError[] {
  const errors: BuildError[] = [];
  let lastLine = 0;
  for (const match of text.matchAll(CONTROL)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length + firstLine - 1;
    if (line === lastLine) continue;
    lastLine = line;
    const column = match.index - before.lastIndexOf('\n');
    errors.push(makeError('CONTROL_CHARACTER', `The text holds the control character ${codePointName(match[0])}.`, { file, line, column }));
  }
  return errors;
}
