// Pure: polyfeed.config.yaml text → SiteConfig, or every problem with its line and column.
import type { BuildError } from '../model/build-error.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import { ConfigSchema, type SiteConfig } from '../model/config-schema.js';
import { zodIssuesToErrors } from './zod-issues-to-errors.js';

export function validateConfig(text: string, file: string): { value?: SiteConfig; errors: BuildError[] } {
  const parsed = parseYamlWithPositions(text, { file, firstLine: 1 });
  if (!parsed.value) return { errors: parsed.errors };
  const { data, positionOf } = parsed.value;
  const result = ConfigSchema.safeParse(data ?? {});
  if (result.success) return { value: result.data, errors: [] };
  return {
    errors: zodIssuesToErrors(result.error.issues, { file, positionOf, schema: ConfigSchema, subject: 'config' }, data),
  };
}
