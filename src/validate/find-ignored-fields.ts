// Pure: one article file of another generator's layout (its path and bytes) → the top-level front-matter fields polyfeed does not use, in the order written.
import { decodeText } from '../load/decode-text.js';
import { parseYamlFast } from '../load/parse-yaml-fast.js';
import { parseYamlWithPositions } from '../load/parse-yaml-with-positions.js';
import { splitFrontMatter } from '../load/split-front-matter.js';
import type { SiteConfig } from '../model/config-schema.js';
import { parseSourcePath } from '../model/source-path.js';
import { mapForeignFrontMatter } from './map-foreign-front-matter.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The fields the front-matter mapper leaves unused (a Hugo `layout:`, `weight:`), read the way a
 * build reads the file. A file whose front matter cannot be read has none to list: its problem is
 * reported by validation. polyfeed's own layout ignores nothing (an unknown field is an error there).
 */
export function findIgnoredFields(path: string, bytes: Uint8Array, config: Pick<SiteConfig, 'content' | 'languages' | 'defaultLanguage' | 'timezone'>): readonly string[] {
  if (config.content.layout === 'polyfeed') return [];
  const sourcePath = parseSourcePath(path, config);
  const text = sourcePath && decodeText({ path, bytes }).value;
  const split = text === undefined ? undefined : splitFrontMatter(text, path).value;
  if (!sourcePath || !split) return [];
  const data = parseYamlFast(split.yamlText)?.data ?? parseYamlWithPositions(split.yamlText, { file: path, firstLine: split.yamlStartLine }).value?.data;
  if (!isRecord(data)) return [];
  return mapForeignFrontMatter(data, { content: config.content, timezone: config.timezone, sourcePath }).ignored;
}
