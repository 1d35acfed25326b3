// Test helper: strips the common indentation of a template literal, so Markdown can be written inline.
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, index) => out + part + (index < values.length ? String(values[index]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}
