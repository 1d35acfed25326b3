// Pure: the codes of the text inside a file: front matter, YAML and JSON syntax, the article body.
import { entry, variants } from './catalogue-entry.js';
import { codePointName } from './wording.js';

const YAML_HINT = 'Fix the YAML syntax; quote values that contain ": " or start with a special character.';
const JSON_HINT = 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).';
const CONTROL_HINT = 'Delete the invisible control character (often pasted from a word processor or CMS); feeds cannot carry it.';

export const textErrors = {
  FRONT_MATTER_MISSING: variants({
    'no-opening-line': entry({
      message: () => 'The file does not start with a front-matter block ("---" on the first line).',
      hint: 'Start the file with a line "---", the YAML fields, then another "---" line.',
    }),
    empty: entry({ message: () => 'The front-matter block is empty.', hint: 'Add at least "title:" and "date:".' }),
    /** Hugo's TOML front matter (between "+++" lines), which polyfeed does not read. */
    toml: entry({
      message: () => 'The front matter is TOML (between "+++" lines); polyfeed reads YAML front matter only.',
      hint: 'Convert it to YAML between "---" lines (hugo convert toYAML does it for a whole site).',
    }),
  }),
  FRONT_MATTER_UNCLOSED: entry({
    message: () => 'The front-matter block opened on line 1 is never closed with a "---" line.',
    hint: 'Add a line "---" after the last front-matter field.',
  }),
  YAML_SYNTAX: variants({
    /** `reason`: the first line of the parser's message. */
    unparsable: entry({ message: (p: { reason: string }) => `The YAML could not be parsed: ${p.reason}`, hint: YAML_HINT }),
    'duplicate-key': entry({ message: () => 'The YAML could not be parsed: Map keys must be unique', hint: YAML_HINT }),
    /** The text parsed, but making it data failed (aliases that expand to a huge value). */
    'not-data': entry({
      message: (p: { reason: string }) => `The YAML could not be turned into data: ${p.reason}`,
      hint: 'Remove YAML aliases (*name) that expand to huge values.',
    }),
  }),
  JSON_SYNTAX: variants({
    /** `reason`: JSON.parse's message. */
    unparsable: entry({ message: (p: { reason: string }) => `The labels file is not valid JSON: ${p.reason}.`, hint: JSON_HINT }),
    'not-an-object': entry({ message: () => 'The labels file must hold a JSON object ({ "feed": {…}, "item": {…} }).', hint: JSON_HINT }),
  }),
  EMPTY_BODY: entry({
    message: () => 'The article has no text after its front matter.',
    hint: 'Write the article text below the closing "---" line.',
  }),
  CONTROL_CHARACTER: variants({
    /** A line of the article body. */
    'in-text': entry({ message: (p: { character: string }) => `The text holds the control character ${codePointName(p.character)}.`, hint: CONTROL_HINT }),
    /** A text field of the front matter or the config. */
    'in-field': entry({
      message: (p: { character: string }) => `The text holds the control character ${codePointName(p.character)}, which no feed can carry.`,
      hint: CONTROL_HINT,
    }),
    'in-url': entry({
      message: (p: { character: string }) =>
        `The URL holds the control character ${codePointName(p.character)}; a browser drops it, and the address it reads may not be the one checked.`,
      hint: 'Delete the invisible character (often pasted along with the address).',
    }),
  }),
  MARKDOWN_TOO_DEEP: entry({
    message: (p: { maxNesting: number }) =>
      `Lists or block quotes nest too deeply here (past the Markdown parser's limit of ${p.maxNesting} levels, a list counting two): the parser stops, and the text from this line on would be missing from the feeds.`,
    hint: 'Nest lists and block quotes less deeply; past this depth the Markdown parser drops the rest of the text.',
  }),
  UNSAFE_HTML_REMOVED: entry({
    message: (p: { tag: string }) => `The raw HTML element <${p.tag}> is removed from the feeds, with everything inside it.`,
    hint: 'Remove the element, or put it in a code span or block if the text is meant to be shown; an unclosed element also takes the rest of the article with it.',
  }),
};
