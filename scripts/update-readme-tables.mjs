// Rewrites the field tables in README.md from the zod schemas (run after `npm run build`).
// tests/unit/readme-docs.test.ts fails when README.md and the schemas disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { FrontMatterSchema } from '../dist/model/article-schema.js';
import { ConfigSchema } from '../dist/model/config-schema.js';

function schemaTable(schema) {
  const rows = Object.entries(schema.shape).map(([name, field]) => {
    const optional = field.safeParse(undefined).success;
    return `| \`${name}\` | ${optional ? 'optional' : '**required**'} | ${field.description ?? ''} |`;
  });
  return ['| field | | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

let readme = readFileSync('README.md', 'utf8');
for (const [marker, schema] of [['front-matter-fields', FrontMatterSchema], ['config-fields', ConfigSchema]]) {
  readme = readme.replace(new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(\\n<!-- ${marker}:end -->)`), (_, start, end) => start + schemaTable(schema) + end);
}
writeFileSync('README.md', readme);
