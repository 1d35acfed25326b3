// Test helper: renders a Markdown table of a zod object schema's fields from their descriptions.
import type { z } from 'zod';

export function schemaTable(schema: z.ZodObject): string {
  const rows = Object.entries(schema.shape).map(([name, field]) => {
    const optional = (field as z.ZodType).safeParse(undefined).success;
    const description = (field as z.ZodType).description ?? '';
    return `| \`${name}\` | ${optional ? 'optional' : '**required**'} | ${description} |`;
  });
  return ['| field | | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
