// Pure: the config file's bytes → its `content` setting alone (where the articles are, in which layout), read before the config is validated.
import jsYaml from 'js-yaml';
import { ContentSchema, type ContentSource } from '../model/content-schema.js';
import { POLYFEED_CONTENT } from '../model/content-folders.js';

/**
 * The site is listed before anything is validated (the snapshot of the incremental build), so its
 * content folder is read from the config text first. A config that cannot be read, or whose
 * `content` is invalid, lists articles/ here; validating the config then reports why.
 */
export function parseContentSetting(configBytes: Uint8Array | undefined): ContentSource {
  if (configBytes === undefined) return POLYFEED_CONTENT;
  let data: unknown;
  try {
    data = jsYaml.load(Buffer.from(configBytes).toString('utf8'), { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return POLYFEED_CONTENT;
  }
  if (data === null || typeof data !== 'object' || !('content' in data)) return POLYFEED_CONTENT;
  const parsed = ContentSchema.safeParse((data as { content: unknown }).content);
  return parsed.success ? parsed.data : POLYFEED_CONTENT;
}

